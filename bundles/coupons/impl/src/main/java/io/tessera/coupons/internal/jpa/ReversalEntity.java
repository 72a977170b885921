package io.tessera.coupons.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** What a refund did to a coupon of its order (KEPT, RETURNED, CLAWED_BACK, GIVEN_BACK): asked again, the same answer. */
@Entity
@Table(name = "CPN_REVERSAL", uniqueConstraints = @UniqueConstraint(name = "CPN_REVERSAL_REFUND_COUPON",
        columnNames = {"REFUND_NO", "COUPON_ID"}),
        indexes = @Index(name = "CPN_REVERSAL_ORDER", columnList = "ORDER_NO"))
public class ReversalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "REFUND_NO", length = 32, nullable = false)
    public String refundNo;

    @Column(name = "ORDER_NO", length = 32, nullable = false)
    public String orderNo;

    @Column(name = "COUPON_ID", nullable = false)
    public long couponId;

    @Column(name = "COUPON_NO", length = 18, nullable = false)
    public String couponNo;

    @Column(name = "OUTCOME", length = 12, nullable = false)
    public String action;

    /** Comma-separated fen per order line (empty when none): negative kept back, positive given back. */
    @Column(name = "ADJUSTMENT", length = 2000, nullable = false)
    public String adjustment;

    @Column(name = "SHORTFALL", precision = 19, scale = 2, nullable = false)
    public BigDecimal shortfall;

    @Column(name = "DISCOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal discount;

    @Column(name = "NOTE", length = 300)
    public String note;

    /** Applied after the refund, from its event (the coupons feature was not installed then): its money could not change. */
    @Column(name = "LATE", nullable = false)
    public boolean late;

    @Column(name = "HAPPENED_AT", nullable = false)
    public LocalDateTime at;
}
