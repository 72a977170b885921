package io.tessera.members.api;

import io.tessera.platform.api.Page;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

public interface MemberService {

    /**
     * By an integrator (the member themselves) or on the member's behalf by an operator. A retry with
     * the same idempotency key returns the first answer; null key for none.
     */
    Member register(RegisterMemberRequest request, String idempotencyKey);

    Member get(long id);

    /**
     * For other domains (wallets, cards): the member whatever the caller's store scope, since a
     * member may transact in any store. The calling domain applies its own scope rules.
     */
    Optional<Member> lookup(long id);

    /**
     * {@link #lookup(long)} for many members at once (a page of accounts, a report's rows): one query per
     * 500 ids, never one per row. Ids with no member are missing from the map.
     */
    Map<Long, Member> lookupAll(Collection<Long> ids);

    /**
     * For other domains serving a member at the counter (card migration): the member with this phone
     * or member no whatever the caller's store scope; empty when there is none. Exactly one of the two
     * is given; a malformed phone is a 400 naming the field.
     */
    Optional<Member> lookup(String phone, String memberNo);

    Member getByMemberNo(String memberNo);

    Member getByPhone(String phone);

    Page<Member> list(MemberQuery query);

    Member update(long id, UpdateMemberRequest request);

    /**
     * Erases the member's personal data irreversibly (an anonymised row stays for journals and
     * reports). Refused while any {@link ReturnCardGuard} objects, e.g. stored value or points remain.
     */
    Member returnCard(long id, ReturnCardRequest request);

    /** The member's stored-value activity (404 MEMBER_NOT_FOUND for a member the caller may not see). */
    MemberActivity activity(long id);
}
