package io.tessera.points.api;

/**
 * What a points journal row records. Credits: EARN (an order), ACTIVITY (registration, first purchase, recharge,
 * birthday), GRANT (a marketing reward), PUT_BACK (a refund gives spent points back), RELEASE (an unpaid order's
 * points come back), ACTIVATE (pending points become spendable). Debits: SPEND (at checkout), EXCHANGE (points
 * mall), TAKE_BACK (a refund of an order that earned points), EXPIRE. ADJUST either way (headquarters, with a
 * reason); SETTLE moves points of a new credit into the debt lot (no change of the balance).
 */
public enum EntryType {
    EARN, ACTIVITY, GRANT, PUT_BACK, RELEASE, ACTIVATE, SPEND, EXCHANGE, TAKE_BACK, EXPIRE, ADJUST, SETTLE
}
