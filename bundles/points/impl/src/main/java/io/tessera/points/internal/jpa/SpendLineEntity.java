package io.tessera.points.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** What a spend took off each order line, in points and money, and what refunds gave back of it. */
@Entity
@Table(name = "PTS_SPEND_LINE",
        uniqueConstraints = @UniqueConstraint(name = "PTS_SPEND_LINE_ENTRY", columnNames = {"SPEND_ID", "LINE_INDEX"}))
public class SpendLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "SPEND_ID", nullable = false)
    public long spendId;

    @Column(name = "LINE_INDEX", nullable = false)
    public int lineIndex;

    @Column(name = "POINTS", nullable = false)
    public long points;

    @Column(name = "AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal amount;

    @Column(name = "PUT_BACK", nullable = false)
    public long putBack;
}
