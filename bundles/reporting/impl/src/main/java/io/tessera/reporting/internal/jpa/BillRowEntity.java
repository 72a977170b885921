package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** RPT_BILL_ROW: a bill's line, by its trade key (P:out trade no, R:out refund no). */
@Entity
@Table(name = "RPT_BILL_ROW")
public class BillRowEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "BILL_ID", nullable = false)
    public long billId;

    @Column(name = "METHOD", nullable = false)
    public String method;

    @Column(name = "TRADE_KEY", nullable = false)
    public String tradeKey;

    @Column(name = "CHANNEL_NO")
    public String channelNo;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 2)
    public BigDecimal amount;

    @Column(name = "FEE", nullable = false, precision = 19, scale = 2)
    public BigDecimal fee;

    @Column(name = "STATE")
    public String state;

    @Column(name = "OCCURRED_AT")
    public LocalDateTime at;
}
