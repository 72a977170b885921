package io.tessera.points.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** What one refund took back of the points its order earned, under which policy: once per refund. */
@Entity
@Table(name = "PTS_TAKEBACK",
        uniqueConstraints = @UniqueConstraint(name = "PTS_TAKEBACK_REFUND", columnNames = {"REFUND_NO"}),
        indexes = @Index(name = "PTS_TAKEBACK_ORDER", columnList = "ORDER_NO"))
public class TakeBackEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "REFUND_NO", length = 32, nullable = false)
    public String refundNo;

    @Column(name = "ORDER_NO", length = 32, nullable = false)
    public String orderNo;

    @Column(name = "EARNING_ID", nullable = false)
    public long earningId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    /** PROPORTIONAL/NEGATIVE, PROPORTIONAL/SHORTFALL or NONE. */
    @Column(name = "POLICY", length = 30, nullable = false)
    public String policy;

    /** What this refund gave back through the tenders that earned. */
    @Column(name = "REFUNDED_BASE", precision = 19, scale = 2, nullable = false)
    public BigDecimal refundedBase;

    /** Points taken back by this and the earlier refunds together, as they should be. */
    @Column(name = "TARGET", nullable = false)
    public long target;

    @Column(name = "TAKEN", nullable = false)
    public long taken;

    @Column(name = "DEBT", nullable = false)
    public long debt;

    @Column(name = "SHORTFALL", nullable = false)
    public long shortfall;

    @Column(name = "JOURNAL_ID")
    public Long journalId;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
