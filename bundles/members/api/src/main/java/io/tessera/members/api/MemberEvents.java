package io.tessera.members.api;

/** The events the members domain publishes (platform outbox). */
public final class MemberEvents {

    /** A member registered; payload {@link Registered}, aggregate "member:&lt;id&gt;". */
    public static final String REGISTERED = "members.registered";

    private MemberEvents() {
    }

    public static class Registered {
        public long memberId;
        public String memberNo;
        public long storeId;
        public Member.Channel channel;
        /** The referral code given at registration (null: none), unchecked: marketing's referrals check it. */
        public String referralCode;
    }
}
