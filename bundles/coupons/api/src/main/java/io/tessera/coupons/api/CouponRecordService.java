package io.tessera.coupons.api;

import io.tessera.platform.api.Page;
import io.tessera.platform.api.jobs.Job;
import java.util.List;

/** The back office's coupon tables: claim and redemption records, their export, monthly statistics. */
public interface CouponRecordService {

    Page<ClaimRecord> claims(RecordQuery query);

    Page<RedemptionRecord> redemptions(RecordQuery query);

    /** The redemption records the query selects (every page), as a CSV or XLSX file: a job, poll it, then download its result. */
    Job exportRedemptions(RecordQuery query, String format);

    /**
     * Months {@code from} to {@code to} (yyyy-MM, at most 120 months), oldest first, for the chain or one store
     * or template; {@code perTemplate}: a row per month and template.
     */
    List<MonthlyStat> stats(String from, String to, Long templateId, Long storeId, boolean perTemplate);
}
