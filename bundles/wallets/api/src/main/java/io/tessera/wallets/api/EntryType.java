package io.tessera.wallets.api;

/** What a journal row records. Rows are only ever inserted. */
public enum EntryType {
    /** Paid amount into principal, package bonus into bonus. */
    RECHARGE,
    /** Undoes a whole recharge (its principal and its bonus). */
    REVERSAL,
    /** Member pay: debits principal and bonus by the split policy. */
    CONSUME,
    /** Returns part or all of a member payment, with the payment's split. */
    REFUND,
    /** Stored-value refund: pays the principal back, forfeits the bonus. */
    SV_REFUND,
    /** Headquarters correction with a written reason. */
    ADJUSTMENT,
    /** A legacy plastic card's balance migrated into principal. */
    MIGRATION_IN
}
