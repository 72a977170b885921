package io.tessera.payments.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import java.util.List;
import javax.xml.bind.annotation.XmlType;

/**
 * The requests of the orders' calls. Creating, paying, closing and refunding are sent with an idempotency
 * key. Their XML type names end in "Request" so they never collide with the SOAP operations' wrapper types.
 */
public final class Requests {

    /** Lines an order may have. */
    public static final int MAX_LINES = 200;

    private Requests() {
    }

    @XmlType(name = "orderRequest")
    @Schema(name = "OrderRequest")
    public static class CreateOrder {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long storeId;
        /** The POS's own number of the sale: unique per store; the same no with the same content is the same order. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64)
        public String posOrderNo;
        /** The member buying, or none for a guest. */
        public Long memberId;
        /** SALE (default) or RECHARGE. */
        public OrderKind kind;
        /** POS (default), TERMINAL, MINI_PROGRAM, PAYMENT_CODE. */
        @Schema(maxLength = 20)
        public String source;
        /** The till (收银台) the sale is rung up at, as the store numbers its tills: what cashier reconciliation groups by. */
        @Schema(maxLength = 32)
        public String tillNo;
        // Lists are bounded by items (maxItems); swagger-core reads "required" of a list only from this (deprecated) attribute.
        @ArraySchema(minItems = 1, maxItems = MAX_LINES, arraySchema = @Schema(required = true))
        public List<LineRequest> lines;
        /** Coupons and points the customer uses (each needs its domain's feature). */
        public List<DiscountRequest> discounts;
        /** The tenders the customer will pay with: the member's level discount depends on them. */
        public List<PaymentMethod> payWith;
        /**
         * False: no member level discount on this order, e.g. when the customer uses a coupon that does not stack
         * with it. Default true (it applies when the member has one and the tenders allow it).
         */
        public Boolean levelDiscount;
        @Schema(maxLength = 500)
        public String remark;
    }

    @XmlType(name = "orderLineRequest")
    @Schema(name = "OrderLineRequest")
    public static class LineRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64)
        public String sku;
        @Schema(maxLength = 64)
        public String barcode;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200)
        public String name;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "100000")
        public Long quantity;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Money unitPrice;
        /** If given, it must be quantity × unit price (a check on the POS's arithmetic). */
        public Money amount;
    }

    @XmlType(name = "orderDiscountRequest")
    @Schema(name = "OrderDiscountRequest")
    public static class DiscountRequest {
        /** COUPON, POINTS. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 20)
        public String source;
        /** The coupon code. */
        @Schema(maxLength = 64)
        public String reference;
        /** Points to use. */
        public Long quantity;
    }

    @XmlType(name = "orderPayRequest")
    @Schema(name = "OrderPayRequest")
    public static class Pay {
        /** Adding up to the order's payable amount (none for an order of zero). */
        @ArraySchema(maxItems = 5, arraySchema = @Schema(required = true))
        public List<TenderRequest> tenders;
    }

    @XmlType(name = "orderTenderRequest")
    @Schema(name = "OrderTenderRequest")
    public static class TenderRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public PaymentMethod method;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Money amount;
        /** WECHAT, ALIPAY: the customer's payment code scanned at the till (none: a QR code to scan). */
        @Schema(maxLength = 32)
        public String authCode;
        /** POS_CARD: the bank-card terminal's reference of the payment. */
        @Schema(maxLength = 64)
        public String terminalRef;
        /** CASH: what the customer handed over (at least the amount; the change is given back). */
        public Money cashReceived;
    }

    @XmlType(name = "orderCloseRequest")
    @Schema(name = "OrderCloseRequest")
    public static class Close {
        @Schema(maxLength = 500)
        public String reason;
    }

    @XmlType(name = "orderRefundRequest")
    @Schema(name = "OrderRefundRequest")
    public static class Refund {
        /** Money to give back, spread over the lines; or null to refund by {@link #lines}. */
        public Money amount;
        /** Lines and units returned; each gives back what its units were paid. */
        public List<RefundLineRequest> lines;
        @Schema(maxLength = 500)
        public String reason;
    }

    @XmlType(name = "orderRefundLineRequest")
    @Schema(name = "OrderRefundLineRequest")
    public static class RefundLineRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Integer lineNo;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
        public Long quantity;
    }
}
