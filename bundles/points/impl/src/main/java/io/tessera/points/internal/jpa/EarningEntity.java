package io.tessera.points.internal.jpa;

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

/** What an order or activity earned and why, 0 included: written once (unique source), whatever delivers its event twice. */
@Entity
@Table(name = "PTS_EARNING",
        uniqueConstraints = @UniqueConstraint(name = "PTS_EARNING_SOURCE", columnNames = {"SOURCE_TYPE", "SOURCE_REF"}),
        indexes = {@Index(name = "PTS_EARNING_ORDER", columnList = "ORDER_NO"), @Index(name = "PTS_EARNING_MEMBER", columnList = "MEMBER_ID, ID"), @Index(name = "PTS_EARNING_DAY", columnList = "ACCOUNT_ID, EARN_DAY")})
public class EarningEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "SOURCE_TYPE", length = 10, nullable = false)
    public String sourceType;

    @Column(name = "SOURCE_REF", length = 80, nullable = false)
    public String sourceRef;

    @Column(name = "MEMBER_ID")
    public Long memberId;

    @Column(name = "ACCOUNT_ID")
    public Long accountId;

    @Column(name = "ORDER_NO", length = 32)
    public String orderNo;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "RULE_ID")
    public Long ruleId;

    @Column(name = "RULE_VERSION")
    public Integer ruleVersion;

    @Column(name = "RULE_NAME", length = 100)
    public String ruleName;

    /** The tenders the rule accepted, comma-separated (a refund through them takes points back). */
    @Column(name = "TENDERS", length = 200)
    public String tenders;

    @Column(name = "BASE", precision = 19, scale = 2, nullable = false)
    public BigDecimal base;

    @Column(name = "MULTIPLIER", precision = 5, scale = 2, nullable = false)
    public BigDecimal multiplier;

    @Column(name = "COMPUTED", nullable = false)
    public long computed;

    @Column(name = "POINTS", nullable = false)
    public long points;

    @Column(name = "OUTCOME", length = 20, nullable = false)
    public String outcome;

    @Column(name = "EXPLANATION", length = 500, nullable = false)
    public String explanation;

    @Column(name = "LOT_ID")
    public Long lotId;

    @Column(name = "EARN_DAY", nullable = false)
    public LocalDate earnDay;

    /** Points taken back by refunds so far (taken, owed and written off). */
    @Column(name = "TAKEN_BACK", nullable = false)
    public long takenBack;

    /** How much of BASE refunds gave back so far. */
    @Column(name = "REFUNDED_BASE", precision = 19, scale = 2, nullable = false)
    public BigDecimal refundedBase;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
