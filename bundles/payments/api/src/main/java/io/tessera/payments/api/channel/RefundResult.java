package io.tessera.payments.api.channel;

import java.time.OffsetDateTime;

/** What a channel answered about a refund. */
public class RefundResult {
    public enum State { PROCESSING, SUCCEEDED, FAILED, UNKNOWN }

    public String outRefundNo;
    public State state;
    public String channelRefundNo;
    public Long refundFen;
    public OffsetDateTime refundedAt;
    public String channelCode;
    public String channelMessage;
}
