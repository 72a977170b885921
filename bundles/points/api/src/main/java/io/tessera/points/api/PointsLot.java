package io.tessera.points.api;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Points earned together: spent first when they expire first, and given back to on a refund of what they paid for. */
@XmlType(name = "pointsLot")
public class PointsLot {
    public long id;
    public long accountId;
    public LotSource source;
    /** The order no, the activity's key, the adjustment's journal row. */
    public String sourceRef;
    public long storeId;
    public long earned;
    public long remaining;
    public long expired;
    public LotStatus status;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime earnedAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime availableFrom;
    /** The first moment the lot is expired; null: never. */
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime expiresAt;
}
