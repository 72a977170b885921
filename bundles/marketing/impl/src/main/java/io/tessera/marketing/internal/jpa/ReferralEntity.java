package io.tessera.marketing.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A referral: one per referee (the key), so a member has one referrer and the referrals cannot loop. */
@Entity
@Table(name = "MKT_REFERRAL",
        indexes = @Index(name = "MKT_REFERRAL_REFERRER", columnList = "REFERRER_ID"))
public class ReferralEntity {

    @Id
    @Column(name = "REFEREE_ID", nullable = false)
    public long refereeId;

    @Column(name = "REFERRER_ID")
    public Long referrerId;

    @Column(name = "CODE", length = 20, nullable = false)
    public String code;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "ACTIVITY_ID")
    public Long activityId;

    @Column(name = "STATE", length = 10, nullable = false)
    public String state;

    @Column(name = "REFUSAL", length = 60)
    public String refusal;

    @Column(name = "BOUND_AT", nullable = false)
    public LocalDateTime boundAt;

    @Column(name = "REWARDED_AT")
    public LocalDateTime rewardedAt;
}
