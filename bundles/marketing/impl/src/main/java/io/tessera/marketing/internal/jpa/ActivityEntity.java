package io.tessera.marketing.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A marketing activity; VERSION counts its changes, USED its rewarded occasions. */
@Entity
@Table(name = "MKT_ACTIVITY",
        indexes = @Index(name = "MKT_ACTIVITY_TYPE", columnList = "TYPE, STATUS"))
public class ActivityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "TYPE", length = 20, nullable = false)
    public String type;

    @Column(name = "NAME", length = 100, nullable = false)
    public String name;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "STARTS_AT", nullable = false)
    public LocalDateTime startsAt;

    @Column(name = "ENDS_AT", nullable = false)
    public LocalDateTime endsAt;

    @Column(name = "BUDGET")
    public Long budget;

    @Column(name = "USED", nullable = false)
    public long used;

    @Column(name = "PER_MEMBER_LIMIT")
    public Integer perMemberLimit;

    @Column(name = "TRIGGER_ON", length = 20)
    public String trigger;

    /** RECHARGE: the smallest recharge rewarded. */
    @Column(name = "RECHARGE_FROM", precision = 19, scale = 2)
    public BigDecimal rechargeFrom;

    @Column(name = "VERSION", nullable = false)
    public int version;

    @Column(name = "CREATED_BY", length = 100, nullable = false)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    public LocalDateTime updatedAt;
}
