package io.tessera.coupons.api;

/** The coupons use cases that change coupons: each takes an idempotency key (a retry answers the first result). */
public interface CouponService {

    /** A member claims a coupon: stock, per-member and per-day limits hold under any concurrency. */
    Coupon claim(Requests.Claim request, String idempotencyKey);

    /**
     * Sends coupons of an active template to the listed members (at once), or to a segment (a job). Each member's
     * coupon is issued once per key: a retry, or a job submitted again with the same key, skips those already sent.
     */
    SendResult send(Requests.Send request, String idempotencyKey);

    /** An available coupon of a giftable template moves to another member; its history says so. */
    Coupon gift(String couponNo, Requests.Gift request, String idempotencyKey);

    /** An available coupon becomes VOID (headquarters, or the store that issued it). */
    Coupon voidCoupon(String couponNo, Requests.Void request, String idempotencyKey);
}
