package io.tessera.marketing.api;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A member's card: how far its channel is up to date ({@code pushedVersion} of {@code version}). */
@XmlType(name = "marketingMemberCard")
public class MemberCard {
    public long cardId;
    public long memberId;
    public String cardCode;
    /** Counts the changes of the card (level, balance, points). */
    public long version;
    /** The last version the channel took (0: none yet). */
    public long pushedVersion;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime pushedAt;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime openedAt;
}
