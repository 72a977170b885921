package io.tessera.points.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** Which lots a spend took, in the order taken, and what refunds put back into each. */
@Entity
@Table(name = "PTS_SPEND_LOT",
        uniqueConstraints = @UniqueConstraint(name = "PTS_SPEND_LOT_ENTRY", columnNames = {"SPEND_ID", "LOT_ID"}))
public class SpendLotEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "SPEND_ID", nullable = false)
    public long spendId;

    @Column(name = "LOT_ID", nullable = false)
    public long lotId;

    @Column(name = "TAKE_ORDER", nullable = false)
    public int takeOrder;

    @Column(name = "POINTS", nullable = false)
    public long points;

    @Column(name = "PUT_BACK", nullable = false)
    public long putBack;
}
