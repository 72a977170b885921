package io.tessera.coupons.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.LocalDateAdapter;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A member's coupon: its number, what it is, its state and (when read alone) its history. */
@XmlType(name = "coupon")
public class Coupon {
    /** 18 digits, the last a check digit. */
    public String no;
    public long templateId;
    public String templateName;
    public CouponKind kind;
    public long memberId;
    public CouponState state;
    /** First and last day it can be used (inclusive, business days). */
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    @Schema(type = "string", format = "date")
    public LocalDate validFrom;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    @Schema(type = "string", format = "date")
    public LocalDate validTo;
    /** CLAIM, SEND, POINTS (the points mall) or ACTIVITY (a marketing reward). */
    public String issueType;
    public Long issueStoreId;
    public String issueChannel;
    /** The order it is reserved by, or the last order it was used on (also when a refund gave it back). */
    public String orderNo;
    /** Whether it came to its owner as a gift. */
    public boolean gifted;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    @Schema(type = "string", format = "date-time")
    public OffsetDateTime claimedAt;
    /** When it was last used on an order. */
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    @Schema(type = "string", format = "date-time")
    public OffsetDateTime usedAt;
    /** On coupons.redeemed and coupons.returned events only (since 1.3): the store that redeemed it and what it took off the order. */
    public Long usedStoreId;
    public Money usedDiscount;
    /** On coupons.returned events only (since 1.3): when the refund gave it back. */
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    @Schema(type = "string", format = "date-time")
    public OffsetDateTime returnedAt;
    /** Oldest first; only when the coupon is read alone. */
    public List<History> history;

    /** One change of a coupon. */
    @XmlType(name = "couponHistory")
    @Schema(name = "CouponHistory")
    public static class History {
        /** CLAIMED, SENT, EXCHANGED, GIFTED, RESERVED, USED, RELEASED, RETURNED, CLAWED_BACK, EXPIRED, VOIDED. */
        public String type;
        public Long fromMemberId;
        public Long toMemberId;
        public String orderNo;
        public String refundNo;
        public String operator;
        public String note;
        @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
        @Schema(type = "string", format = "date-time")
        public OffsetDateTime at;
    }
}
