package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A named lease (the event dispatcher's, a scheduled task's): a node holds it until {@code until}, and
 * a scheduled task's next run is claimed by moving {@code nextRun} forward with a conditional update,
 * so nodes sharing a database never run the same due run twice.
 */
@Entity
@Cacheable(false)
@Table(name = "PLT_LEASE")
public class LeaseEntity {

    @Id
    @Column(name = "NAME", length = 100)
    public String name;

    @Column(name = "HOLDER", length = 100)
    public String holder;

    @Column(name = "HELD_UNTIL")
    public LocalDateTime until;

    @Column(name = "NEXT_RUN")
    public LocalDateTime nextRun;

    @Column(name = "LAST_RUN_AT")
    public LocalDateTime lastRunAt;

    @Column(name = "LAST_OUTCOME", length = 500)
    public String lastOutcome;
}
