package io.tessera.payments.api.channel;

import java.time.OffsetDateTime;

/** What a channel answered about a refund. */
public class RefundResult {
    /** NOT_FOUND: the channel has no refund of that number (the request never reached it): asked for again. */
    public enum State { PROCESSING, SUCCEEDED, FAILED, NOT_FOUND, UNKNOWN }

    public String outRefundNo;
    public State state;
    public String channelRefundNo;
    public Long refundFen;
    public OffsetDateTime refundedAt;
    public String channelCode;
    public String channelMessage;
}
