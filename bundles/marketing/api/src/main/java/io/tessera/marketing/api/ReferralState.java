package io.tessera.marketing.api;

/**
 * BOUND: the referee named the referrer, the trigger has not happened yet; REWARDED: the trigger happened and
 * the rewards were written (see the rewards); REFUSED: no rewards (refusal says why).
 */
public enum ReferralState {
    BOUND, REWARDED, REFUSED
}
