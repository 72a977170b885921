package io.tessera.payments.api.channel;

import io.tessera.platform.api.PaymentMethod;
import java.time.LocalDate;

/**
 * A payment channel as checkout uses it, whatever its protocol. Registered as a DS service with
 * {@link #METHOD}; its configuration (merchant ids, keys, fee rate, per store) is the channel's own
 * {@code etc/} file, and no key or secret ever reaches a log line or an answer.
 *
 * <p>Every call that reaches the channel may time out: the adapter then answers {@link ChannelState#UNKNOWN}
 * (never FAILED), and checkout asks again with {@link #query} until the channel knows. Amounts cross this
 * interface in fen, as the channels count them. {@code outTradeNo} (one per payment attempt) and
 * {@code outRefundNo} (one per refund, reused on every retry of it) are Tessera's, and the channel
 * refunds a given refund no at most once.
 */
public interface PaymentChannel {

    /** Service property: the {@link PaymentMethod} name this channel serves (WECHAT, ALIPAY). */
    String METHOD = "tessera.payment.method";

    PaymentMethod method();

    /** The channel's protocol, addresses and merchant accounts, without any secret. */
    ChannelInfo info();

    /**
     * The fee rate of payments in this store (e.g. 0.0060), as configured; 503 CHANNEL_NOT_AVAILABLE when no
     * merchant account serves the store.
     */
    java.math.BigDecimal feeRate(long storeId);

    /**
     * Starts a payment: with {@code authCode} (the customer's payment code, scanned at the till) the channel
     * charges at once and answers SUCCEEDED, FAILED, WAITING (the customer confirms on the phone) or UNKNOWN;
     * without it, the answer is WAITING with a QR code URL for the customer to scan.
     */
    ChannelResult pay(PayRequest request);

    /**
     * Where the payment is now, asked of the channel. {@code paymentCode}: the attempt was a payment code (else a QR
     * code, which some channels do not know until it is scanned).
     */
    ChannelResult query(long storeId, String outTradeNo, boolean paymentCode);

    /** Closes an unpaid QR code payment, or revokes a payment code attempt (refunding it if it was paid); answers its final state. */
    ChannelResult close(long storeId, String outTradeNo, boolean paymentCode);

    /** Asks for a refund; usually PROCESSING, settled by its notification or {@link #queryRefund}. */
    RefundResult refund(RefundRequest request);

    /** Where a refund of the payment {@code outTradeNo} is now; NOT_FOUND when the channel never received it. */
    RefundResult queryRefund(long storeId, String outTradeNo, String outRefundNo);

    /**
     * Checks a notification's signature (and decrypts it where the protocol encrypts) and reads it. A
     * notification that fails the check throws {@code TesseraException} CHANNEL_SIGNATURE_INVALID and
     * nothing else happens.
     */
    Notification verify(NotificationRequest request);

    /** The channel's daily bill for a store's merchant account (for reconciliation), as the channel gives it. */
    Bill bill(long storeId, LocalDate day);
}
