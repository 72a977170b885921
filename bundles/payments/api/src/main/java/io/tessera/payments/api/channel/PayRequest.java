package io.tessera.payments.api.channel;

import java.time.OffsetDateTime;

/** A payment asked of a channel. */
public class PayRequest {
    public long storeId;
    /** Tessera's number for this attempt (6-32 characters, letters and digits). */
    public String outTradeNo;
    public long amountFen;
    /** What the customer sees, e.g. the store's name and the order no. */
    public String description;
    /** The customer's payment code (付款码), or null for a QR code payment. */
    public String authCode;
    /** After this the channel refuses to take the payment. */
    public OffsetDateTime expiresAt;
}
