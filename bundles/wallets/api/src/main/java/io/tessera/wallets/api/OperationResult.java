package io.tessera.wallets.api;

import io.tessera.platform.api.Money;
import java.math.BigDecimal;

/** What every money-moving call answers: the journal row written and the account after it. */
public class OperationResult {
    public JournalEntry entry;
    public Account account;
    /** Member pay: the member discount rate applied and the amount actually debited. */
    public BigDecimal discountRate;
    public Money payable;
    /** Recharge: the package whose bonus applied. */
    public String packageName;
    /** Recharge: the promotion (marketing's recharge activity) whose bonus and rewards applied. */
    public Long promotionId;
    public String promotionName;
}
