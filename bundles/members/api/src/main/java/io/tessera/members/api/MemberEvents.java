package io.tessera.members.api;

/** The events the members domain publishes (platform outbox). */
public final class MemberEvents {

    /** A member registered; payload {@link Registered}, aggregate "member:&lt;id&gt;". */
    public static final String REGISTERED = "members.registered";
    /**
     * A member's level changed with the experience of a sale or refund; payload {@link LevelChanged}, aggregate
     * "member:&lt;id&gt;". Not published by the bulk re-evaluation after a level rule change.
     */
    public static final String LEVEL_CHANGED = "members.level_changed";

    private MemberEvents() {
    }

    public static class LevelChanged {
        public long memberId;
        public Long fromLevelId;
        public Long toLevelId;
    }

    public static class Registered {
        public long memberId;
        public String memberNo;
        public long storeId;
        public Member.Channel channel;
        /** The referral code given at registration (null: none), unchecked: marketing's referrals check it. */
        public String referralCode;
        /** When (since 1.3; what the reporting read model counts a new member on). */
        @javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter(io.tessera.platform.api.xml.OffsetDateTimeAdapter.class)
        public java.time.OffsetDateTime registeredAt;
    }
}
