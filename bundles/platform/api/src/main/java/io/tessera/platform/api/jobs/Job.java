package io.tessera.platform.api.jobs;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * Long work (an import, an export) running in the background. Clients poll it: its status, its
 * counters (e.g. rows read / accepted / rejected), how far it got, and, when it produced a file,
 * where to download it.
 */
@XmlType(name = "job")
public class Job {

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    public Long id;
    /** What kind of work, e.g. "cards.import". */
    public String type;
    public String description;
    /** The domain object the job works for, e.g. "card-import:12". */
    public String reference;
    public Status status;
    /** Who started it (operator employee no, client or console): never a phone number. */
    public String owner;
    /** Named counters in the order the work reports them, e.g. read, accepted, rejected. */
    public Map<String, Long> counters = new LinkedHashMap<>();
    /** Units done and total (bytes, rows...) when the work knows its size, else null. */
    public Long done;
    public Long total;
    /** 0-100 when the total is known; 100 once succeeded. */
    public Integer percent;
    /** The outcome in a sentence, or why it failed. */
    public String message;
    /** File name of the result, when the job produced one; downloaded from {@code resultUrl}. */
    public String resultName;
    public String resultUrl;
    /** When the result file is deleted (etc/io.tessera.jobs.cfg resultDays after the job finished). */
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime resultExpiresAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime startedAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime finishedAt;
}
