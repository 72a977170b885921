package io.tessera.marketing.api;

/**
 * PENDING: to be delivered (the delivery task retries while the domain that delivers it is not installed);
 * DONE: the coupon or points were given; REFUSED: the delivering domain refused (code and message say why).
 */
public enum RewardState {
    PENDING, DONE, REFUSED
}
