package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** RPT_WALLET_ENTRY: one stored-value journal row, written once (its id in the wallets domain is the key). */
@Entity
@Table(name = "RPT_WALLET_ENTRY")
public class WalletFact {

    @Id
    @Column(name = "ENTRY_ID", nullable = false)
    public long entryId;

    @Column(name = "TYPE", nullable = false)
    public String type;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "MEMBER_ID")
    public Long memberId;

    @Column(name = "DAY_NO", nullable = false)
    public int day;

    @Column(name = "OCCURRED_AT", nullable = false)
    public LocalDateTime at;

    @Column(name = "PRINCIPAL", nullable = false, precision = 19, scale = 2)
    public BigDecimal principal;

    @Column(name = "BONUS", nullable = false, precision = 19, scale = 2)
    public BigDecimal bonus;

    @Column(name = "CARD_FEE", precision = 19, scale = 2)
    public BigDecimal cardFee;

    @Column(name = "METHOD")
    public String method;

    @Column(name = "REFERENCE")
    public String reference;

    @Column(name = "CARD_NO")
    public String cardNo;

    @Column(name = "OPERATOR")
    public String operator;
}
