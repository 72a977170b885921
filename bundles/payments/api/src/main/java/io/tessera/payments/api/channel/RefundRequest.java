package io.tessera.payments.api.channel;

/** A refund asked of a channel. */
public class RefundRequest {
    public long storeId;
    public String outTradeNo;
    /** Tessera's number for this refund: the same on every retry, so the channel refunds once. */
    public String outRefundNo;
    public long refundFen;
    /** The payment's whole amount, which the channels ask for. */
    public long totalFen;
    public String reason;
}
