package io.tessera.coupons.api;

import io.tessera.platform.api.Page;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.jobs.Job;
import java.util.List;

/** Templates: headquarters for the chain, a store's operators for their store. Every change is audited. */
public interface CouponTemplateService {

    CouponTemplate create(Requests.TemplateRequest request);

    /** A draft changes freely; an active or stopped one keeps its kind and money fields (COUPON_TEMPLATE_LOCKED). */
    CouponTemplate update(long id, Requests.TemplateRequest request);

    CouponTemplate get(long id);

    Page<CouponTemplate> list(TemplateQuery query);

    /** DRAFT or STOPPED → ACTIVE: coupons can be claimed. */
    CouponTemplate activate(long id);

    /** ACTIVE → STOPPED: no new coupons; those issued stay usable unless voided. */
    CouponTemplate stop(long id);

    /**
     * Voids every AVAILABLE coupon of a stopped (or draft) template, as a job: coupons reserved by an order or used
     * stay as they are. Audited with its reason.
     */
    Job voidCoupons(long id, String reason);

    /** The template's audit trail, newest first. */
    List<AuditEntry> audit(long id);
}
