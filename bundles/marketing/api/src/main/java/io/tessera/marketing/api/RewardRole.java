package io.tessera.marketing.api;

/**
 * Who a reward is for, in its activity: the member who referred, the member referred (REFERRAL); a member of the
 * segment a send reached (COUPON_SEND).
 */
public enum RewardRole {
    REFERRER, REFEREE, RECIPIENT
}
