package io.tessera.marketing.api;

import java.util.List;

/**
 * Member cards (会员卡) and their channels: headquarters make a card for a channel and name it (fixed once pushed);
 * a member opens it (the card enters their card package); every change of their level, stored value or points is
 * pushed to the channel through the outbox.
 */
public interface CardService {

    CardTemplate create(Requests.CardRequest request);

    /** A new name; CARD_NAME_LOCKED once the card has been pushed (the channels refuse it). */
    CardTemplate update(long id, Requests.CardRequest request);

    CardTemplate get(long id);

    List<CardTemplate> list();

    /** The member opens the card (again: the same card answered); it is pushed at once. */
    MemberCard open(long cardId, long memberId);

    MemberCard memberCard(long cardId, long memberId);

    /** Pushes the member's card again (e.g. after the channel lost it). */
    MemberCard push(long cardId, long memberId);
}
