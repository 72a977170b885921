package io.tessera.coupons.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.LocalDateAdapter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** What the coupons use cases take (REST bodies, SOAP parameters). */
public final class Requests {

    /** Most members one send names inline (more: a segment, sent as a job). */
    public static final int MAX_SEND_MEMBERS = 200;

    private Requests() {
    }

    /** A template to create, or its new content (an active template's money fields must stay as they are). */
    @XmlType(name = "couponTemplateRequest")
    @Schema(name = "CouponTemplateRequest")
    public static class TemplateRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100)
        public String name;
        @Schema(maxLength = 500)
        public String description;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public CouponKind kind;
        /** A store's own template (store operators: their store; default for them). Headquarters leave it empty. */
        public Long ownerStoreId;
        /** CASH, THRESHOLD: the amount off; SINGLE_ITEM: per unit, the amount off or the fixed price. */
        public Money value;
        /** SINGLE_ITEM: AMOUNT_OFF (default) or FIXED_PRICE. */
        public SingleItemMode singleItemMode;
        /** DISCOUNT: the share paid, more than 0 and less than 1, at most 4 decimals (0.85 = 15 % off). */
        public BigDecimal discountRate;
        public Money discountCap;
        /** Required (more than 0) for THRESHOLD; optional for the others. */
        public Money minSpend;
        /** SINGLE_ITEM, EXCHANGE: units one coupon covers, 1 to 99 (default 1). */
        @Schema(minimum = "1", maximum = "99")
        public Integer maxUnits;
        /** ALL (default) or LISTED (storeIds and/or formatCodes). */
        public Scope storeScope;
        @ArraySchema(maxItems = 1000)
        public List<Long> storeIds;
        @ArraySchema(maxItems = 50, schema = @Schema(maxLength = 20))
        public List<String> formatCodes;
        /** ALL (default), LISTED or EXCLUDED skus; SINGLE_ITEM and EXCHANGE are LISTED. */
        public Scope productScope;
        @ArraySchema(maxItems = 1000, schema = @Schema(maxLength = 64))
        public List<String> skus;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public CouponTemplate.Validity validity;
        @XmlJavaTypeAdapter(LocalDateAdapter.class)
        @Schema(type = "string", format = "date")
        public LocalDate validFrom;
        @XmlJavaTypeAdapter(LocalDateAdapter.class)
        @Schema(type = "string", format = "date")
        public LocalDate validTo;
        @Schema(minimum = "1", maximum = "3650")
        public Integer validDays;
        @Schema(minimum = "0", maximum = "365")
        public Integer startDelayDays;
        /** Empty: no limit. */
        @Schema(minimum = "1")
        public Long stock;
        @Schema(minimum = "1")
        public Integer perMemberLimit;
        @Schema(minimum = "1")
        public Integer perDayLimit;
        public Boolean giftable;
        public Boolean pointsExchangeable;
        @Schema(minimum = "1")
        public Long pointsPrice;
        /** Where its coupons are redeemed; default everywhere. */
        public List<RedeemChannel> channels;
        /** The kinds it may share an order with; default none (one coupon per order). */
        public List<CouponKind> stackKinds;
        public Boolean stackWithLevel;
    }

    /** A member claims a coupon of an active template. */
    @XmlType(name = "claimCouponRequest")
    @Schema(name = "ClaimCouponRequest")
    public static class Claim {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long templateId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long memberId;
        /** The store where it is claimed, if any (for the claim records). */
        public Long storeId;
        /** Where it is claimed: POS (default), PAYMENT_CODE, MINI_PROGRAM, TERMINAL. */
        public RedeemChannel channel;
    }

    /** A member gives a coupon to another member. */
    @XmlType(name = "giftCouponRequest")
    @Schema(name = "GiftCouponRequest")
    public static class Gift {
        /** The member giving it (must own it). */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long fromMemberId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long toMemberId;
        @Schema(maxLength = 300)
        public String remark;
    }

    /**
     * Coupons of one template sent to members: those listed (at most {@link #MAX_SEND_MEMBERS}, answered at once), or a
     * segment — a level, a registered store, or all members — sent as a job with progress.
     */
    @XmlType(name = "sendCouponsRequest")
    @Schema(name = "SendCouponsRequest")
    public static class Send {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long templateId;
        @ArraySchema(maxItems = MAX_SEND_MEMBERS)
        public List<Long> memberIds;
        /** Segment: the members of this level. */
        public Long levelId;
        /** Segment: the members registered at this store. */
        public Long registeredStoreId;
        /** Segment: every active member. */
        public Boolean allMembers;
        /** Headquarters only: send even to members over the template's per-member and per-day limits (the stock still holds). */
        public Boolean ignoreMemberLimits;
    }

    /** An operator voids an available coupon. */
    @XmlType(name = "voidCouponRequest")
    @Schema(name = "VoidCouponRequest")
    public static class Void {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 300)
        public String reason;
    }
}
