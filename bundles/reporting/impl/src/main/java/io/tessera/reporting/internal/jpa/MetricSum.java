package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * RPT_METRIC_SUM: a store's count of one thing for a day or a month — new members, coupons claimed, redeemed and
 * returned (with their discount), points moved by one journal row type (with the points) — for the overview, the
 * points data and the coupon statistics. Store 0: none (a send, an expiry).
 */
@Entity
@Table(name = "RPT_METRIC_SUM", uniqueConstraints = @UniqueConstraint(name = "RPT_METRIC_SUM_KEY", columnNames = {"GRAIN", "PERIOD_NO", "STORE_ID",
        "METRIC"}))
public class MetricSum {

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

    /** MEMBER_NEW, COUPON_CLAIMED, COUPON_REDEEMED, COUPON_RETURNED, POINTS_&lt;journal row type&gt;. */
    @Column(name = "METRIC", nullable = false)
    public String metric;

    @Column(name = "ENTRIES", nullable = false)
    public long entries;

    /** Points (signed as the journal moved them); 0 elsewhere. */
    @Column(name = "QTY", nullable = false)
    public long qty;

    /** Coupons' discount; 0 elsewhere. */
    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 2)
    public BigDecimal amount;
}
