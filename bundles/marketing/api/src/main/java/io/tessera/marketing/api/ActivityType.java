package io.tessera.marketing.api;

/**
 * What an activity rewards. REFERRAL (推荐有礼): a member brings a new member; both are rewarded once.
 * COUPON_SEND (直接送券): headquarters send its rewards to a segment of members, now or at a set time.
 */
public enum ActivityType {
    REFERRAL, COUPON_SEND
}
