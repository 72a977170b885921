package io.tessera.marketing.api;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A member card (会员卡) as its channel shows it to every member who opens it (a card template); its name is fixed once it has been pushed. */
@XmlType(name = "marketingCardTemplate")
public class CardTemplate {
    public long id;
    /** The channel's name (a CardChannel service, e.g. "webhook"). */
    public String channel;
    public String name;
    /** How many members have opened it. */
    public long members;
    /** The first push to the channel (from then on the name is locked). */
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime firstPushAt;
    public int version;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime createdAt;
}
