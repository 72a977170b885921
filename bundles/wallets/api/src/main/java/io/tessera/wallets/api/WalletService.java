package io.tessera.wallets.api;

import java.util.List;

/**
 * The money-moving calls. Each takes an idempotency key (required): a retry with the same key and
 * request answers with the first result and moves nothing twice. Each writes exactly one journal
 * row, locks the account row, and keeps the store's daily ledger in the same transaction.
 */
public interface WalletService {

    OperationResult recharge(Requests.Recharge request, String idempotencyKey);

    OperationResult reverseRecharge(Requests.Reverse request, String idempotencyKey);

    OperationResult pay(Requests.Pay request, String idempotencyKey);

    OperationResult refund(Requests.Refund request, String idempotencyKey);

    OperationResult storedValueRefund(Requests.StoredValueRefund request, String idempotencyKey);

    OperationResult adjust(Requests.Adjust request, String idempotencyKey);

    /** Direct opening (when configured): opens the member's account for the store's scope. */
    Account open(Requests.OpenAccount request);

    /**
     * For the cards domain: the account a legacy card's balance goes to for this member and store
     * (the store's account in store mode, the chain account in unified mode). Opens it if missing and
     * prepares today's ledger row of the store, each in a short transaction of its own: call it
     * before, not inside, the transaction that credits.
     */
    Account prepareMigration(long memberId, long storeId);

    /**
     * Credits a migrated card's balance as principal (MIGRATION_IN, carrying the card no) in the
     * caller's transaction, which owns idempotency and exactly-once: the cards domain locks the card
     * and calls this once per card. Call {@link #prepareMigration} first.
     */
    OperationResult creditMigration(Requests.MigrationCredit request);

    /** The member's accounts the caller may see. */
    List<Account> accountsOf(long memberId);
}
