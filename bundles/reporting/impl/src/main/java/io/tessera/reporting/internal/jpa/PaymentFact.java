package io.tessera.reporting.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** RPT_PAYMENT: one paid order (KIND PAY) or one refund (KIND REFUND), written once (SOURCE_KEY unique). */
@Entity
@Table(name = "RPT_PAYMENT")
public class PaymentFact {

    public static final String PAY = "PAY";
    public static final String REFUND = "REFUND";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    /** "P:" + order no, or "R:" + refund no. */
    @Column(name = "SOURCE_KEY", nullable = false)
    public String sourceKey;

    @Column(name = "KIND", nullable = false)
    public String kind;

    @Column(name = "ORDER_NO", nullable = false)
    public String orderNo;

    @Column(name = "REFUND_NO")
    public String refundNo;

    /** SALE or RECHARGE. */
    @Column(name = "ORDER_KIND", nullable = false)
    public String orderKind;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "MEMBER_ID")
    public Long memberId;

    @Column(name = "OPERATOR")
    public String operator;

    /** The till the order was rung up at (a refund: its order's). */
    @Column(name = "TILL_NO")
    public String tillNo;

    /** PAY: the order's discounts (level, coupons, points). */
    @Column(name = "DISCOUNT", precision = 19, scale = 2)
    public BigDecimal discount;

    /** yyyyMMdd, the business day it counts on. */
    @Column(name = "DAY_NO", nullable = false)
    public int day;

    @Column(name = "OCCURRED_AT", nullable = false)
    public LocalDateTime at;

    /** Paid (positive) or refunded (positive: what went back). */
    @Column(name = "AMOUNT", nullable = false, precision = 19, scale = 2)
    public BigDecimal amount;

    /** Fees charged (PAY) or returned (REFUND). */
    @Column(name = "FEE", nullable = false, precision = 19, scale = 2)
    public BigDecimal fee;
}
