package io.tessera.coupons.api;

/**
 * The participant API other domains call inside their own transaction (no idempotency key of its own: the
 * caller's use case has one). The points mall exchanges points for a coupon through it, marketing rewards members
 * with coupons through it.
 */
public interface CouponIssuer {

    /**
     * Issues one coupon of a points-exchangeable, active template to the member, within stock and the
     * member's limits, in the caller's transaction, for {@code pointsPrice} points — refused with
     * COUPON_POINTS_PRICE_CHANGED when the template's price is no longer that (checked once the template row is
     * locked, so a price changed meanwhile never sells at the old one). {@code reference} names the exchange:
     * issuing twice with the same reference answers the same coupon. {@code storeId} is where the exchange is
     * made (null: no store, e.g. a mini-program), for the claim records and a store's own templates.
     */
    Coupon issueForPoints(long templateId, long memberId, String reference, long pointsPrice, Long storeId);

    /**
     * Issues one coupon of an active template to the member as a marketing activity's reward, in the caller's
     * transaction, within the template's stock and (unless {@code memberLimits} is false: the activity has limits of
     * its own) the member's limits. {@code reference} names the reward: issuing twice with the same reference answers
     * the same coupon. {@code storeId} is the store the reward is for (null: the chain), for a store's own templates
     * and the claim records. The coupon's issue type is ACTIVITY.
     */
    Coupon issueForActivity(long templateId, long memberId, String reference, Long storeId, boolean memberLimits);
}
