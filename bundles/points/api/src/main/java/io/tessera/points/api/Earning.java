package io.tessera.points.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * What an order or activity earned, and why: written once per order (or activity), 0 points included.
 * A simulation answers the same without writing anything (id 0).
 */
@XmlType(name = "pointsEarning")
public class Earning {
    public long id;
    /** ORDER or ACTIVITY. */
    public String sourceType;
    /** The order no, or the activity's key (e.g. "REGISTER:42"). */
    public String sourceRef;
    public Long memberId;
    public String orderNo;
    public long storeId;
    public Long ruleId;
    public String ruleName;
    /** What the points were computed on: the tenders the rule accepts (per yuan rules). */
    public Money base;
    /** The member level's multiplier (1.00 when the rule names none for the level). */
    public BigDecimal multiplier;
    /** Before caps. */
    public long computed;
    public long points;
    public EarningOutcome outcome;
    public String explanation;
    /** The lot the points went to (null when none). */
    public Long lotId;
    /** Points taken back so far by refunds of the order. */
    public long takenBack;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
}
