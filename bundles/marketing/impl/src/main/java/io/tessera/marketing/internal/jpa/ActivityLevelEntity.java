package io.tessera.marketing.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A members' level a RECHARGE activity rewards (none listed: every member). */
@Entity
@Table(name = "MKT_ACTIVITY_LEVEL")
public class ActivityLevelEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "ACTIVITY_ID", nullable = false)
    public long activityId;

    @Column(name = "LEVEL_ID", nullable = false)
    public long levelId;
}
