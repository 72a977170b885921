package io.tessera.wallets.api;

import io.tessera.platform.api.PaymentMethod;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(name = "RechargeRequest")
    public static class Recharge {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long memberId;
        /** The store where the member pays. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long storeId;
        /** Paid amount, goes into principal. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Money amount;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public PaymentMethod method;
        /** Optional recharge package whose bonus applies (must match the amount and be valid today). */
        public Long packageId;
        /** Optional card fee (开卡费), charged on top and not stored value. */
        public Money cardFee;
        @Schema(maxLength = 64)
        public String reference;
        @Schema(maxLength = 500)
        public String remark;
    }

    @XmlType(name = "payRequest")
    @Schema(name = "PayRequest")
    public static class Pay {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long memberId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long storeId;
        /** Order amount before the member discount. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Money amount;
        @Schema(maxLength = 64)
        public String orderNo;
        @Schema(maxLength = 64)
        public String cardNo;
        @Schema(maxLength = 500)
        public String remark;
    }

    @XmlType(name = "refundRequest")
    @Schema(name = "RefundRequest")
    public static class Refund {
        /** The CONSUME entry being refunded. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long paymentEntryId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Money amount;
        @Schema(maxLength = 500)
        public String reason;
    }

    @XmlType(name = "reverseRequest")
    @Schema(name = "ReverseRequest")
    public static class Reverse {
        /** The RECHARGE entry being undone. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long rechargeEntryId;
        @Schema(maxLength = 500)
        public String reason;
    }

    @XmlType(name = "storedValueRefundRequest")
    @Schema(name = "StoredValueRefundRequest")
    public static class StoredValueRefund {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long memberId;
        /** The store whose account (store mode) is refunded, and where the refund is paid out. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long storeId;
        /** How the principal is paid back. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public PaymentMethod method;
        @Schema(maxLength = 500)
        public String reason;
    }

    @XmlType(name = "adjustRequest")
    @Schema(name = "AdjustRequest")
    public static class Adjust {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long memberId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long storeId;
        public Money principalDelta;
        public Money bonusDelta;
        /** Mandatory written reason. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500)
        public String reason;
    }

    @XmlType(name = "openAccountRequest")
    @Schema(name = "OpenAccountRequest")
    public static class OpenAccount {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long memberId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long storeId;
    }
}
