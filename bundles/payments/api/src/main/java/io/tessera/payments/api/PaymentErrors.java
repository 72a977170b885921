package io.tessera.payments.api;

import io.tessera.platform.api.ErrorCode;

/** The payments domain's error catalogue: orders, pricing, tenders, channels, refunds. */
public enum PaymentErrors implements ErrorCode {
    ORDER_NOT_FOUND(404),
    /** The POS order no is already an order of this store with other content. */
    ORDER_NO_CONFLICT(409),
    ORDER_NOT_PAYABLE(409),
    ORDER_NOT_CLOSABLE(409),
    ORDER_NOT_REFUNDABLE(409),
    ORDER_LINES_INVALID(400),
    /** A line's amount is not its quantity times its unit price. */
    LINE_AMOUNT_MISMATCH(422),
    /** The tenders do not add up to what the order costs. */
    TENDERS_MISMATCH(422),
    /** The order was priced for other tenders (the level discount depends on them): price it again. */
    TENDERS_NOT_AS_PRICED(422),
    TENDER_NOT_ALLOWED(422),
    MEMBER_REQUIRED(422),
    CASH_NOT_ENOUGH(422),
    DISCOUNT_NOT_AVAILABLE(422),
    /** A channel payment of the order is still being decided (UNKNOWN or WAITING). */
    PAYMENT_IN_PROGRESS(409),
    /** No channel of that name is installed (its notify address is gone with its feature). */
    CHANNEL_NOT_FOUND(404),
    /** The channel is not installed, or not configured for the store. */
    CHANNEL_NOT_AVAILABLE(503),
    CHANNEL_REFUSED(422),
    CHANNEL_SIGNATURE_INVALID(401),
    /** A verified notification that names no payment of Tessera's, or another amount. */
    CHANNEL_NOTIFICATION_INVALID(400),
    REFUND_NOT_FOUND(404),
    ORDER_REFUND_EXCEEDS_PAID(422),
    REFUND_QUANTITY_EXCEEDED(422),
    /** A refund of the order is still waiting for its channel. */
    REFUND_IN_PROGRESS(409);

    private final int status;

    PaymentErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
