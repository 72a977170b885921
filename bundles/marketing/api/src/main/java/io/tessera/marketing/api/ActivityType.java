package io.tessera.marketing.api;

/** What an activity rewards. REFERRAL: 推荐有礼, a member brings a new member; both are rewarded once. */
public enum ActivityType {
    REFERRAL
}
