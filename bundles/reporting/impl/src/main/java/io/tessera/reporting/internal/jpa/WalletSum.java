package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** RPT_WALLET_SUM: a store's stored-value journal rows by type and method ("-": none) for a day or a month. */
@Entity
@Table(name = "RPT_WALLET_SUM", uniqueConstraints = @UniqueConstraint(name = "RPT_WALLET_SUM_KEY",
        columnNames = {"GRAIN", "PERIOD_NO", "STORE_ID", "TYPE", "METHOD"}))
public class WalletSum {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "GRAIN", nullable = false)
    public String grain;

    @Column(name = "PERIOD_NO", nullable = false)
    public int period;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "TYPE", nullable = false)
    public String type;

    @Column(name = "METHOD", nullable = false)
    public String method;

    @Column(name = "ENTRIES", nullable = false)
    public long entries;

    @Column(name = "PRINCIPAL", nullable = false, precision = 19, scale = 2)
    public BigDecimal principal;

    @Column(name = "BONUS", nullable = false, precision = 19, scale = 2)
    public BigDecimal bonus;

    @Column(name = "CARD_FEE", nullable = false, precision = 19, scale = 2)
    public BigDecimal cardFee;
}
