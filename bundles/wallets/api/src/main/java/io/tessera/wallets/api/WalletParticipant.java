package io.tessera.wallets.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import java.util.Optional;

/**
 * The wallets' participant API, for use cases of other domains (checkout, card migration): every
 * method joins the caller's JTA transaction (there must be one), takes no idempotency key and never
 * retries — the calling use case owns both (see {@code io.tessera.platform.api.work.UnitOfWork}). What
 * must exist first (the member's account, the day's ledger rows) is created here, safely. Each method
 * still checks the caller may act in the store, the store is open and the member active; it applies no
 * discount (checkout prices before it pays).
 *
 * <p>Available balance = principal + bonus − open holds. A debit or a hold never takes more than is
 * available; a capture turns (part of) its hold into a CONSUME journal row and releases the rest.
 */
public interface WalletParticipant {

    /** Debits exactly {@code amount} (CONSUME, carrying the order reference); 422 WALLET_INSUFFICIENT_BALANCE over the available balance. */
    JournalEntry debit(Movement movement);

    /** Credits back (REFUND) part or all of an earlier debit, in the debit's store; at most what is left of it. */
    JournalEntry refund(long paymentEntryId, Money amount, String reason);

    /**
     * Credits a recharge paid outside stored value (RECHARGE into principal, carrying the order no and how it was
     * paid), opening the account if needed: checkout calls it once, when the recharge order is paid.
     */
    JournalEntry creditRecharge(Movement movement, PaymentMethod paidWith);

    /**
     * Reverses a RECHARGE entry (REVERSAL): once, and only while the account still holds all it brought
     * (422 RECHARGE_ALREADY_SPENT otherwise); a refunded recharge order calls it before its money goes back.
     */
    JournalEntry reverseRecharge(long rechargeEntryId, String reason);

    /** Credits a migrated legacy card's balance as principal (MIGRATION_IN, carrying the card no), opening the account if needed. */
    JournalEntry creditMigration(Movement movement);

    /** Holds {@code amount} of the available balance for an order until it is captured, released or expires. */
    Hold hold(HoldRequest request);

    /** Captures a HELD hold: {@code amount} (at most the hold's, null = all of it) is debited, the rest released. */
    JournalEntry capture(long holdId, Money amount);

    /** Releases a HELD hold; a hold already released or expired answers as it is (captured: 409 HOLD_CAPTURED). */
    Hold release(long holdId);

    /** A hold the caller may see. */
    Optional<Hold> findHold(long holdId);
}
