package io.tessera.wallets.api;

import java.util.List;

/**
 * The money-moving use cases of the faces (REST, SOAP, console). Each takes an idempotency key
 * (required): a retry with the same key and request answers with the first result and moves nothing
 * twice. Each writes exactly one journal row, locks the account row, and keeps the store's daily ledger
 * in the same transaction. Other domains' use cases use {@link WalletParticipant} instead.
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

    /** The member's accounts the caller may see. */
    List<Account> accountsOf(long memberId);
}
