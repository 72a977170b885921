package io.tessera.points.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Tender;
import io.tessera.payments.api.TenderStatus;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.points.api.Activity;
import io.tessera.points.api.EarningOutcome;
import io.tessera.points.api.EntryType;
import io.tessera.points.api.LotSource;
import io.tessera.points.api.RuleKind;
import io.tessera.points.internal.jpa.AccountEntity;
import io.tessera.points.internal.jpa.EarningEntity;
import io.tessera.points.internal.jpa.TakeBackEntity;
import io.tessera.points.internal.rules.EarningRules;
import io.tessera.points.internal.rules.Expiry;
import io.tessera.points.internal.rules.TakeBackRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;

/**
 * Points that follow what happened elsewhere, each exactly once: a paid sale earns (and a member's first one
 * the FIRST_PURCHASE activity), a refund takes back, a registration and a recharge earn their activity. Every
 * earning is recorded with its outcome and explanation, 0 points included, under a unique (source type,
 * source) — an event delivered twice finds its row and does nothing.
 */
final class Earnings {

    static final String ORDER = "ORDER";
    static final String ACTIVITY = "ACTIVITY";
    static final String MARKETING = "MARKETING";

    private final PointsPostings postings;
    private final Accounts accounts;
    private final PointsSettings settings;
    private final MemberService members;
    private final OrgService org;

    Earnings(PointsPostings postings, Accounts accounts, PointsSettings settings, MemberService members, OrgService org) {
        this.postings = postings;
        this.accounts = accounts;
        this.settings = settings;
        this.members = members;
        this.org = org;
    }

    /** A paid order: its points (or the reason for none), and the member's first purchase. */
    void paid(EntityManager em, Order o) {
        if (find(em, ORDER, o.orderNo).isPresent()) {
            return;
        }
        LocalDateTime paidAt = local(o.paidAt);
        EarningEntity e = row(ORDER, o.orderNo, o.memberId, o.storeId, paidAt);
        e.orderNo = o.orderNo;
        if (o.kind != OrderKind.SALE) {
            record(em, e, EarningOutcome.NOT_SALE, "a recharge order earns through a RECHARGE activity rule, not per yuan");
            return;
        }
        if (o.memberId == null) {
            record(em, e, EarningOutcome.NO_MEMBER, "the order had no member");
            return;
        }
        Optional<Member> member = members.lookup(o.memberId).filter(m -> m.status == Member.Status.ACTIVE);
        if (member.isEmpty()) {
            record(em, e, EarningOutcome.MEMBER_NOT_ACTIVE, "the member's card was returned");
            return;
        }
        List<EarningRules.Rule> rules = Rules.active(em, RuleKind.SPEND).stream().map(Rules::arithmetic).toList();
        List<EarningRules.Paid> tenders = new ArrayList<>();
        for (Tender t : o.tenders) {
            if (t.status == TenderStatus.SUCCEEDED) {
                tenders.add(new EarningRules.Paid(t.method, t.amount));
            }
        }
        LocalDate day = paidAt.toLocalDate();
        if (EarningRules.select(rules, RuleKind.SPEND, null, o.storeId, o.formatCode, day).isEmpty()) {
            apply(em, e, EarningRules.sale(rules, o.storeId, o.formatCode, day, null, tenders, 0));
        } else {
            AccountEntity a = postings.lock(em, accounts.ensure(em, member.get(), accounts.scopeOf(o.storeId)));
            e.accountId = a.id;
            EarningRules.Result r = EarningRules.sale(rules, o.storeId, o.formatCode, day, member.get().levelId, tenders, earnedOn(em, member.get().id, day));
            apply(em, e, r);
            if (r.points() > 0) {
                e.lotId = postings.credit(em, a, new PointsPostings.Note(EntryType.EARN, o.storeId, o.orderNo, null), LotSource.ORDER, o.orderNo,
                        r.points(), paidAt.plusDays(settings.program().pendingDays()), expiresAt(paidAt)).lot().id;
            }
        }
        em.persist(e);
        em.flush();
        firstPurchase(em, member.get(), o);
    }

    /** A refund of an order that earned: the points it takes back under the policy in force, once per refund. */
    void refunded(EntityManager em, PaymentEvents.Refunded r) {
        if (!em.createQuery("SELECT t.id FROM TakeBackEntity t WHERE t.refundNo = :n", Long.class).setParameter("n", r.refund.refundNo)
                .getResultList().isEmpty()) {
            return;
        }
        Optional<EarningEntity> found = find(em, ORDER, r.order.orderNo);
        if (found.isEmpty() || found.get().points == 0) {
            return;
        }
        EarningEntity earning = found.get();
        Set<PaymentMethod> earned = Rules.tenders(earning.tenders);
        Money back = Money.ZERO;
        for (Refund.Part p : r.refund.tenders) {
            if (earned.contains(p.method)) {
                back = back.plus(p.amount);
            }
        }
        PointsSettings.Program program = settings.program();
        TakeBackEntity t = new TakeBackEntity();
        t.refundNo = r.refund.refundNo;
        t.orderNo = r.order.orderNo;
        t.earningId = earning.id;
        t.memberId = earning.memberId;
        t.refundedBase = back.toBigDecimal();
        t.createdAt = BusinessTime.now();
        long refunded = Money.of(earning.refundedBase).plus(back).toFen();
        earning.refundedBase = Money.ofFen(refunded).toBigDecimal();
        if (program.takeBack() == TakeBackRule.Policy.NONE) {
            t.policy = TakeBackRule.Policy.NONE.name();
            t.target = earning.takenBack;
        } else {
            t.policy = program.takeBack() + "/" + program.whenSpent();
            t.target = TakeBackRule.target(earning.points, Money.of(earning.base).toFen(), refunded);
            long want = t.target - earning.takenBack;
            if (want > 0) {
                AccountEntity a = postings.lock(em, earning.accountId);
                PointsPostings.TakeBack taken = postings.takeBack(em, a, new PointsPostings.Note(EntryType.TAKE_BACK, r.order.storeId,
                        r.refund.refundNo, "refund of order " + r.order.orderNo), earning.lotId, want, program.whenSpent());
                t.taken = taken.taken();
                t.debt = taken.debt();
                t.shortfall = taken.shortfall();
                t.journalId = taken.entry() == null ? null : taken.entry().id;
                earning.takenBack += want;
            }
        }
        em.persist(t);
        em.flush();
    }

    /** A new member: the REGISTER activity of their store. */
    void registered(EntityManager em, long memberId, long storeId) {
        activity(em, memberId, Activity.REGISTER, "REGISTER:" + memberId, storeId, Money.ZERO, null);
    }

    /** A stored-value recharge: the RECHARGE activity (fixed, or per yuan of principal). */
    void recharged(EntityManager em, long memberId, long walletEntryId, long storeId, Money principal) {
        activity(em, memberId, Activity.RECHARGE, "RECHARGE:" + walletEntryId, storeId, principal, null);
    }

    /**
     * A recharge reversed (its stored value back out): the points its RECHARGE activity gave go too, whatever the
     * refund policy (the recharge did not happen), from its own lot first; once per reversal.
     */
    void rechargeReversed(EntityManager em, long reversalEntryId, long rechargeEntryId, long storeId) {
        String key = "W" + reversalEntryId;
        if (!em.createQuery("SELECT t.id FROM TakeBackEntity t WHERE t.refundNo = :n", Long.class).setParameter("n", key).getResultList().isEmpty()) {
            return;
        }
        Optional<EarningEntity> found = find(em, ACTIVITY, "RECHARGE:" + rechargeEntryId);
        if (found.isEmpty() || found.get().points - found.get().takenBack <= 0) {
            return;
        }
        EarningEntity earning = found.get();
        long want = earning.points - earning.takenBack;
        AccountEntity a = postings.lock(em, earning.accountId);
        PointsPostings.TakeBack taken = postings.takeBack(em, a, new PointsPostings.Note(EntryType.TAKE_BACK, storeId, key,
                "recharge reversed"), earning.lotId, want, settings.program().whenSpent());
        TakeBackEntity t = new TakeBackEntity();
        t.refundNo = key;
        t.orderNo = earning.sourceRef;
        t.earningId = earning.id;
        t.memberId = earning.memberId;
        t.policy = "REVERSAL/" + settings.program().whenSpent();
        t.refundedBase = earning.base;
        t.target = earning.points;
        t.taken = taken.taken();
        t.debt = taken.debt();
        t.shortfall = taken.shortfall();
        t.journalId = taken.entry() == null ? null : taken.entry().id;
        t.createdAt = BusinessTime.now();
        earning.takenBack += want;
        em.persist(t);
        em.flush();
    }

    private void firstPurchase(EntityManager em, Member member, Order o) {
        activity(em, member.id, Activity.FIRST_PURCHASE, "FIRST_PURCHASE:" + member.id, o.storeId, Money.ZERO, o.orderNo);
    }

    private void activity(EntityManager em, long memberId, Activity activity, String key, long storeId, Money base, String orderNo) {
        if (find(em, ACTIVITY, key).isPresent()) {
            return;
        }
        Optional<Member> member = members.lookup(memberId).filter(m -> m.status == Member.Status.ACTIVE);
        LocalDateTime now = BusinessTime.now();
        EarningEntity e = row(ACTIVITY, key, memberId, storeId, now);
        e.orderNo = orderNo;
        if (member.isEmpty()) {
            record(em, e, EarningOutcome.MEMBER_NOT_ACTIVE, "the member's card was returned");
            return;
        }
        String format = org.findStore(storeId).map(s -> s.formatCode).orElse(null);
        List<EarningRules.Rule> rules = Rules.active(em, RuleKind.ACTIVITY).stream().map(Rules::arithmetic).toList();
        EarningRules.Result r = EarningRules.activity(rules, activity, storeId, format, now.toLocalDate(), base);
        apply(em, e, r);
        if (r.points() > 0) {
            AccountEntity a = postings.lock(em, accounts.ensure(em, member.get(), accounts.scopeOf(storeId)));
            e.accountId = a.id;
            e.lotId = postings.credit(em, a, new PointsPostings.Note(EntryType.ACTIVITY, storeId, key, activity.name()), LotSource.ACTIVITY, key,
                    r.points(), now.plusDays(settings.program().pendingDays()), expiresAt(now)).lot().id;
        }
        em.persist(e);
        em.flush();
    }

    /** A member's birthday in {@code year}: the BIRTHDAY activity, once a year. */
    void birthday(EntityManager em, long memberId, long storeId, int year) {
        activity(em, memberId, Activity.BIRTHDAY, "BIRTHDAY:" + memberId + ":" + year, storeId, Money.ZERO, null);
    }

    /** A marketing reward: the points at once, in a MARKETING lot; once per reference (the earlier grant answered). */
    EarningEntity granted(EntityManager em, Member member, long points, String reference, long storeId, String reason) {
        String key = "mkt:" + reference;
        Optional<EarningEntity> earlier = find(em, MARKETING, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        LocalDateTime now = BusinessTime.now();
        EarningEntity e = row(MARKETING, key, member.id, storeId, now);
        e.computed = points;
        e.points = points;
        e.outcome = EarningOutcome.EARNED.name();
        e.explanation = reason;
        AccountEntity a = postings.lock(em, accounts.ensure(em, member, accounts.scopeOf(storeId)));
        e.accountId = a.id;
        e.lotId = postings.credit(em, a, new PointsPostings.Note(EntryType.GRANT, storeId, key, reason), LotSource.MARKETING, key, points, now,
                expiresAt(now)).lot().id;
        em.persist(e);
        em.flush();
        return e;
    }

    private LocalDateTime expiresAt(LocalDateTime earnedAt) {
        PointsSettings.Program p = settings.program();
        return Expiry.expiresAt(p.expiry(), p.expiryMonths(), earnedAt);
    }

    /** What the member earned by sales on the day, in every store (the daily caps are per member and day). */
    static long earnedOn(EntityManager em, long memberId, LocalDate day) {
        // SUM of a BIGINT is a NUMERIC on PostgreSQL: read as a Number.
        return em.createQuery("SELECT COALESCE(SUM(x.points), 0) FROM EarningEntity x WHERE x.memberId = :m AND x.earnDay = :d"
                + " AND x.sourceType = 'ORDER'", Number.class).setParameter("m", memberId).setParameter("d", day).getSingleResult().longValue();
    }

    static Optional<EarningEntity> find(EntityManager em, String type, String ref) {
        return em.createQuery("SELECT e FROM EarningEntity e WHERE e.sourceType = :t AND e.sourceRef = :r", EarningEntity.class)
                .setParameter("t", type).setParameter("r", ref).getResultList().stream().findFirst();
    }

    private static EarningEntity row(String type, String ref, Long memberId, long storeId, LocalDateTime at) {
        EarningEntity e = new EarningEntity();
        e.sourceType = type;
        e.sourceRef = ref;
        e.memberId = memberId;
        e.storeId = storeId;
        e.base = BigDecimal.ZERO.setScale(2);
        e.refundedBase = BigDecimal.ZERO.setScale(2);
        e.multiplier = BigDecimal.ONE.setScale(2);
        e.earnDay = at.toLocalDate();
        e.createdAt = BusinessTime.now();
        return e;
    }

    private static void record(EntityManager em, EarningEntity e, EarningOutcome outcome, String explanation) {
        e.outcome = outcome.name();
        e.explanation = explanation;
        em.persist(e);
        em.flush();
    }

    private static void apply(EntityManager em, EarningEntity e, EarningRules.Result r) {
        if (r.rule() != null) {
            e.ruleId = r.rule().id();
            e.ruleVersion = r.rule().version();
            e.ruleName = r.rule().name();
        }
        e.tenders = Rules.csv(r.accepted());
        e.base = r.base().toBigDecimal();
        e.multiplier = r.multiplier();
        e.computed = r.computed();
        e.points = r.points();
        e.outcome = r.outcome().name();
        e.explanation = r.explanation().length() > 500 ? r.explanation().substring(0, 500) : r.explanation();
    }

    static LocalDateTime local(OffsetDateTime at) {
        return at == null ? BusinessTime.now() : at.atZoneSameInstant(BusinessTime.ZONE).toLocalDateTime();
    }
}
