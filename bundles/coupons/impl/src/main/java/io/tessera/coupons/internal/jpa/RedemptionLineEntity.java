package io.tessera.coupons.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** What a coupon did to one order line: the line's cost just before it (BASE), what it took off, units it covered, money it kept back at refunds. */
@Entity
@Table(name = "CPN_REDEMPTION_LINE", indexes = @Index(name = "CPN_REDEMPTION_LINE_REDEMPTION", columnList = "REDEMPTION_ID"))
public class RedemptionLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "REDEMPTION_ID", nullable = false)
    public long redemptionId;

    /** 0-based, as checkout names lines. */
    @Column(name = "LINE_INDEX", nullable = false)
    public int lineIndex;

    @Column(name = "SKU", length = 64, nullable = false)
    public String sku;

    @Column(name = "BASE", precision = 19, scale = 2, nullable = false)
    public BigDecimal base;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "UNITS", nullable = false)
    public long units;

    @Column(name = "CLAWED", precision = 19, scale = 2, nullable = false)
    public BigDecimal clawed;
}
