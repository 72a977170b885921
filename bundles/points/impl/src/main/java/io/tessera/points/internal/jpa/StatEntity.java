package io.tessera.points.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A month of points movements of a store where they happened (STORE_ID; -1: the whole chain), kept from the points events. */
@Entity
@Table(name = "PTS_STAT_MONTH",
        uniqueConstraints = @UniqueConstraint(name = "PTS_STAT_MONTH_KEY", columnNames = {"MONTH_NO", "STORE_ID"}))
public class StatEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    /** yyyyMM */
    @Column(name = "MONTH_NO", nullable = false)
    public int month;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "ISSUED", nullable = false)
    public long issued;

    @Column(name = "SPENT", nullable = false)
    public long spent;

    @Column(name = "RELEASED", nullable = false)
    public long released;

    @Column(name = "PUT_BACK", nullable = false)
    public long putBack;

    @Column(name = "EXPIRED", nullable = false)
    public long expired;

    @Column(name = "TAKEN_BACK", nullable = false)
    public long takenBack;

    @Column(name = "ADJUSTED", nullable = false)
    public long adjusted;
}
