package io.tessera.payments.api.channel;

import java.time.LocalDate;
import java.util.List;

/** A channel's daily bill for one merchant account, row by row as the channel gave it, and the file's hash. */
public class Bill {
    public LocalDate day;
    public String merchantId;
    /** SHA-256 of the file as downloaded. */
    public String sha256;
    public List<Row> rows;

    public static class Row {
        public String outTradeNo;
        public String channelTradeNo;
        /** Null for a payment row. */
        public String outRefundNo;
        public long amountFen;
        public long feeFen;
        /** SUCCESS, REFUND, ... in the channel's words. */
        public String state;
        public java.time.OffsetDateTime at;
    }
}
