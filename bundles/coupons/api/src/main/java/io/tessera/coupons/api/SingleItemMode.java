package io.tessera.coupons.api;

/** How a single-item coupon prices each unit: an amount off it, or a fixed price for it. */
public enum SingleItemMode {
    AMOUNT_OFF, FIXED_PRICE
}
