package io.tessera.marketing.api.spi;

import io.tessera.platform.api.Money;
import java.time.OffsetDateTime;

/** One member's card as pushed to its channel. */
public class CardPush {
    /** The push's own id (the outbox event's): the same push sent again carries the same id. */
    public long pushId;
    public long cardId;
    /** The card's name (会员卡名称): fixed once the card has been pushed, as the channels require. */
    public String cardName;
    public long memberId;
    public String memberNo;
    /** The card's code at the channel (the member no unless the channel gave one). */
    public String cardCode;
    /** Counts every change of this member's card: the receiver keeps the highest. */
    public long version;
    public String levelName;
    /** Stored value, every account of the member (principal and bonus). */
    public Money balance;
    /** Available points (null: the points domain is not installed). */
    public Long points;
    public OffsetDateTime at;
}
