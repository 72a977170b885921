package io.tessera.payments.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Transient;

/** What a discount's domain did about a refund (a coupon returned, points taken back), as it answered. */
@Entity
@Table(name = "PAY_REFUND_REVERSAL", indexes = @Index(name = "PAY_REFUND_REVERSAL_REFUND", columnList = "REFUND_ID"))
public class RefundReversalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "REFUND_ID", nullable = false)
    public long refundId;

    @Column(name = "SOURCE", length = 20, nullable = false)
    public String source;

    @Column(name = "REFERENCE", length = 64)
    public String reference;

    @Column(name = "ACTION", length = 20, nullable = false)
    public String action;

    @Column(name = "QUANTITY")
    public Long quantity;

    @Column(name = "AMOUNT", precision = 19, scale = 2)
    public BigDecimal amount;

    @Column(name = "NOTE", length = 500)
    public String note;

    /** What the reversal changed the refund's money by, in all (negative: kept back). */
    @Column(name = "ADJUSTMENT", precision = 19, scale = 2)
    public BigDecimal adjusted;

    /** Its change per order line, in fen, while the refund is being made. */
    @Transient
    public long[] adjustment;
}
