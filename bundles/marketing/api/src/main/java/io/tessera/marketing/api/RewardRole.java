package io.tessera.marketing.api;

/** Who a reward is for, in its activity: the member who referred, the member referred. */
public enum RewardRole {
    REFERRER, REFEREE
}
