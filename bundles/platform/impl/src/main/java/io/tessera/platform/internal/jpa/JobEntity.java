package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A background job as recorded; live progress is kept in memory while it runs and written here as it goes. */
@Entity
@Table(name = "PLT_JOB", indexes = {@Index(name = "PLT_JOB_TYPE", columnList = "JOB_TYPE, ID"),
        @Index(name = "PLT_JOB_STATUS", columnList = "STATUS, NODE")})
public class JobEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PLT_JOB_SEQ")
    @TableGenerator(name = "PLT_JOB_SEQ", table = "PLT_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 10)
    @Column(name = "ID")
    public long id;

    @Column(name = "JOB_TYPE", length = 60, nullable = false)
    public String type;

    @Column(name = "DESCRIPTION", length = 300)
    public String description;

    @Column(name = "REFERENCE", length = 100)
    public String reference;

    @Column(name = "STATUS", length = 12, nullable = false)
    public String status;

    @Column(name = "OWNER_KIND", length = 12, nullable = false)
    public String ownerKind;

    @Column(name = "OWNER_ID", nullable = false)
    public long ownerId;

    /** {@link io.tessera.platform.api.Caller#identity()} of who submitted it: only they (and headquarters) see it. */
    @Column(name = "OWNER_IDENTITY", length = 200)
    public String ownerIdentity;

    @Column(name = "OWNER_LABEL", length = 100, nullable = false)
    public String ownerLabel;

    /** Counters as JSON, e.g. {"read":10,"accepted":9,"rejected":1}. */
    @Column(name = "COUNTERS", length = 2000)
    public String counters;

    @Column(name = "DONE_UNITS")
    public Long done;

    @Column(name = "TOTAL_UNITS")
    public Long total;

    @Column(name = "MESSAGE", length = 1000)
    public String message;

    @Column(name = "RESULT_PATH", length = 500)
    public String resultPath;

    @Column(name = "RESULT_NAME", length = 200)
    public String resultName;

    @Column(name = "RESULT_TYPE", length = 100)
    public String resultType;

    /** The node running the job ({@code Leases.NODE}), and when it last said it still does. */
    @Column(name = "NODE", length = 200)
    public String node;

    @Column(name = "HEARTBEAT_AT")
    public LocalDateTime heartbeatAt;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "STARTED_AT")
    public LocalDateTime startedAt;

    @Column(name = "FINISHED_AT")
    public LocalDateTime finishedAt;
}
