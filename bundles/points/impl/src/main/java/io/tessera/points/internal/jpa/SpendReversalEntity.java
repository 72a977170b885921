package io.tessera.points.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** What one refund gave back of an order's points: once per refund. */
@Entity
@Table(name = "PTS_SPEND_REVERSAL",
        uniqueConstraints = @UniqueConstraint(name = "PTS_SPEND_REVERSAL_REFUND", columnNames = {"REFUND_NO"}))
public class SpendReversalEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "SPEND_ID", nullable = false)
    public long spendId;

    @Column(name = "REFUND_NO", length = 32, nullable = false)
    public String refundNo;

    @Column(name = "POINTS", nullable = false)
    public long points;

    /** 1: applied from the refund's event (points were not installed when the refund was made). */
    @Column(name = "LATE", nullable = false)
    public int late;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
