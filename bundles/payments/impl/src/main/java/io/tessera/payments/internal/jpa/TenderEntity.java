package io.tessera.payments.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One tender of an order: how much by which method, its state, its fee, and what refunds gave back of it.
 * Member stored value carries its wallet hold and debit; a channel payment its attempt's out_trade_no
 * (unique: one per attempt) and the channel's transaction id; a bank card its terminal reference; cash
 * what was handed over and the change.
 */
@Entity
@Table(name = "PAY_TENDER", uniqueConstraints = @UniqueConstraint(name = "PAY_TENDER_OUT_TRADE_NO", columnNames = "OUT_TRADE_NO"),
        indexes = {@Index(name = "PAY_TENDER_ORDER", columnList = "ORDER_ID"),
                @Index(name = "PAY_TENDER_OPEN", columnList = "STATUS, CREATED_AT")})
public class TenderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "ORDER_ID", nullable = false)
    public long orderId;

    @Column(name = "METHOD", length = 10, nullable = false)
    public String method;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "FEE_RATE", precision = 7, scale = 6, nullable = false)
    public BigDecimal feeRate;

    @Column(name = "FEE", precision = 19, scale = 2, nullable = false)
    public BigDecimal fee;

    @Column(name = "REFUNDED", precision = 19, scale = 2, nullable = false)
    public BigDecimal refunded;

    @Column(name = "FEE_RETURNED", precision = 19, scale = 2, nullable = false)
    public BigDecimal feeReturned;

    @Column(name = "HOLD_ID")
    public Long holdId;

    @Column(name = "WALLET_ENTRY_ID")
    public Long walletEntryId;

    @Column(name = "OUT_TRADE_NO", length = 32)
    public String outTradeNo;

    @Column(name = "CHANNEL_TRADE_NO", length = 64)
    public String channelTradeNo;

    /** Who paid, as the channel named them (openid, buyer_user_id): a later payment of theirs finds their member. */
    @Column(name = "PAYER_ID", length = 128)
    public String payerId;

    @Column(name = "TERMINAL_REF", length = 64)
    public String terminalRef;

    @Column(name = "CASH_RECEIVED", precision = 19, scale = 2)
    public BigDecimal cashReceived;

    @Column(name = "CHANGE_GIVEN", precision = 19, scale = 2)
    public BigDecimal changeGiven;

    /** A channel attempt with the customer's payment code (付款码), else a QR code. */
    @Column(name = "PAYMENT_CODE", nullable = false)
    public boolean paymentCode;

    /** A QR code payment: what the code shows. */
    @Column(name = "CODE_URL", length = 512)
    public String codeUrl;

    /** What the channel said last when it refused or could not be read (never a secret). */
    @Column(name = "CHANNEL_CODE", length = 64)
    public String channelCode;

    @Column(name = "CHANNEL_MESSAGE", length = 256)
    public String channelMessage;

    /** When Tessera last asked the channel about it, and how many times it has. */
    @Column(name = "CHECKED_AT")
    public LocalDateTime checkedAt;

    @Column(name = "CHECKS", nullable = false)
    public int checks;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "SETTLED_AT")
    public LocalDateTime settledAt;
}
