package io.tessera.coupons.api;

/**
 * The events the coupons domain publishes (platform outbox) in the transaction that made the change,
 * aggregate {@code "coupon:<no>"}, payload the coupon ({@link Coupon}, without history).
 */
public final class CouponEvents {

    public static final String CLAIMED = "coupons.claimed";
    public static final String GIFTED = "coupons.gifted";
    public static final String REDEEMED = "coupons.redeemed";
    public static final String RETURNED = "coupons.returned";
    public static final String EXPIRED = "coupons.expired";
    public static final String VOIDED = "coupons.voided";

    private CouponEvents() {
    }

    public static String aggregate(String couponNo) {
        return "coupon:" + couponNo;
    }
}
