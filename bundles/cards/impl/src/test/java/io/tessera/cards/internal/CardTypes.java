package io.tessera.cards.internal;

import io.tessera.cards.internal.jpa.CardTypeEntity;
import java.time.LocalDateTime;

/** The card type the unit tests' cards are of. */
public final class CardTypes {

    private CardTypes() {
    }

    /** 储值卡 (code SV, id 1), as headquarters creates it before the first import. */
    public static CardTypeEntity storedValue() {
        CardTypeEntity t = new CardTypeEntity();
        t.id = 1;
        t.code = "SV";
        t.name = "储值卡";
        t.createdAt = LocalDateTime.now();
        return t;
    }
}
