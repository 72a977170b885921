package io.tessera.points.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.points.api.Earning;
import io.tessera.points.api.EntryType;
import io.tessera.points.api.LotSource;
import io.tessera.points.api.LotStatus;
import io.tessera.points.api.PointsAccount;
import io.tessera.points.api.PointsCheck;
import io.tessera.points.api.PointsEntry;
import io.tessera.points.api.PointsErrors;
import io.tessera.points.api.PointsLot;
import io.tessera.points.api.PointsService;
import io.tessera.points.api.Requests;
import io.tessera.points.internal.jpa.AccountEntity;
import io.tessera.points.internal.jpa.EarningEntity;
import io.tessera.points.internal.jpa.JournalEntity;
import io.tessera.points.internal.jpa.LotEntity;
import io.tessera.points.internal.jpa.LotMoveEntity;
import io.tessera.points.internal.rules.Expiry;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A member's points as the faces show them, and headquarters' adjustments (the only use case that writes:
 * everything else follows from orders, refunds and activities).
 */
@Component(service = PointsService.class)
public class PointsServiceImpl implements PointsService {

    private final JpaTemplate jpa;
    private final MemberService members;
    private final OrgService org;
    private final UnitOfWork work;
    private final AuditService audit;
    private final PointsSettings settings;
    private final PointsPostings postings;
    private final Accounts accounts;

    @Activate
    public PointsServiceImpl(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference MemberService members,
                             @Reference OrgService org, @Reference UnitOfWork work, @Reference AuditService audit,
                             @Reference PointsSettings settings, @Reference EventPublisher events) {
        this.jpa = jpa;
        this.members = members;
        this.org = org;
        this.work = work;
        this.audit = audit;
        this.settings = settings;
        this.postings = new PointsPostings(events);
        this.accounts = new Accounts(jpa, work, settings);
    }

    @Override
    public List<PointsAccount> accounts(long memberId) {
        Caller caller = CallerContext.current();
        Member member = member(memberId);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<PointsAccount> out = new ArrayList<>();
            for (AccountEntity a : visible(em, caller, member)) {
                LotEntity debt = PointsPostings.debtLot(em, a, false);
                List<LotEntity> next = em.createQuery("SELECT l FROM LotEntity l WHERE l.accountId = :a AND l.status = 'ACTIVE' AND l.remaining > 0"
                                + " AND l.source <> 'DEBT' AND l.expiresAt > :now ORDER BY l.expiresAt, l.id", LotEntity.class)
                        .setParameter("a", a.id).setParameter("now", BusinessTime.now()).getResultList();
                LotEntity first = next.isEmpty() || Expiry.never(next.get(0).expiresAt) ? null : next.get(0);
                PointsAccount p = Dtos.account(a, debt == null ? 0 : -debt.remaining, first);
                if (first != null) {
                    p.expiringNext = next.stream().filter(l -> l.expiresAt.equals(first.expiresAt)).mapToLong(l -> l.remaining).sum();
                }
                p.memberName = member.name;
                out.add(p);
            }
            return out;
        });
    }

    @Override
    public Page<PointsEntry> journal(long memberId, int page, int size) {
        Page.check(page, size);
        Caller caller = CallerContext.current();
        Member member = member(memberId);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Long> ids = visible(em, caller, member).stream().map(a -> a.id).toList();
            if (ids.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            long total = em.createQuery("SELECT COUNT(j) FROM JournalEntity j WHERE j.accountId IN :ids", Long.class)
                    .setParameter("ids", ids).getSingleResult();
            List<JournalEntity> rows = em.createQuery("SELECT j FROM JournalEntity j WHERE j.accountId IN :ids ORDER BY j.id DESC", JournalEntity.class)
                    .setParameter("ids", ids).setFirstResult(Page.offset(page, size)).setMaxResults(size).getResultList();
            Map<Long, List<LotMoveEntity>> moves = new HashMap<>();
            if (!rows.isEmpty()) {
                em.createQuery("SELECT m FROM LotMoveEntity m WHERE m.journalId IN :j ORDER BY m.id", LotMoveEntity.class)
                        .setParameter("j", rows.stream().map(j -> j.id).toList()).getResultList()
                        .forEach(m -> moves.computeIfAbsent(m.journalId, k -> new ArrayList<>()).add(m));
            }
            return new Page<>(rows.stream().map(j -> Dtos.entry(j, moves.getOrDefault(j.id, List.of()))).toList(), page, size, total);
        });
    }

    @Override
    public Page<PointsLot> lots(long memberId, LotStatus status, int page, int size) {
        Page.check(page, size);
        Caller caller = CallerContext.current();
        Member member = member(memberId);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Long> ids = visible(em, caller, member).stream().map(a -> a.id).toList();
            if (ids.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            String where = " FROM LotEntity l WHERE l.accountId IN :ids AND l.source <> 'DEBT'" + (status == null ? "" : " AND l.status = :s");
            var count = em.createQuery("SELECT COUNT(l)" + where, Long.class).setParameter("ids", ids);
            var rows = em.createQuery("SELECT l" + where + " ORDER BY l.expiresAt, l.earnedAt, l.id", LotEntity.class).setParameter("ids", ids);
            if (status != null) {
                count.setParameter("s", status.name());
                rows.setParameter("s", status.name());
            }
            List<LotEntity> found = rows.setFirstResult(Page.offset(page, size)).setMaxResults(size).getResultList();
            return new Page<>(found.stream().map(Dtos::lot).toList(), page, size, count.getSingleResult());
        });
    }

    @Override
    public Page<Earning> earnings(String orderNo, Long memberId, int page, int size) {
        Page.check(page, size);
        Caller caller = CallerContext.current();
        if ((orderNo == null) == (memberId == null)) {
            throw PlatformErrors.PARAM_INVALID.at("orderNo", "give orderNo or memberId (one of them)");
        }
        Member member = memberId == null ? null : member(memberId);
        return jpa.txExpr(TransactionType.Required, em -> {
            if (member != null) {
                visible(em, caller, member);
            }
            String where = member != null ? " FROM EarningEntity e WHERE e.memberId = :k" : " FROM EarningEntity e WHERE e.orderNo = :k";
            Object key = member != null ? member.id : Checks.maxLength("orderNo", orderNo, 32);
            List<EarningEntity> found = em.createQuery("SELECT e" + where + " ORDER BY e.id DESC", EarningEntity.class).setParameter("k", key)
                    .setFirstResult(Page.offset(page, size)).setMaxResults(size).getResultList();
            if (member == null && !caller.seesAllStores()) {
                found = found.stream().filter(e -> caller.canAccessStore(e.storeId)).toList();
            }
            long total = member == null && !caller.seesAllStores() ? found.size()
                    : em.createQuery("SELECT COUNT(e)" + where, Long.class).setParameter("k", key).getSingleResult();
            return new Page<>(found.stream().map(Dtos::earning).toList(), page, size, total);
        });
    }

    @Override
    public PointsCheck check() {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        return jpa.txExpr(TransactionType.Required, Books::check);
    }

    @Override
    public PointsEntry adjust(Requests.Adjustment r, String key) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN);
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        long points = Checks.required("points", r.points);
        if (points == 0 || points < -10_000_000 || points > 10_000_000) {
            throw PointsErrors.POINTS_ADJUSTMENT_INVALID.at("points", "an adjustment is not 0 and at most 10,000,000 points either way");
        }
        String reason = Checks.text("reason", r.reason, 500);
        if (reason.isEmpty()) {
            throw PointsErrors.POINTS_ADJUSTMENT_INVALID.at("reason", "an adjustment says why");
        }
        Member member = members.lookup(Checks.required("memberId", r.memberId))
                .orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.at("memberId", "no such member"));
        if (member.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.at("memberId", "the member's card was returned");
        }
        boolean storeMode = settings.program().mode() == PointsSettings.Mode.STORE;
        if (storeMode && r.storeId == null) {
            throw TesseraException.required("storeId");
        }
        long storeId = r.storeId == null ? 0 : org.actingStore(r.storeId).id;
        return work.run("points.adjust", key, r, PointsEntry.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = postings.lock(em, accounts.ensure(em, member, accounts.scopeOf(storeId)));
            PointsPostings.Note note = new PointsPostings.Note(EntryType.ADJUST, storeId, null, reason);
            JournalEntity j;
            if (points > 0) {
                LocalDateTime now = BusinessTime.now();
                PointsSettings.Program p = settings.program();
                PointsPostings.Credit c = postings.credit(em, a, note, LotSource.ADJUSTMENT, "adjust:" + (a.entryCount + 1), points, now,
                        Expiry.expiresAt(p.expiry(), p.expiryMonths(), now));
                j = c.entry();
            } else {
                j = postings.debit(em, a, note, -points).entry();
            }
            List<LotMoveEntity> moves = em.createQuery("SELECT m FROM LotMoveEntity m WHERE m.journalId = :j ORDER BY m.id", LotMoveEntity.class)
                    .setParameter("j", j.id).getResultList();
            PointsEntry entry = Dtos.entry(j, moves);
            audit.record("points.adjust", "points-account", String.valueOf(a.id), r.storeId, null, entry);
            return entry;
        }));
    }

    private Member member(long memberId) {
        return members.lookup(memberId).orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.error("no such member"));
    }

    /**
     * The member's accounts the caller may see; 404 for a store-level caller who sees none of a member
     * registered elsewhere (no probing who is a member where).
     */
    private static List<AccountEntity> visible(EntityManager em, Caller caller, Member member) {
        List<AccountEntity> all = Accounts.ofMember(em, member.id);
        if (caller.seesAllStores()) {
            return all;
        }
        List<AccountEntity> seen = all.stream().filter(a -> Accounts.sees(caller, a)).toList();
        boolean registeredHere = member.registeredStoreId != null && caller.canAccessStore(member.registeredStoreId);
        if (seen.isEmpty() && !registeredHere) {
            throw MemberErrors.MEMBER_NOT_FOUND.error("no such member");
        }
        return seen;
    }
}
