package io.tessera.members.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every registration, in the order members were registered: what a read model kept from {@link MemberEvents#REGISTERED}
 * (reporting's new members) is rebuilt from. No personal data. For callers that see every store; a cursor (the last
 * member's id), never a page number.
 */
public interface MemberFeed {

    /** The most registrations one call answers. */
    int MAX = 1000;

    /** Up to {@code limit} (1 to {@link #MAX}) registrations of members with an id above {@code afterId} (0: from the first), by id. */
    List<Registration> next(long afterId, int limit);

    /** A member's registration, as {@link MemberEvents.Registered} tells it. */
    class Registration {
        public long memberId;
        public long storeId;
        public Member.Channel channel;
        public OffsetDateTime registeredAt;
    }
}
