package io.tessera.marketing.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** How many times an activity rewarded a member (its per-member limit); made apart, counted by a conditional update. */
@Entity
@Table(name = "MKT_ACTIVITY_MEMBER",
        uniqueConstraints = @UniqueConstraint(name = "MKT_ACTIVITY_MEMBER_ID", columnNames = {"ACTIVITY_ID", "MEMBER_ID"}))
public class ActivityMemberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "ACTIVITY_ID", nullable = false)
    public long activityId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "REWARDED", nullable = false)
    public int rewarded;
}
