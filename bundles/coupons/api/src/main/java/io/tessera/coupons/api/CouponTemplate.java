package io.tessera.coupons.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.LocalDateAdapter;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A coupon template as Tessera keeps it: the terms of the coupons made from it, its stock and its state. */
@XmlType(name = "couponTemplate")
public class CouponTemplate {
    public long id;
    public String name;
    public String description;
    public CouponKind kind;
    /** Null: headquarters' template; else the store that made it for itself. */
    public Long ownerStoreId;
    /** CASH, THRESHOLD: the amount off; SINGLE_ITEM: per unit, the amount off or the fixed price. */
    public Money value;
    public SingleItemMode singleItemMode;
    /** DISCOUNT: the share paid, e.g. 0.85 = 15 % off. */
    public BigDecimal discountRate;
    /** DISCOUNT: the most it takes off. */
    public Money discountCap;
    /** The applicable lines must cost at least this (0.00 = no minimum). */
    public Money minSpend;
    /** SINGLE_ITEM, EXCHANGE: units one coupon covers. */
    public int maxUnits;
    /** ALL stores, or only the LISTED stores and formats. */
    public Scope storeScope;
    public List<Long> storeIds;
    public List<String> formatCodes;
    /** ALL products, only the LISTED SKUs, or all but the EXCLUDED SKUs. */
    public Scope productScope;
    public List<String> skus;
    public Validity validity;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    @Schema(type = "string", format = "date")
    public LocalDate validFrom;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    @Schema(type = "string", format = "date")
    public LocalDate validTo;
    /** RELATIVE: days a coupon is valid (from its first valid day). */
    public Integer validDays;
    /** RELATIVE: days after claiming before a coupon is valid. */
    public int startDelayDays;
    /** Null: no limit. */
    public Long stock;
    /** Coupons made from it so far. */
    public long issued;
    public Integer perMemberLimit;
    public Integer perDayLimit;
    /** 可赠送: a member may give a coupon of it to another member. */
    public boolean giftable;
    /** Listed in the points mall at {@link #pointsPrice}. */
    public boolean pointsExchangeable;
    public Long pointsPrice;
    public List<RedeemChannel> channels;
    /** The kinds of coupon it may share an order with. */
    public List<CouponKind> stackKinds;
    /** Whether it may be used on an order with the member level discount. */
    public boolean stackWithLevel;
    public TemplateStatus status;
    public String createdBy;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    @Schema(type = "string", format = "date-time")
    public OffsetDateTime createdAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    @Schema(type = "string", format = "date-time")
    public OffsetDateTime updatedAt;

    /** FIXED dates, or RELATIVE to the day a coupon is claimed. */
    public enum Validity { FIXED, RELATIVE }
}
