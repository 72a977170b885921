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

/** A refund of an order: how much, why, by whom; PROCESSING until every tender part is back, then SUCCEEDED. */
@Entity
@Table(name = "PAY_REFUND", uniqueConstraints = @UniqueConstraint(name = "PAY_REFUND_NO", columnNames = "REFUND_NO"),
        indexes = @Index(name = "PAY_REFUND_ORDER", columnList = "ORDER_ID"))
public class RefundEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "REFUND_NO", length = 32, nullable = false)
    public String refundNo;

    @Column(name = "ORDER_ID", nullable = false)
    public long orderId;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "STATE", length = 12, nullable = false)
    public String state;

    @Column(name = "REASON", length = 500)
    public String reason;

    @Column(name = "OPERATOR", length = 100)
    public String operator;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "DONE_AT")
    public LocalDateTime doneAt;
}
