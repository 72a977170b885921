package io.tessera.payments.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A line of an order as priced: what it cost, what was taken off it, what it was paid, what was refunded of it. */
@Entity
@Table(name = "PAY_ORDER_LINE", uniqueConstraints = @UniqueConstraint(name = "PAY_ORDER_LINE_NO", columnNames = {"ORDER_ID", "LINE_NO"}))
public class OrderLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "ORDER_ID", nullable = false)
    public long orderId;

    /** 1-based, in the order the POS sent the lines. */
    @Column(name = "LINE_NO", nullable = false)
    public int lineNo;

    @Column(name = "SKU", length = 64, nullable = false)
    public String sku;

    @Column(name = "BARCODE", length = 64)
    public String barcode;

    @Column(name = "NAME", length = 200, nullable = false)
    public String name;

    @Column(name = "QUANTITY", nullable = false)
    public long quantity;

    @Column(name = "UNIT_PRICE", precision = 19, scale = 2, nullable = false)
    public BigDecimal unitPrice;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "DISCOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal discount;

    @Column(name = "PAYABLE", precision = 19, scale = 2, nullable = false)
    public BigDecimal payable;

    @Column(name = "RETURNED_QUANTITY", nullable = false)
    public long returnedQuantity;

    @Column(name = "REFUNDED", precision = 19, scale = 2, nullable = false)
    public BigDecimal refunded;
}
