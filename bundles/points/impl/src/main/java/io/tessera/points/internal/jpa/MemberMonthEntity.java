package io.tessera.points.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A member's points earned and spent in a month (top earners). */
@Entity
@Table(name = "PTS_MEMBER_MONTH",
        uniqueConstraints = @UniqueConstraint(name = "PTS_MEMBER_MONTH_KEY", columnNames = {"MONTH_NO", "MEMBER_ID"}),
        indexes = @Index(name = "PTS_MEMBER_MONTH_EARNED", columnList = "MONTH_NO, EARNED"))
public class MemberMonthEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    /** yyyyMM */
    @Column(name = "MONTH_NO", nullable = false)
    public int month;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "EARNED", nullable = false)
    public long earned;

    @Column(name = "SPENT", nullable = false)
    public long spent;
}
