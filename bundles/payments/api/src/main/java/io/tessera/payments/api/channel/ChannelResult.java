package io.tessera.payments.api.channel;

import java.time.OffsetDateTime;

/** What a channel answered about a payment. */
public class ChannelResult {
    public String outTradeNo;
    public ChannelState state;
    /** The channel's own transaction id, once it has one. */
    public String channelTradeNo;
    /** The amount the channel says was paid (checked against the order's). */
    public Long paidFen;
    /** For a QR code payment: the URL the code shows. */
    public String codeUrl;
    public OffsetDateTime paidAt;
    /**
     * Who paid, as the channel names them for this merchant, when it says (WeChat Pay: payer.openid; Alipay:
     * buyer_user_id / buyer_id): how a later payment of the same payer finds the member they became. Never logged.
     */
    public String payerId;
    /** The channel's code and message when it refused (never a secret). */
    public String channelCode;
    public String channelMessage;
}
