package io.tessera.marketing.api;

/** When a referral is rewarded: when the referee registers, or when they first pay a sale. */
public enum Trigger {
    REGISTER, FIRST_PAYMENT
}
