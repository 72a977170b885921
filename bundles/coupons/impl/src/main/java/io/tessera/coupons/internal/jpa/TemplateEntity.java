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
 * A coupon template: its kind and money terms, where and on what it applies, validity, stock and limits.
 * ISSUED counts every coupon made from it; a claim raises it only while it is below STOCK (one conditional
 * update under the row lock), so a template is never over-issued.
 */
@Entity
@Table(name = "CPN_TEMPLATE", indexes = @Index(name = "CPN_TEMPLATE_STATUS", columnList = "STATUS, OWNER_STORE_ID"))
public class TemplateEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "NAME", length = 100, nullable = false)
    public String name;

    @Column(name = "DESCRIPTION", length = 500)
    public String description;

    @Column(name = "KIND", length = 12, nullable = false)
    public String kind;

    /** Null: a headquarters template; else the store that made it (for itself only). */
    @Column(name = "OWNER_STORE_ID")
    public Long ownerStoreId;

    @Column(name = "AMOUNT", precision = 19, scale = 2)
    public BigDecimal value;

    @Column(name = "SINGLE_MODE", length = 12)
    public String singleMode;

    @Column(name = "RATE", precision = 5, scale = 4)
    public BigDecimal rate;

    @Column(name = "CAP", precision = 19, scale = 2)
    public BigDecimal cap;

    @Column(name = "MIN_SPEND", precision = 19, scale = 2, nullable = false)
    public BigDecimal minSpend;

    @Column(name = "MAX_UNITS", nullable = false)
    public int maxUnits;

    @Column(name = "STORE_SCOPE", length = 10, nullable = false)
    public String storeScope;

    @Column(name = "PRODUCT_SCOPE", length = 10, nullable = false)
    public String productScope;

    @Column(name = "VALIDITY", length = 10, nullable = false)
    public String validity;

    @Column(name = "VALID_FROM")
    public LocalDate validFrom;

    @Column(name = "VALID_TO")
    public LocalDate validTo;

    @Column(name = "VALID_DAYS")
    public Integer validDays;

    @Column(name = "START_DELAY_DAYS", nullable = false)
    public int startDelayDays;

    /** Null: no limit. */
    @Column(name = "STOCK")
    public Long stock;

    @Column(name = "ISSUED", nullable = false)
    public long issued;

    @Column(name = "PER_MEMBER_LIMIT")
    public Integer perMemberLimit;

    @Column(name = "PER_DAY_LIMIT")
    public Integer perDayLimit;

    @Column(name = "GIFTABLE", nullable = false)
    public boolean giftable;

    @Column(name = "POINTS_EXCHANGEABLE", nullable = false)
    public boolean pointsExchangeable;

    @Column(name = "POINTS_PRICE")
    public Long pointsPrice;

    /** Comma-separated RedeemChannel names. */
    @Column(name = "CHANNELS", length = 100, nullable = false)
    public String channels;

    /** Comma-separated CouponKind names it may share an order with. */
    @Column(name = "STACK_KINDS", length = 100, nullable = false)
    public String stackKinds;

    @Column(name = "STACK_WITH_LEVEL", nullable = false)
    public boolean stackWithLevel;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "CREATED_BY", length = 100, nullable = false)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    public LocalDateTime updatedAt;
}
