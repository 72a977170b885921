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
 * What a refund gives back through one tender: stored value credited back (its wallet journal row), cash
 * paid out, a bank-card refund recorded, or a channel refund under its own out_refund_no (the same on every
 * retry, so the channel refunds once), PROCESSING until the channel confirms.
 */
@Entity
@Table(name = "PAY_REFUND_TENDER", uniqueConstraints = @UniqueConstraint(name = "PAY_REFUND_OUT_NO", columnNames = "OUT_REFUND_NO"),
        indexes = {@Index(name = "PAY_REFUND_TENDER_REFUND", columnList = "REFUND_ID"),
                @Index(name = "PAY_REFUND_TENDER_OPEN", columnList = "STATE, CREATED_AT")})
public class RefundTenderEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "REFUND_ID", nullable = false)
    public long refundId;

    @Column(name = "TENDER_ID", nullable = false)
    public long tenderId;

    @Column(name = "METHOD", length = 10, nullable = false)
    public String method;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "FEE_RETURNED", precision = 19, scale = 2, nullable = false)
    public BigDecimal feeReturned;

    @Column(name = "STATE", length = 12, nullable = false)
    public String state;

    @Column(name = "OUT_REFUND_NO", length = 64)
    public String outRefundNo;

    @Column(name = "CHANNEL_REFUND_NO", length = 64)
    public String channelRefundNo;

    @Column(name = "WALLET_ENTRY_ID")
    public Long walletEntryId;

    @Column(name = "CHANNEL_MESSAGE", length = 256)
    public String channelMessage;

    @Column(name = "CHECKED_AT")
    public LocalDateTime checkedAt;

    @Column(name = "CHECKS", nullable = false)
    public int checks;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "DONE_AT")
    public LocalDateTime doneAt;
}
