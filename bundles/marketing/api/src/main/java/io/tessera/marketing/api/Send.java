package io.tessera.marketing.api;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * A send of a COUPON_SEND activity's rewards to a segment. While it runs, its job ({@code jobId}, GET /jobs/{id})
 * shows the progress; its result file (GET /jobs/{id}/result) lists every member reached: rewarded, or skipped
 * and why.
 */
@XmlType(name = "marketingSend")
public class Send {
    public long id;
    public long activityId;
    public Segment segment;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime runAt;
    public SendState state;
    public Long jobId;
    public long reached;
    public long rewarded;
    public long skipped;
    /** Why it stopped, or how it ended. */
    public String message;
    public String createdBy;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime finishedAt;
}
