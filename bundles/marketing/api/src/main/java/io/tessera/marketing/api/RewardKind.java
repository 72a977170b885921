package io.tessera.marketing.api;

/** A coupon of a template (coupons domain), or points (points domain). */
public enum RewardKind {
    COUPON, POINTS
}
