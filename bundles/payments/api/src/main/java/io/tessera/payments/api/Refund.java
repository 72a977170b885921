package io.tessera.payments.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.payments.api.spi.Reversal;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.List;

/** A refund of an order: what it gave back line by line and tender by tender, and what the discounts' domains did about it. */
public class Refund {
    public enum State { PROCESSING, SUCCEEDED, FAILED }

    public String refundNo;
    public String orderNo;
    public Money amount;
    public State state;
    public String reason;
    public String operator;
    public List<Line> lines;
    public List<Part> tenders;
    public List<Reversal> reversals;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime doneAt;

    @javax.xml.bind.annotation.XmlType(name = "refundLine")
    public static class Line {
        public int lineNo;
        public long quantity;
        public Money amount;
    }

    /** What goes back through one tender of the order. */
    @javax.xml.bind.annotation.XmlType(name = "refundPart")
    public static class Part {
        public long tenderId;
        public PaymentMethod method;
        public Money amount;
        public Money feeReturned;
        public State state;
        public Long walletEntryId;
        /** WECHAT, ALIPAY: Tessera's refund no at the channel (the same on every retry), the channel's, and what it said. */
        public String outRefundNo;
        public String channelRefundNo;
        public String channelMessage;
    }
}
