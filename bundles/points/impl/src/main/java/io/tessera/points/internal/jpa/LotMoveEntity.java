package io.tessera.points.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** Which lots a journal row moved, and by how much. */
@Entity
@Table(name = "PTS_LOT_MOVE",
        uniqueConstraints = @UniqueConstraint(name = "PTS_LOT_MOVE_ENTRY", columnNames = {"JOURNAL_ID", "LOT_ID"}),
        indexes = @Index(name = "PTS_LOT_MOVE_LOT", columnList = "LOT_ID"))
public class LotMoveEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "JOURNAL_ID", nullable = false)
    public long journalId;

    @Column(name = "LOT_ID", nullable = false)
    public long lotId;

    @Column(name = "DELTA", nullable = false)
    public long delta;
}
