package io.tessera.marketing.internal.jpa;

import java.time.LocalDateTime;
import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One reward to one member: written PENDING with what caused it, delivered once by the delivery task (DELIVERY_KEY unique). */
@Entity
@Table(name = "MKT_REWARD",
        uniqueConstraints = @UniqueConstraint(name = "MKT_REWARD_KEY", columnNames = {"DELIVERY_KEY"}),
        indexes = {@Index(name = "MKT_REWARD_DUE", columnList = "STATE, NEXT_AT"), @Index(name = "MKT_REWARD_ACT", columnList = "ACTIVITY_ID, STATE"),
                @Index(name = "MKT_REWARD_MEMBER", columnList = "MEMBER_ID")})
public class RewardEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "ACTIVITY_ID", nullable = false)
    public long activityId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

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

    @Column(name = "STORE_ID")
    public Long storeId;

    @Column(name = "STATE", length = 10, nullable = false)
    public String state;

    @Column(name = "ATTEMPTS", nullable = false)
    public int attempts;

    @Column(name = "NEXT_AT", nullable = false)
    public LocalDateTime nextAt;

    @Column(name = "DELIVERY_KEY", length = 100, nullable = false)
    public String deliveryKey;

    @Column(name = "SOURCE", length = 100, nullable = false)
    public String source;

    @Column(name = "COUPON_NO", length = 30)
    public String couponNo;

    @Column(name = "EARNING_ID")
    public Long earningId;

    @Column(name = "CODE", length = 60)
    public String code;

    @Column(name = "MESSAGE", length = 500)
    public String message;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "DONE_AT")
    public LocalDateTime doneAt;
}
