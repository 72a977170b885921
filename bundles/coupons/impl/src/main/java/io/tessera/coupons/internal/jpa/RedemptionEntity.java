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

/**
 * A coupon on an order: reserved when the order is created, USED when it is paid, RELEASED when it closes
 * unpaid, RETURNED when a refund gives it back; what it took off (AMOUNT) and the order's facts the back
 * office's redemption records show (store, member, source, how it was paid).
 */
@Entity
@Table(name = "CPN_REDEMPTION", uniqueConstraints = @UniqueConstraint(name = "CPN_REDEMPTION_ORDER_COUPON",
        columnNames = {"ORDER_NO", "COUPON_ID"}),
        indexes = {@Index(name = "CPN_REDEMPTION_COUPON", columnList = "COUPON_ID"),
                @Index(name = "CPN_REDEMPTION_USED", columnList = "STATE, USED_AT"),
                @Index(name = "CPN_REDEMPTION_STORE", columnList = "STORE_ID, USED_AT")})
public class RedemptionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "ORDER_NO", length = 32, nullable = false)
    public String orderNo;

    @Column(name = "COUPON_ID", nullable = false)
    public long couponId;

    @Column(name = "COUPON_NO", length = 18, nullable = false)
    public String couponNo;

    @Column(name = "TEMPLATE_ID", nullable = false)
    public long templateId;

    @Column(name = "KIND", length = 12, nullable = false)
    public String kind;

    /** Its place among the order's coupons, as applied. */
    @Column(name = "STEP", nullable = false)
    public int step;

    @Column(name = "MIN_SPEND", precision = 19, scale = 2, nullable = false)
    public BigDecimal minSpend;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "STATE", length = 10, nullable = false)
    public String state;

    @Column(name = "CLAWED_BACK", nullable = false)
    public boolean clawedBack;

    @Column(name = "RETURNED", nullable = false)
    public boolean returned;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "SOURCE", length = 20, nullable = false)
    public String source;

    /** The tenders that paid the order (e.g. MEMBER or MEMBER+WECHAT; NONE for an order of zero), once paid. */
    @Column(name = "PAY_METHOD", length = 60)
    public String payMethod;

    @Column(name = "RESERVED_AT", nullable = false)
    public LocalDateTime reservedAt;

    @Column(name = "USED_AT")
    public LocalDateTime usedAt;

    @Column(name = "DONE_AT")
    public LocalDateTime doneAt;
}
