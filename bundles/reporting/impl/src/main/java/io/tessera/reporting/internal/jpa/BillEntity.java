package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** RPT_BILL: a channel's daily bill of one merchant account (once per channel, merchant and day) and its totals. */
@Entity
@Table(name = "RPT_BILL")
public class BillEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "METHOD", nullable = false)
    public String method;

    @Column(name = "MERCHANT_ID", nullable = false)
    public String merchantId;

    @Column(name = "DAY_NO", nullable = false)
    public int day;

    @Column(name = "SHA256", nullable = false)
    public String sha256;

    @Column(name = "SOURCE", nullable = false)
    public String source;

    @Column(name = "ROW_COUNT", nullable = false)
    public long rows;

    @Column(name = "BILL_PAID", nullable = false, precision = 19, scale = 2)
    public BigDecimal billPaid;

    @Column(name = "BILL_REFUNDED", nullable = false, precision = 19, scale = 2)
    public BigDecimal billRefunded;

    @Column(name = "BILL_FEE", nullable = false, precision = 19, scale = 2)
    public BigDecimal billFee;

    @Column(name = "TESSERA_PAID", nullable = false, precision = 19, scale = 2)
    public BigDecimal tesseraPaid;

    @Column(name = "TESSERA_REFUNDED", nullable = false, precision = 19, scale = 2)
    public BigDecimal tesseraRefunded;

    @Column(name = "TESSERA_FEE", nullable = false, precision = 19, scale = 2)
    public BigDecimal tesseraFee;

    @Column(name = "MATCHED", nullable = false)
    public long matched;

    @Column(name = "IMPORTED_BY", nullable = false)
    public String importedBy;

    @Column(name = "IMPORTED_AT", nullable = false)
    public LocalDateTime importedAt;

    @Column(name = "CLOSED_BY")
    public String closedBy;

    @Column(name = "CLOSED_AT")
    public LocalDateTime closedAt;
}
