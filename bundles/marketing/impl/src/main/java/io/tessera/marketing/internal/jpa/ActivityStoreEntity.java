package io.tessera.marketing.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A store an activity covers (none listed: every store). */
@Entity
@Table(name = "MKT_ACTIVITY_STORE",
        uniqueConstraints = @UniqueConstraint(name = "MKT_ACTIVITY_STORE_ID", columnNames = {"ACTIVITY_ID", "STORE_ID"}))
public class ActivityStoreEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "ACTIVITY_ID", nullable = false)
    public long activityId;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;
}
