package io.tessera.members.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A yearly level review done: one row per year (its key), written in the review's own transaction. */
@Entity
@Table(name = "MBR_LEVEL_REVIEW")
public class LevelReviewEntity {

    @Id
    @Column(name = "REVIEW_YEAR", nullable = false)
    public int year;

    @Column(name = "MOVED", nullable = false)
    public int moved;

    @Column(name = "DONE_AT", nullable = false)
    public LocalDateTime doneAt;
}
