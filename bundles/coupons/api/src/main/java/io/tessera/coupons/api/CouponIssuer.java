package io.tessera.coupons.api;

/**
 * The participant API other domains call inside their own transaction (no idempotency key of its own: the
 * caller's use case has one). The points mall exchanges points for a coupon through it.
 */
public interface CouponIssuer {

    /**
     * Issues one coupon of a points-exchangeable, active template to the member, within stock and the
     * member's limits, in the caller's transaction. {@code reference} names the exchange (e.g. the points
     * journal row): issuing twice with the same reference answers the same coupon.
     */
    Coupon issueForPoints(long templateId, long memberId, String reference);
}
