package io.tessera.payments.api.channel;

/**
 * A verified notification: a payment's or a refund's new state, and the exact body the channel expects
 * in answer once Tessera has applied it (WeChat Pay: 200 with no body needed; Alipay: the text "success").
 */
public class Notification {
    public enum Kind { PAYMENT, REFUND }

    public Kind kind;
    /** The merchant account it was for (mchid, app_id), as the channel said. */
    public String merchantId;
    /** For PAYMENT. */
    public ChannelResult payment;
    /** For REFUND. */
    public RefundResult refund;
    /** The channel's id of the notification, if it gives one (kept, for tracing). */
    public String notificationId;
    public String answerContentType;
    public String answerBody;
}
