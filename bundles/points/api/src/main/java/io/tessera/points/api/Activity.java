package io.tessera.points.api;

/** What an ACTIVITY rule rewards: registering, the first paid purchase, a stored-value recharge. */
public enum Activity {
    REGISTER, FIRST_PURCHASE, RECHARGE
}
