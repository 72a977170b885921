package io.tessera.marketing.internal;

/** The event a member card's change publishes: the push consumer shows the card as it is then. */
public final class CardEvents {

    /** Aggregate "member:&lt;id&gt;", payload {@link Changed}. */
    public static final String CHANGED = "marketing.card_changed";

    private CardEvents() {
    }

    public static class Changed {
        public long memberCardId;
        public long version;
    }
}
