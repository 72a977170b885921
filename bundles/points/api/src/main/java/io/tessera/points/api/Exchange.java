package io.tessera.points.api;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Points exchanged for a coupon: both in one transaction, or neither. */
@XmlType(name = "pointsExchange")
public class Exchange {
    /** Tessera's number of the exchange (the same for a retry with the same key). */
    public String exchangeNo;
    public long memberId;
    public long templateId;
    public long points;
    public String couponNo;
    public Long storeId;
    /** The points journal row of the exchange. */
    public long entryId;
    public long availableAfter;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
}
