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
    /** The channel's code and message when it refused (never a secret). */
    public String channelCode;
    public String channelMessage;
}
