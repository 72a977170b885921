package io.tessera.points.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A points journal row: never changed or deleted; the account's balances always equal the sum of its rows. */
@XmlType(name = "pointsEntry")
public class PointsEntry {
    public long id;
    public long accountId;
    /** 1, 2, 3 … per account, without gaps. */
    public long accountSeq;
    public long memberId;
    public EntryType type;
    public long availableDelta;
    public long pendingDelta;
    public long availableAfter;
    public long pendingAfter;
    /** The store where it happened (0: none, e.g. expiry). */
    public long storeId;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate businessDate;
    /** The order, refund or exchange no, the activity's key, or the lot. */
    public String reference;
    public String operator;
    public String remark;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
    /** Which lots the row moved, and by how much. */
    public List<Move> lots;

    @XmlType(name = "pointsLotMove")
    public static class Move {
        public long lotId;
        public long delta;
    }
}
