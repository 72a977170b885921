package io.tessera.marketing.api;

/**
 * A coupon of a template (coupons domain), points (points domain), or a stored-value bonus (wallets: RECHARGE
 * activities only, credited in the recharge's own journal row).
 */
public enum RewardKind {
    COUPON, POINTS, BONUS
}
