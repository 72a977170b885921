package io.tessera.marketing.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One reward an activity gives (a coupon of a template, or points) to one role. */
@Entity
@Table(name = "MKT_ACTIVITY_REWARD",
        indexes = @Index(name = "MKT_ACTIVITY_REWARD_ACT", columnList = "ACTIVITY_ID"))
public class ActivityRewardEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "ACTIVITY_ID", nullable = false)
    public long activityId;

    @Column(name = "ROLE", length = 20, nullable = false)
    public String role;

    @Column(name = "KIND", length = 10, nullable = false)
    public String kind;

    @Column(name = "TEMPLATE_ID")
    public Long templateId;

    @Column(name = "POINTS")
    public Long points;

    /** BONUS: the stored value credited. */
    @Column(name = "AMOUNT", precision = 19, scale = 2)
    public BigDecimal amount;
}
