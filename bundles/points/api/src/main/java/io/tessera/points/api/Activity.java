package io.tessera.points.api;

/**
 * What an ACTIVITY rule rewards: registering, the first paid purchase, a stored-value recharge, a birthday (once a
 * year, on the day; those born on the 29th of February on the 28th in other years).
 */
public enum Activity {
    REGISTER, FIRST_PURCHASE, RECHARGE, BIRTHDAY
}
