package io.tessera.payments.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** What a refund gave back of one line: units returned (0 for a refund by amount) and money. */
@Entity
@Table(name = "PAY_REFUND_LINE", indexes = @Index(name = "PAY_REFUND_LINE_REFUND", columnList = "REFUND_ID"))
public class RefundLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "REFUND_ID", nullable = false)
    public long refundId;

    @Column(name = "LINE_NO", nullable = false)
    public int lineNo;

    @Column(name = "QUANTITY", nullable = false)
    public long quantity;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;
}
