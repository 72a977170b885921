package io.tessera.marketing.api;

/**
 * What an activity rewards. REFERRAL (推荐有礼): a member brings a new member; both are rewarded once.
 * COUPON_SEND (直接送券): headquarters send its rewards to a segment of members, now or at a set time.
 * RECHARGE (充值有礼): a recharge of at least {@code rechargeFrom}, by a member of its levels in its stores, earns a
 * stored-value bonus in the recharge itself and coupons or points after it.
 */
public enum ActivityType {
    REFERRAL, COUPON_SEND, RECHARGE
}
