package io.tessera.cards.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** An uploaded CRM export (one per distinct file content) and the counts of its import, kept with each chunk. */
@Entity
@Table(name = "CRD_IMPORT", uniqueConstraints = @UniqueConstraint(name = "CRD_IMPORT_SHA", columnNames = "SHA256"))
public class ImportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CRD_IMPORT_SEQ")
    @TableGenerator(name = "CRD_IMPORT_SEQ", table = "CRD_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 1)
    @Column(name = "ID")
    public long id;

    @Column(name = "FILE_NAME", length = 200, nullable = false)
    public String fileName;

    @Column(name = "FORMAT", length = 8, nullable = false)
    public String format;

    @Column(name = "CHARSET", length = 20)
    public String charset;

    @Column(name = "SHA256", length = 64, nullable = false)
    public String sha256;

    @Column(name = "SIZE_BYTES", nullable = false)
    public long sizeBytes;

    @Column(name = "STORED_PATH", length = 500)
    public String storedPath;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "JOB_ID")
    public Long jobId;

    @Column(name = "READ_ROWS", nullable = false)
    public long read;

    @Column(name = "INSERTED_ROWS", nullable = false)
    public long inserted;

    @Column(name = "UPDATED_ROWS", nullable = false)
    public long updated;

    @Column(name = "UNCHANGED_ROWS", nullable = false)
    public long unchanged;

    @Column(name = "REJECTED_ROWS", nullable = false)
    public long rejected;

    @Column(name = "MESSAGE", length = 1000)
    public String message;

    @Column(name = "CREATED_BY", length = 100, nullable = false)
    public String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "FINISHED_AT")
    public LocalDateTime finishedAt;
}
