package io.tessera.wallets.api;

import io.tessera.platform.api.Money;
import javax.xml.bind.annotation.XmlType;

/**
 * The requests of the money-moving calls. Every one is sent with an idempotency key. Their XML type
 * names end in "Request" so they never collide with the SOAP operations' wrapper types.
 */
public final class Requests {

    private Requests() {
    }

    @XmlType(name = "rechargeRequest")
    public static class Recharge {
        public Long memberId;
        /** The store where the member pays. */
        public Long storeId;
        /** Paid amount, goes into principal. */
        public Money amount;
        public PaymentMethod method;
        /** Optional recharge package whose bonus applies (must match the amount and be valid today). */
        public Long packageId;
        /** Optional card fee (开卡费), charged on top and not stored value. */
        public Money cardFee;
        public String reference;
        public String remark;
    }

    @XmlType(name = "payRequest")
    public static class Pay {
        public Long memberId;
        public Long storeId;
        /** Order amount before the member discount. */
        public Money amount;
        public String orderNo;
        public String cardNo;
        public String remark;
    }

    @XmlType(name = "refundRequest")
    public static class Refund {
        /** The CONSUME entry being refunded. */
        public Long paymentEntryId;
        public Money amount;
        public String reason;
    }

    @XmlType(name = "reverseRequest")
    public static class Reverse {
        /** The RECHARGE entry being undone. */
        public Long rechargeEntryId;
        public String reason;
    }

    @XmlType(name = "storedValueRefundRequest")
    public static class StoredValueRefund {
        public Long memberId;
        /** The store whose account (store mode) is refunded, and where the refund is paid out. */
        public Long storeId;
        /** How the principal is paid back. */
        public PaymentMethod method;
        public String reason;
    }

    @XmlType(name = "adjustRequest")
    public static class Adjust {
        public Long memberId;
        public Long storeId;
        public Money principalDelta;
        public Money bonusDelta;
        /** Mandatory written reason. */
        public String reason;
    }

    @XmlType(name = "openAccountRequest")
    public static class OpenAccount {
        public Long memberId;
        public Long storeId;
    }

    /** A legacy card's balance moving into the member's stored value (see WalletService#creditMigration). */
    @XmlType(name = "migrationCreditRequest")
    public static class MigrationCredit {
        public Long memberId;
        /** The card's owning store: whose account (store mode) and daily ledger take the amount. */
        public Long storeId;
        public Money amount;
        public String cardNo;
        /** The migration's own reference, e.g. its id. */
        public String reference;
        public String remark;
    }
}
