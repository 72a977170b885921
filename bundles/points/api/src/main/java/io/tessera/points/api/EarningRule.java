package io.tessera.points.api;

import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.LocalDateAdapter;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * An earning rule. SPEND: floor(paid in the accepted tenders × pointsPerYuan × the level's multiplier),
 * capped per order and per day. ACTIVITY: fixedPoints for the activity (RECHARGE: or pointsPerYuan of the
 * principal recharged). Of the active rules valid on the day that cover the store, the most specific wins (a
 * listed store before a listed format before all stores), then the higher priority, then the older rule.
 */
@XmlType(name = "pointsEarningRule")
public class EarningRule {
    public long id;
    public String name;
    public RuleKind kind;
    public Activity activity;
    public BigDecimal pointsPerYuan;
    public Long fixedPoints;
    public TenderMode tenderMode;
    public List<PaymentMethod> tenders;
    /** Empty lists: every store. */
    public List<Long> storeIds;
    public List<String> formatCodes;
    public List<LevelMultiplier> levels;
    public Long capPerOrder;
    public Long capPerDay;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate validFrom;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate validTo;
    public int priority;
    public RuleStatus status;
    /** Counts the rule's changes; every earning records the version it was computed by. */
    public int version;
    public String createdBy;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime updatedAt;

    @XmlType(name = "pointsLevelMultiplier")
    public static class LevelMultiplier {
        public long levelId;
        /** More than 0, at most 2 decimals (1.50 = half as many again). */
        public BigDecimal multiplier;
    }
}
