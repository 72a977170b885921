package io.tessera.coupons.api;

/** Where a coupon is redeemed: an order's source at checkout. */
public enum RedeemChannel {
    POS, PAYMENT_CODE, MINI_PROGRAM, TERMINAL
}
