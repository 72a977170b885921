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

/** An earning rule; VERSION counts its changes. */
@Entity
@Table(name = "PTS_RULE",
        indexes = @Index(name = "PTS_RULE_KIND", columnList = "KIND, STATUS"))
public class RuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "NAME", length = 100, nullable = false)
    public String name;

    @Column(name = "KIND", length = 10, nullable = false)
    public String kind;

    @Column(name = "ACTIVITY", length = 20)
    public String activity;

    @Column(name = "POINTS_PER_YUAN", precision = 9, scale = 4)
    public BigDecimal pointsPerYuan;

    @Column(name = "FIXED_POINTS")
    public Long fixedPoints;

    @Column(name = "TENDER_MODE", length = 10, nullable = false)
    public String tenderMode;

    @Column(name = "TENDERS", length = 200)
    public String tenders;

    @Column(name = "CAP_PER_ORDER")
    public Long capPerOrder;

    @Column(name = "CAP_PER_DAY")
    public Long capPerDay;

    @Column(name = "VALID_FROM")
    public LocalDate validFrom;

    @Column(name = "VALID_TO")
    public LocalDate validTo;

    @Column(name = "PRIORITY", nullable = false)
    public int priority;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "VERSION", nullable = false)
    public int version;

    @Column(name = "CREATED_BY", length = 100, nullable = false)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    public LocalDateTime updatedAt;
}
