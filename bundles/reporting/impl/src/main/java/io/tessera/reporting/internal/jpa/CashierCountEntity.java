package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** RPT_CASHIER_COUNT: what a till counted for one method of a store's day (till and cashier "-" when not given). */
@Entity
@Table(name = "RPT_CASHIER_COUNT")
public class CashierCountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "DAY_NO", nullable = false)
    public int day;

    @Column(name = "TILL_NO", nullable = false)
    public String tillNo;

    @Column(name = "CASHIER", nullable = false)
    public String cashier;

    @Column(name = "METHOD", nullable = false)
    public String method;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 2)
    public BigDecimal amount;

    @Column(name = "COUNTED_BY", nullable = false)
    public String countedBy;

    @Column(name = "COUNTED_AT", nullable = false)
    public LocalDateTime countedAt;
}
