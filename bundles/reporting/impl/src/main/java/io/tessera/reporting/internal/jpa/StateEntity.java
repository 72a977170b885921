package io.tessera.reporting.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** RPT_STATE: the read model's own state; the row "rebuild" says whether a rebuild runs (RUNNING 1) and its job. */
@Entity
@Table(name = "RPT_STATE")
public class StateEntity {

    @Id
    @Column(name = "NAME", nullable = false)
    public String name;

    @Column(name = "RUNNING", nullable = false)
    public int running;

    @Column(name = "JOB_ID")
    public Long jobId;

    @Column(name = "CHANGED_AT")
    public LocalDateTime changedAt;
}
