package io.tessera.wallets.api;

import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import io.tessera.platform.api.Money;
import java.time.OffsetDateTime;

/** One immutable row of an account's journal. */
public class JournalEntry {
    public Long id;
    public Long accountId;
    /** 1, 2, 3 ... within the account: the order its balance changed in. */
    public Long accountSeq;
    public Long memberId;
    public EntryType type;
    public Money principalDelta;
    public Money bonusDelta;
    public Money principalAfter;
    public Money bonusAfter;
    /** Where it happened (the store whose ledgers it counts in). */
    public Long storeId;
    /** Who did it: operator employee no, integrator client or console. */
    public String operator;
    public PaymentMethod method;
    /** Order no, recharge slip no or other outside reference. */
    public String reference;
    /** The legacy physical card a migration or payment is linked to. */
    public String cardNo;
    /** The recharge a reversal undoes, or the payment a refund returns. */
    public Long relatedEntryId;
    /** Member pay: the order amount before the member discount; recharge: the card fee. */
    public Money originalAmount;
    public Money cardFee;
    public String remark;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
}
