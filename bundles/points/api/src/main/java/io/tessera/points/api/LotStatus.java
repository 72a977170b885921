package io.tessera.points.api;

/** PENDING: earned, spendable from its date; ACTIVE: spendable until it expires; EXPIRED: what was left of it is gone. */
public enum LotStatus {
    PENDING, ACTIVE, EXPIRED
}
