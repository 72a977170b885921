package io.tessera.wallets.api;

import io.tessera.platform.api.Money;

/** A debit or credit asked of {@link WalletParticipant}. */
public class Movement {
    public Long memberId;
    /** Where the money moves (whose account in store mode, whose daily ledger). */
    public Long storeId;
    public Money amount;
    /** The order no, or the migration's reference: kept on the journal row. */
    public String reference;
    /** The physical or legacy card involved, if any. */
    public String cardNo;
    public String remark;
    /** The amount before discounts, when the caller priced the order (kept on the journal row). */
    public Money originalAmount;

    public Movement() {
    }

    public Movement(long memberId, long storeId, Money amount, String reference) {
        this.memberId = memberId;
        this.storeId = storeId;
        this.amount = amount;
        this.reference = reference;
    }
}
