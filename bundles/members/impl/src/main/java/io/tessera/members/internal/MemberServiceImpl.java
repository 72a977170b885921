package io.tessera.members.internal;

import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.Gender;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberQuery;
import io.tessera.members.api.MemberService;
import io.tessera.members.api.RegisterMemberRequest;
import io.tessera.members.api.ReturnCardGuard;
import io.tessera.members.api.ReturnCardRequest;
import io.tessera.members.api.UpdateMemberRequest;
import io.tessera.members.internal.jpa.LevelEntity;
import io.tessera.members.internal.jpa.MemberEntity;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Like;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.Phones;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.idempotency.IdempotencyService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collection;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import io.tessera.members.api.MemberActivity;
import io.tessera.members.internal.jpa.ActivityEntity;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.events.EventPublisher;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

@Component(service = {MemberService.class, MemberServiceImpl.class})
public class MemberServiceImpl implements MemberService {

    static final String ENTITY = "member";
    private static final LocalDate OLDEST_BIRTHDAY = LocalDate.of(1900, 1, 1);

    private final JpaTemplate jpa;

    private final OrgService org;

    private final AuditService audit;

    private final IdempotencyService idempotency;

    private final EventPublisher events;

    @Activate
    public MemberServiceImpl(@Reference(target = "(osgi.unit.name=tessera-members)") JpaTemplate jpa,
            @Reference OrgService org,
            @Reference AuditService audit,
            @Reference IdempotencyService idempotency,
            @Reference EventPublisher events) {
        this.jpa = jpa;
        this.org = org;
        this.audit = audit;
        this.idempotency = idempotency;
        this.events = events;
    }

    /** Wallets, points and others veto a card return while they hold something of the member's. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<ReturnCardGuard> guards = new CopyOnWriteArrayList<>();

    @Override
    public Member register(RegisterMemberRequest request, String idempotencyKey) {
        Caller caller = CallerContext.current();
        Checks.required("body", request);
        String phone = Phones.require("phone", request.phone);
        String name = Checks.text("name", request.name, 50);
        LocalDate birthday = checkBirthday(request.birthday);
        long storeId = registeringStore(caller, request.storeId);
        String referralCode = Checks.optionalText("referralCode", request.referralCode, 20);
        return idempotency.execute("members.register", idempotencyKey, request, Member.class,
                () -> jpa.txExpr(TransactionType.Required, em -> {
                    if (byPhone(em, phone).isPresent()) {
                        throw phoneTaken();
                    }
                    // A member signs up by themselves only through a chain-wide integrator (a mini-program);
                    // staff and a store's POS register them at the counter, on their behalf.
                    Member.Channel channel = caller.getKind() == Caller.Kind.INTEGRATOR && caller.seesAllStores()
                            ? Member.Channel.SELF : Member.Channel.ON_BEHALF;
                    return Registrations.insert(em, new Registrations.Fields(phone, name, request.gender, birthday, storeId, channel,
                            referralCode), caller.label(), audit, events);
                }));
    }

    @Override
    public MemberActivity activity(long id) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> {
            visible(caller, em.find(MemberEntity.class, id));
            ActivityEntity a = em.find(ActivityEntity.class, id);
            MemberActivity out = new MemberActivity();
            out.memberId = id;
            out.walletMovements = a == null ? 0 : a.movements;
            out.storedValueIn = a == null ? Money.ZERO : Money.of(a.storedIn);
            out.storedValueOut = a == null ? Money.ZERO : Money.of(a.storedOut);
            out.lastMovementAt = a == null || a.lastMovementAt == null ? null : BusinessTime.offset(a.lastMovementAt);
            return out;
        });
    }

    @Override
    public Member get(long id) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> toDto(em, visible(caller, em.find(MemberEntity.class, id))));
    }

    @Override
    public Optional<Member> lookup(long id) {
        // Every member payment asks: the level's name and discount from the short cache, the member from the database.
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(MemberEntity.class, id)).map(e -> {
            LevelCache.Kept level = e.levelId == null ? null : LevelCache.of(em, e.levelId).orElse(null);
            return toDto(level == null ? null : level.name(), level == null ? LevelRules.NO_DISCOUNT : level.discountRate(), e);
        }));
    }

    @Override
    public Map<Long, Member> lookupAll(Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().collect(Collectors.toList());
        Map<Long, Member> out = new HashMap<>();
        jpa.tx(TransactionType.Supports, em -> {
            for (int i = 0; i < distinct.size(); i += 500) {
                em.createQuery("SELECT m FROM MemberEntity m WHERE m.id IN :ids", MemberEntity.class)
                        .setParameter("ids", distinct.subList(i, Math.min(i + 500, distinct.size()))).getResultList()
                        .forEach(e -> out.put(e.id, toDto(em, e)));
            }
        });
        return out;
    }

    @Override
    public Optional<Member> lookup(String phone, String memberNo) {
        if ((phone == null || phone.isBlank()) == (memberNo == null || memberNo.isBlank())) {
            throw MemberErrors.MEMBER_KEY_REQUIRED.at("phone", "give either phone or memberNo");
        }
        if (phone != null && !phone.isBlank()) {
            String p = Phones.require("phone", phone);
            return jpa.txExpr(TransactionType.Supports, em -> byPhone(em, p).map(e -> toDto(em, e)));
        }
        String no = Checks.text("memberNo", memberNo, 20);
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT m FROM MemberEntity m WHERE m.memberNo = :no", MemberEntity.class)
                .setParameter("no", no).getResultList().stream().findFirst().map(e -> toDto(em, e)));
    }

    @Override
    public Member getByMemberNo(String memberNo) {
        Caller caller = CallerContext.current();
        String no = Checks.text("memberNo", memberNo, 20);
        return jpa.txExpr(TransactionType.Supports, em -> toDto(em, visible(caller, em
                .createQuery("SELECT m FROM MemberEntity m WHERE m.memberNo = :no", MemberEntity.class)
                .setParameter("no", no).getResultList().stream().findFirst().orElse(null))));
    }

    @Override
    public Member getByPhone(String phone) {
        Caller caller = CallerContext.current();
        String p = Phones.require("phone", phone);
        return jpa.txExpr(TransactionType.Supports, em -> toDto(em, visible(caller, byPhone(em, p).orElse(null))));
    }

    @Override
    public Page<Member> list(MemberQuery q) {
        Caller caller = CallerContext.current();
        MemberQuery query = q == null ? new MemberQuery() : q;
        Page.check(query.page, query.size);
        PagedQuery select = PagedQuery.of("MemberEntity", "m");
        if (query.storeId != null) {
            caller.requireStore(query.storeId);
            select.where("m.registeredStoreId = :store", "store", query.storeId);
        } else if (!caller.seesAllStores()) {
            if (caller.getStoreIds().isEmpty()) {
                return new Page<>(List.of(), query.page, query.size, 0);
            }
            select.where("m.registeredStoreId IN :stores", "stores", new ArrayList<>(caller.getStoreIds()));
        }
        select.filter(query.phone, "m.phone = :phone", "phone")
                .filter(query.memberNo, "m.memberNo = :no", "no")
                .filter(query.name == null || query.name.isBlank() ? null : Like.prefix(query.name.trim()), "m.name LIKE :name" + Like.ESCAPE, "name")
                .filter(query.levelId, "m.levelId = :level", "level")
                .filter(query.status == null ? null : query.status.name(), "m.status = :status", "status")
                .filter(birthMmdd(query.bornOn), "m.birthMmdd = :born", "born")
                .filter(query.registeredFrom == null ? null : query.registeredFrom.atStartOfDay(), "m.registeredAt >= :regFrom", "regFrom")
                .filter(query.registeredTo == null ? null : query.registeredTo.plusDays(1).atStartOfDay(), "m.registeredAt < :regTo", "regTo");
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, LevelEntity> levels = LevelServiceImpl.levelsById(em);
            return select.page(em, MemberEntity.class, "m.id DESC", query.page, query.size).map(e -> toDto(levels, e));
        });
    }

    @Override
    public Member update(long id, UpdateMemberRequest request) {
        Caller caller = CallerContext.current();
        Checks.required("body", request);
        return jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity e = visible(caller, em.find(MemberEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
            requireActive(e);
            Member before = toDto(em, e);
            if (request.name != null) {
                e.name = Checks.text("name", request.name, 50);
            }
            if (request.gender != null) {
                e.gender = request.gender.name();
            }
            if (request.birthday != null) {
                e.birthday = checkBirthday(request.birthday);
                e.birthMmdd = Registrations.mmdd(e.birthday);
            }
            if (request.phone != null) {
                String phone = Phones.require("phone", request.phone);
                if (e.phone != null) {
                    throw MemberErrors.MEMBER_PHONE_SET.at("phone", "the member has a phone already: it is not changed here");
                }
                if (byPhone(em, phone).isPresent()) {
                    throw phoneTaken();
                }
                e.phone = phone;
                Flush.orConflict(em, MemberServiceImpl::phoneTaken);
            }
            Member after = toDto(em, e);
            audit.record("member.update", ENTITY, String.valueOf(id), e.registeredStoreId, Registrations.masked(before), Registrations.masked(after));
            return after;
        });
    }

    @Override
    public Member returnCard(long id, ReturnCardRequest request) {
        Caller caller = CallerContext.current();
        if (request == null || !request.confirm) {
            throw MemberErrors.CONFIRMATION_REQUIRED.at("confirm",
                    "returning a card erases the member's personal data for good: send confirm=true");
        }
        String reason = Checks.optionalText("reason", request.reason, 500);
        return jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity e = visible(caller, em.find(MemberEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
            requireActive(e);
            for (ReturnCardGuard guard : guards) {
                Optional<String> refusal = guard.refusal(id);
                if (refusal.isPresent()) {
                    throw MemberErrors.MEMBER_HAS_BALANCE.error("the card cannot be returned: " + refusal.get());
                }
            }
            audit.redact(ENTITY, String.valueOf(id));
            e.phone = null;
            e.name = null;
            e.gender = Gender.UNKNOWN.name();
            e.birthday = null;
            e.birthMmdd = null;
            e.status = Member.Status.RETURNED.name();
            e.returnedAt = BusinessTime.now();
            Member after = toDto(em, e);
            audit.record("member.return-card", ENTITY, String.valueOf(id), e.registeredStoreId, null,
                    reason == null ? Map.of("status", "RETURNED") : Map.of("status", "RETURNED", "reason", reason));
            return after;
        });
    }

    // ---- helpers shared with the level service

    /** One member, with their level read by its id. */
    static Member toDto(EntityManager em, MemberEntity e) {
        return toDto(e.levelId == null ? null : em.find(LevelEntity.class, e.levelId), e);
    }

    /** Members of a list, with every level read once. */
    static Member toDto(Map<Long, LevelEntity> levels, MemberEntity e) {
        return toDto(e.levelId == null ? null : levels.get(e.levelId), e);
    }

    private static Member toDto(LevelEntity level, MemberEntity e) {
        return toDto(level == null ? null : level.name, level == null ? LevelRules.NO_DISCOUNT : level.discountRate, e);
    }

    private static Member toDto(String levelName, BigDecimal discountRate, MemberEntity e) {
        Member m = new Member();
        m.id = e.id;
        m.memberNo = e.memberNo;
        m.phone = e.phone;
        m.name = e.name;
        m.gender = Gender.valueOf(e.gender);
        m.birthday = e.birthday;
        m.registeredStoreId = e.registeredStoreId;
        m.channel = Member.Channel.valueOf(e.channel);
        m.registeredBy = e.registeredBy;
        m.status = Member.Status.valueOf(e.status);
        m.levelId = e.levelId;
        m.levelName = levelName;
        m.discountRate = discountRate;
        m.experience = e.experience;
        m.registeredAt = BusinessTime.offset(e.registeredAt);
        return m;
    }

    /** 404 (not 403) for members of other stores, so a clerk cannot probe who is registered elsewhere. */
    static MemberEntity visible(Caller caller, MemberEntity e) {
        if (e == null || !caller.canAccessStore(e.registeredStoreId)) {
            throw notFound();
        }
        return e;
    }

    static TesseraException notFound() {
        return MemberErrors.MEMBER_NOT_FOUND.error("no such member");
    }

    private long registeringStore(Caller caller, Long requested) {
        Long storeId = requested;
        if (storeId == null) {
            if (!caller.seesAllStores() && caller.getStoreIds().size() == 1) {
                storeId = caller.getStoreIds().iterator().next();
            } else {
                throw TesseraException.required("storeId");
            }
        }
        return org.actingStore(storeId).id;
    }

    /** "MM-dd" as mmdd; a 400 naming bornOn when it is no day of a year. */
    private static Integer birthMmdd(String bornOn) {
        if (bornOn == null) {
            return null;
        }
        try {
            MonthDay day = MonthDay.parse("--" + bornOn.trim());
            return day.getMonthValue() * 100 + day.getDayOfMonth();
        } catch (DateTimeParseException e) {
            throw PlatformErrors.DATE_INVALID.at("bornOn", "a month and day as MM-dd, e.g. 12-05");
        }
    }

    private static LocalDate checkBirthday(LocalDate birthday) {
        if (birthday != null && (birthday.isAfter(BusinessTime.today()) || birthday.isBefore(OLDEST_BIRTHDAY))) {
            throw MemberErrors.BIRTHDAY_INVALID.at("birthday", "birthday must be between 1900-01-01 and today");
        }
        return birthday;
    }

    private static void requireActive(MemberEntity e) {
        if (!Member.Status.ACTIVE.name().equals(e.status)) {
            throw MemberErrors.MEMBER_RETURNED.error("the member's card was returned");
        }
    }

    static Optional<MemberEntity> byPhone(EntityManager em, String phone) {
        return em.createQuery("SELECT m FROM MemberEntity m WHERE m.phone = :p", MemberEntity.class)
                .setParameter("p", phone).getResultList().stream().findFirst();
    }

    static TesseraException phoneTaken() {
        return MemberErrors.MEMBER_PHONE_EXISTS.at("phone", "a member with this phone is already registered");
    }
}
