package io.tessera.points.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * A member's points account: the chain's (scopeStoreId 0) or, when points are kept per store, a store's.
 * available = the spendable lots (negative while the account owes points); pending = lots not yet spendable.
 */
@XmlType(name = "pointsAccount")
public class PointsAccount {
    public long id;
    public long memberId;
    public String memberName;
    /** 0 = the chain's account. */
    public long scopeStoreId;
    public long available;
    public long pending;
    /** Points owed after a take-back found them spent (0 when none); later earnings settle it first. */
    public long debt;
    /** Points of the lots that expire next, and the day they are still valid on. */
    public long expiringNext;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate expiringNextLastDay;
    public long entryCount;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime openedAt;
}
