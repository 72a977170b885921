package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** RPT_PAYMENT_TENDER: what one tender took in, or what a refund gave back through it. */
@Entity
@Table(name = "RPT_PAYMENT_TENDER")
public class TenderFact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "PAYMENT_ID", nullable = false)
    public long paymentId;

    @Column(name = "DAY_NO", nullable = false)
    public int day;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "METHOD", nullable = false)
    public String method;

    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 2)
    public BigDecimal amount;

    /** Absent for methods without a fee. */
    @Column(name = "FEE", precision = 19, scale = 2)
    public BigDecimal fee;

    /** Tessera's number at the channel: the out trade no of a payment, the out refund no of a refund. */
    @Column(name = "TRADE_NO")
    public String tradeNo;

    /** The channel's own number. */
    @Column(name = "CHANNEL_NO")
    public String channelNo;
}
