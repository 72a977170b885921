package io.tessera.payments.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** What one discount (the level discount, a coupon, points) took off one line, in the order the discounts applied. */
@Entity
@Table(name = "PAY_LINE_DISCOUNT", indexes = @Index(name = "PAY_LINE_DISCOUNT_ORDER", columnList = "ORDER_ID"))
public class LineDiscountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "ORDER_ID", nullable = false)
    public long orderId;

    @Column(name = "LINE_NO", nullable = false)
    public int lineNo;

    /** 1-based position of the discount in the order's pricing. */
    @Column(name = "STEP", nullable = false)
    public int step;

    /** LEVEL, COUPON, POINTS, ... */
    @Column(name = "SOURCE", length = 20, nullable = false)
    public String source;

    @Column(name = "REFERENCE", length = 64)
    public String reference;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;
}
