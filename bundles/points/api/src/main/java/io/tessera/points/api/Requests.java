package io.tessera.points.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.LocalDateAdapter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** What the points use cases take (REST bodies, SOAP parameters). */
public final class Requests {

    private Requests() {
    }

    /** An earning rule to create, or its new content (an active rule's points fields stay as they are). */
    @XmlType(name = "pointsRuleRequest")
    @Schema(name = "PointsRuleRequest")
    public static class RuleRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100)
        public String name;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public RuleKind kind;
        /** ACTIVITY rules: what they reward. */
        public Activity activity;
        /** SPEND (required) and RECHARGE: points per yuan, more than 0, at most 4 decimals, at most 10000. */
        @Schema(minimum = "0", exclusiveMinimum = true, maximum = "10000")
        public BigDecimal pointsPerYuan;
        /** ACTIVITY: the points, 1 to 1,000,000 (RECHARGE: this or pointsPerYuan). */
        @Schema(minimum = "1", maximum = "1000000")
        public Long fixedPoints;
        /** SPEND: ALL (default), ONLY or EXCEPT the listed tenders. */
        public TenderMode tenderMode;
        @ArraySchema(maxItems = 10)
        public List<PaymentMethod> tenders;
        @ArraySchema(maxItems = 1000)
        public List<Long> storeIds;
        @ArraySchema(maxItems = 50, schema = @Schema(maxLength = 20))
        public List<String> formatCodes;
        /** SPEND: a multiplier per member level (levels not listed: 1.00). */
        @ArraySchema(maxItems = 50)
        public List<EarningRule.LevelMultiplier> levels;
        @Schema(minimum = "1")
        public Long capPerOrder;
        @Schema(minimum = "1")
        public Long capPerDay;
        @XmlJavaTypeAdapter(LocalDateAdapter.class)
        @Schema(type = "string", format = "date")
        public LocalDate validFrom;
        @XmlJavaTypeAdapter(LocalDateAdapter.class)
        @Schema(type = "string", format = "date")
        public LocalDate validTo;
        /** Higher first among rules equally specific; 0 by default. */
        @Schema(minimum = "0", maximum = "1000")
        public Integer priority;
    }

    /** Points added (positive) or taken (negative) by hand, with the reason: headquarters only. */
    @XmlType(name = "pointsAdjustment")
    @Schema(name = "PointsAdjustment")
    public static class Adjustment {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long memberId;
        /** Store-kept points: the store's account; otherwise the store it is recorded for (optional). */
        public Long storeId;
        /** Not 0; a negative adjustment takes the lots that expire first and never below 0. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "-10000000", maximum = "10000000")
        public Long points;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500)
        public String reason;
    }

    /** An order as the till would pay it: what it would earn, and why, without writing anything. */
    @XmlType(name = "pointsSimulation")
    @Schema(name = "PointsSimulation")
    public static class Simulation {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long storeId;
        /** Optional: with a member, their level's multiplier and what they earned today. */
        public Long memberId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED), maxItems = 10)
        public List<TenderAmount> tenders;
    }

    @XmlType(name = "pointsTenderAmount")
    @Schema(name = "PointsTenderAmount")
    public static class TenderAmount {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public PaymentMethod method;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Money amount;
    }

    /** A coupon of the points mall for the template's points price. */
    @XmlType(name = "pointsExchangeRequest")
    @Schema(name = "PointsExchangeRequest")
    public static class Exchange {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long memberId;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Long templateId;
        /** The price the member was shown: refused (409 COUPON_POINTS_PRICE_CHANGED) when it is no longer the template's. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1")
        public Long pointsPrice;
        /** Where the exchange is made (a store's own templates; store-kept points: that store's account). */
        public Long storeId;
    }
}
