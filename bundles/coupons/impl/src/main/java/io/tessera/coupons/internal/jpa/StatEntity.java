package io.tessera.coupons.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * A month of one template in one store (0: no store, e.g. a mini-program claim or a send; -1: the whole
 * chain), maintained one event at a time by the coupons.book consumer, so the back office's monthly
 * statistics read a few rows per template and month.
 */
@Entity
@Table(name = "CPN_STAT_MONTH", uniqueConstraints = @UniqueConstraint(name = "CPN_STAT_MONTH_KEY", columnNames = {"MONTH_NO", "TEMPLATE_ID",
        "STORE_ID"}))
public class StatEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    /** yyyyMM. */
    @Column(name = "MONTH_NO", nullable = false)
    public int month;

    @Column(name = "TEMPLATE_ID", nullable = false)
    public long templateId;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "CLAIMED", nullable = false)
    public long claimed;

    @Column(name = "REDEEMED", nullable = false)
    public long redeemed;

    @Column(name = "DISCOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal discount;

    @Column(name = "RETURNED", nullable = false)
    public long returned;

    @Column(name = "RETURNED_DISCOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal returnedDiscount;
}
