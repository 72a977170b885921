package io.tessera.coupons.api;

/** A coupon's life: AVAILABLE → RESERVED (by an order) → USED; or EXPIRED, VOID. */
public enum CouponState {
    AVAILABLE, RESERVED, USED, EXPIRED, VOID
}
