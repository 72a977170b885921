package io.tessera.reporting.internal;

import io.tessera.coupons.api.ClaimRecord;
import io.tessera.coupons.api.CouponRecordService;
import io.tessera.coupons.api.RecordQuery;
import io.tessera.coupons.api.RedemptionRecord;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.audit.AuditQueries;
import io.tessera.platform.api.audit.AuditQuery;
import io.tessera.platform.api.jobs.JobProgress;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.reporting.api.ReportingErrors;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The files of records other domains keep: the coupons' 领取记录 and 核销记录 (their pages join templates, stores and
 * members in bulk) and the platform's 操作记录. Walked store by store (the stores the report covers: one, a format's, a
 * store operator's; all at once for headquarters) and day by day, a page of {@value Page#MAX_SIZE} at a time, so no
 * page is deep.
 */
final class RecordExports {

    private RecordExports() {
    }

    static String claims(JobProgress p, CouponRecordService coupons, ReportQuery q, List<Long> stores, boolean xlsx, String days) throws IOException {
        long written = 0;
        try (TableFile f = TableFile.open(p, "coupon-claims-" + days, xlsx, "领取记录", "券号", "券模板", "类型", "会员ID", "会员姓名", "门店", "渠道",
                "发放方式", "状态", "领取时间")) {
            for (Long store : each(stores)) {
                for (LocalDate day = q.from; !day.isAfter(q.to); day = day.plusDays(1)) {
                    RecordQuery r = couponQuery(store, day);
                    written += walk(p, written, page -> {
                        r.page = page;
                        return coupons.claims(r);
                    }, (ClaimRecord c) -> f.row(c.couponNo, c.templateName, c.kind, c.memberId, c.memberName, c.storeName, c.channel, c.issueType,
                            c.state, c.claimedAt));
                }
            }
        }
        return written + " record(s)";
    }

    static String redemptions(JobProgress p, CouponRecordService coupons, ReportQuery q, List<Long> stores, boolean xlsx, String days)
            throws IOException {
        long written = 0;
        try (TableFile f = TableFile.open(p, "coupon-redemptions-" + days, xlsx, "核销记录", "券号", "券模板", "类型", "门店", "会员ID", "会员姓名", "订单号",
                "支付方式", "来源", "优惠金额", "状态", "核销时间")) {
            for (Long store : each(stores)) {
                for (LocalDate day = q.from; !day.isAfter(q.to); day = day.plusDays(1)) {
                    RecordQuery r = couponQuery(store, day);
                    written += walk(p, written, page -> {
                        r.page = page;
                        return coupons.redemptions(r);
                    }, (RedemptionRecord c) -> f.row(c.couponNo, c.templateName, c.kind, c.storeName, c.memberId, c.memberName, c.orderNo,
                            c.payMethod, c.source, c.discount, c.state, c.redeemedAt));
                }
            }
        }
        return written + " record(s)";
    }

    static String operations(JobProgress p, AuditQueries audit, ReportQuery q, List<Long> stores, boolean xlsx, String days) throws IOException {
        long written = 0;
        try (TableFile f = TableFile.open(p, "operations-" + days, xlsx, "操作记录", "时间", "操作人", "门店ID", "操作", "对象", "对象ID")) {
            for (Long store : each(stores)) {
                for (LocalDate day = q.from; !day.isAfter(q.to); day = day.plusDays(1)) {
                    AuditQuery a = new AuditQuery();
                    a.from = day;
                    a.to = day;
                    a.storeId = store;
                    a.actor = q.actor;
                    a.action = q.action;
                    a.size = Page.MAX_SIZE;
                    written += walk(p, written, page -> {
                        a.page = page;
                        return audit.search(a);
                    }, (AuditEntry e) -> f.row(e.getAt(), e.getActor(), e.getStoreId(), e.getAction(), e.getEntityType(), e.getEntityId()));
                }
            }
        }
        return written + " record(s)";
    }

    /** The coupons' records, when their feature is installed. */
    static CouponRecordService installed(CouponRecordService coupons) {
        if (coupons == null) {
            throw ReportingErrors.REPORT_SOURCE_NOT_INSTALLED.error("the coupons feature is not installed: no coupon records to export");
        }
        return coupons;
    }

    private interface Row<T> {
        void write(T item) throws IOException;
    }

    /** Every page until a short one; the rows written. */
    private static <T> long walk(JobProgress p, long before, Function<Integer, Page<T>> pages, Row<T> row) throws IOException {
        long n = 0;
        for (int page = 1; ; page++) {
            Page<T> items = pages.apply(page);
            for (T item : items.getItems()) {
                row.write(item);
            }
            n += items.getItems().size();
            p.done(before + n);
            p.counter("rows", before + n);
            if (items.getItems().size() < Page.MAX_SIZE) {
                return n;
            }
        }
    }

    private static RecordQuery couponQuery(Long store, LocalDate day) {
        RecordQuery r = new RecordQuery();
        r.storeId = store;
        r.from = day;
        r.to = day;
        r.size = Page.MAX_SIZE;
        return r;
    }

    /** null (every store at once) when the report covers every store, else each of them. */
    private static List<Long> each(List<Long> stores) {
        List<Long> out = new ArrayList<>();
        if (stores == null) {
            out.add(null);
        } else {
            out.addAll(stores);
        }
        return out;
    }
}
