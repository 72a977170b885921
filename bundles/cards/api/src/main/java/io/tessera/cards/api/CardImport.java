package io.tessera.cards.api;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * One uploaded CRM export and what its import did. The file is identified by its SHA-256: the same
 * file uploaded again answers with this import and changes nothing.
 */
@XmlType(name = "cardImport")
public class CardImport {
    public enum Status { RUNNING, SUCCEEDED, FAILED }

    public Long id;
    public String fileName;
    /** CSV or XLSX, recognised from the content. */
    public String format;
    /** The character set a CSV was read in (UTF-8, or GB18030 for legacy exports). */
    public String charset;
    public String sha256;
    public long sizeBytes;
    public Status status;
    /** The job that runs (or ran) the import: poll /jobs/{jobId}. */
    public Long jobId;
    /** Data rows read (the header not counted). */
    public long read;
    /** inserted + updated + unchanged. */
    public long accepted;
    public long inserted;
    public long updated;
    /** Already imported with the same values. */
    public long unchanged;
    /** Rows refused, each listed with its line and reason. */
    public long rejected;
    public String message;
    public String createdBy;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime finishedAt;
    /** True when this answer is for a file that had already been imported: nothing was done. */
    public boolean duplicate;
}
