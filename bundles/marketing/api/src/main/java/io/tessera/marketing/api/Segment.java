package io.tessera.marketing.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** The members a send reaches (see {@link SegmentKind} for which fields each kind takes). */
@XmlType(name = "marketingSegment")
public class Segment {
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    public SegmentKind kind;
    public Long levelId;
    public Long storeId;
    /** REGISTERED: the first and last day of registration. */
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    @Schema(type = "string", format = "date")
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    @Schema(type = "string", format = "date")
    public LocalDate to;
    /** SPEND: the first and last month, "2026-11". */
    @Schema(pattern = "^\\d{4}-\\d{2}$", example = "2026-11")
    public String fromMonth;
    @Schema(pattern = "^\\d{4}-\\d{2}$", example = "2026-11")
    public String toMonth;
    /** SPEND: at least this much paid in those months (more than 0). */
    public Money minSpend;
}
