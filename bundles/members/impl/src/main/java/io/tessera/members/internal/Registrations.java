package io.tessera.members.internal;

import io.tessera.members.api.Gender;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberEvents;
import io.tessera.members.internal.jpa.MemberEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Phones;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.events.EventPublisher;
import java.time.LocalDate;
import javax.persistence.EntityManager;

/**
 * The one place a member is written at registration, whoever registers them (the counter, a mini-program, a
 * payment: {@link MemberEnrolmentImpl}): the row at the lowest level, the member no from its id, the audit row
 * (phone masked) and the {@code members.registered} event, in the caller's transaction. A phone already taken is
 * {@code MEMBER_PHONE_EXISTS}.
 */
final class Registrations {

    /** What a registration sets (phone may be null only for a payer enrolled by a payment). */
    record Fields(String phone, String name, Gender gender, LocalDate birthday, long storeId, Member.Channel channel, String referralCode) {
    }

    private Registrations() {
    }

    static Member insert(EntityManager em, Fields f, String registeredBy, AuditService audit, EventPublisher events) {
        MemberEntity e = new MemberEntity();
        e.phone = f.phone();
        e.name = f.name();
        e.gender = (f.gender() == null ? Gender.UNKNOWN : f.gender()).name();
        e.birthday = f.birthday();
        e.birthMmdd = mmdd(f.birthday());
        e.registeredStoreId = f.storeId();
        e.channel = f.channel().name();
        e.registeredBy = registeredBy;
        e.status = Member.Status.ACTIVE.name();
        e.experience = 0;
        e.registeredAt = BusinessTime.now();
        e.levelId = LevelServiceImpl.levelFor(em, 0);
        em.persist(e);
        // The table generator has assigned the id at persist: the member no derives from it.
        e.memberNo = memberNo(e.id);
        Flush.orConflict(em, MemberServiceImpl::phoneTaken);
        Member dto = MemberServiceImpl.toDto(em, e);
        audit.record("member.register", MemberServiceImpl.ENTITY, String.valueOf(e.id), f.storeId(), null, masked(dto));
        MemberEvents.Registered event = new MemberEvents.Registered();
        event.memberId = e.id;
        event.memberNo = e.memberNo;
        event.storeId = f.storeId();
        event.channel = f.channel();
        event.referralCode = f.referralCode();
        event.registeredAt = BusinessTime.offset(e.registeredAt);
        events.publish(MemberEvents.REGISTERED, "member:" + e.id, event);
        return dto;
    }

    static String memberNo(long id) {
        return String.format("M%010d", id);
    }

    static Integer mmdd(LocalDate day) {
        return day == null ? null : day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    /** The audit trail never keeps a full phone number. */
    static Member masked(Member m) {
        Member c = new Member();
        c.id = m.id;
        c.memberNo = m.memberNo;
        c.phone = Phones.mask(m.phone);
        c.name = m.name;
        c.gender = m.gender;
        c.birthday = m.birthday;
        c.registeredStoreId = m.registeredStoreId;
        c.channel = m.channel;
        c.registeredBy = m.registeredBy;
        c.status = m.status;
        c.levelId = m.levelId;
        c.levelName = m.levelName;
        c.experience = m.experience;
        c.registeredAt = m.registeredAt;
        return c;
    }
}
