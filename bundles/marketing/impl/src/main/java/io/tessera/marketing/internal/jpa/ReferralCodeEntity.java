package io.tessera.marketing.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A member's referral code (one per member, unique). */
@Entity
@Table(name = "MKT_REFERRAL_CODE",
        uniqueConstraints = @UniqueConstraint(name = "MKT_REFERRAL_CODE_CODE", columnNames = {"CODE"}))
public class ReferralCodeEntity {

    @Id
    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "CODE", length = 8, nullable = false)
    public String code;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
