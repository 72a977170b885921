package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** RPT_BILL_DIFF: a trade on which a bill and Tessera disagree (once per bill and trade) and its resolution. */
@Entity
@Table(name = "RPT_BILL_DIFF")
public class DifferenceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "BILL_ID", nullable = false)
    public long billId;

    @Column(name = "KIND", nullable = false)
    public String kind;

    @Column(name = "STATE", nullable = false)
    public String state;

    @Column(name = "TRADE_KEY", nullable = false)
    public String tradeKey;

    @Column(name = "TRADE_NO", nullable = false)
    public String tradeNo;

    @Column(name = "REFUND", nullable = false)
    public int refund;

    @Column(name = "CHANNEL_NO")
    public String channelNo;

    @Column(name = "ORDER_NO")
    public String orderNo;

    @Column(name = "STORE_ID")
    public Long storeId;

    @Column(name = "TESSERA_AMOUNT", precision = 19, scale = 2)
    public BigDecimal tesseraAmount;

    @Column(name = "TESSERA_FEE", precision = 19, scale = 2)
    public BigDecimal tesseraFee;

    @Column(name = "BILL_AMOUNT", precision = 19, scale = 2)
    public BigDecimal billAmount;

    @Column(name = "BILL_FEE", precision = 19, scale = 2)
    public BigDecimal billFee;

    @Column(name = "BILL_STATE")
    public String billState;

    @Column(name = "OCCURRED_AT")
    public LocalDateTime at;

    @Column(name = "RESOLUTION")
    public String resolution;

    @Column(name = "RESOLVED_BY")
    public String resolvedBy;

    @Column(name = "REASON")
    public String reason;

    @Column(name = "RESOLVED_AT")
    public LocalDateTime resolvedAt;
}
