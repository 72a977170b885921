package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** RPT_PAY_SUM: a store's sale orders by method (ALL: each order and refund once) for a day or a month. */
@Entity
@Table(name = "RPT_PAY_SUM", uniqueConstraints = @UniqueConstraint(name = "RPT_PAY_SUM_KEY", columnNames = {"GRAIN", "PERIOD_NO", "STORE_ID", "METHOD"}))
public class PaySum {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    /** "D" (PERIOD_NO yyyyMMdd) or "M" (yyyyMM). */
    @Column(name = "GRAIN", nullable = false)
    public String grain;

    @Column(name = "PERIOD_NO", nullable = false)
    public int period;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "METHOD", nullable = false)
    public String method;

    @Column(name = "ORDERS", nullable = false)
    public long orders;

    @Column(name = "PAID", nullable = false, precision = 19, scale = 2)
    public BigDecimal paid;

    @Column(name = "REFUNDS", nullable = false)
    public long refunds;

    @Column(name = "REFUNDED", nullable = false, precision = 19, scale = 2)
    public BigDecimal refunded;

    @Column(name = "FEE", nullable = false, precision = 19, scale = 2)
    public BigDecimal fee;
}
