package io.tessera.points.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.MemberService;
import io.tessera.payments.api.spi.Allocation;
import io.tessera.payments.api.spi.Cart;
import io.tessera.payments.api.spi.RefundView;
import io.tessera.payments.api.spi.Reversal;
import io.tessera.payments.api.spi.Taken;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.points.api.EntryType;
import io.tessera.points.internal.jpa.AccountEntity;
import io.tessera.points.internal.jpa.SpendEntity;
import io.tessera.points.internal.jpa.SpendLineEntity;
import io.tessera.points.internal.jpa.SpendLotEntity;
import io.tessera.points.internal.jpa.SpendReversalEntity;
import io.tessera.points.internal.rules.LotPicker;
import io.tessera.points.internal.rules.TenderRule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;

/**
 * Points used at checkout (the points side of {@link PointsCollaborator}): spent from the lots that expire first
 * when the order is made, USED once paid, put back into the same lots when it closes unpaid (RELEASE) or is
 * refunded (PUT_BACK, line by line, counted over all refunds of the order so the last one gives back the rest).
 * Every step is safe to repeat: a second reserve, commit, release or reverse of the same order or refund changes
 * nothing and answers as the first.
 */
final class Spends {

    static final String RESERVED = "RESERVED";
    static final String USED = "USED";
    static final String RELEASED = "RELEASED";

    private final PointsPostings postings;
    private final Accounts accounts;
    private final PointsSettings settings;
    private final MemberService members;

    Spends(PointsPostings postings, Accounts accounts, PointsSettings settings, MemberService members) {
        this.postings = postings;
        this.accounts = accounts;
        this.settings = settings;
        this.members = members;
    }

    /** What the member can spend in the store's scope now, and what the account owes (read without locking). */
    long[] spendable(EntityManager em, long memberId, long storeId) {
        Optional<AccountEntity> a = Accounts.find(em, memberId, accounts.scopeOf(storeId));
        if (a.isEmpty()) {
            return new long[] {0, 0};
        }
        // SUM of a BIGINT is a NUMERIC on PostgreSQL: read as a Number.
        long there = em.createQuery("SELECT COALESCE(SUM(l.remaining), 0) FROM LotEntity l WHERE l.accountId = :a AND l.status = 'ACTIVE'"
                        + " AND l.remaining > 0 AND l.source <> 'DEBT' AND l.expiresAt > :now", Number.class)
                .setParameter("a", a.get().id).setParameter("now", BusinessTime.now()).getSingleResult().longValue();
        long debt = em.createQuery("SELECT COALESCE(SUM(l.remaining), 0) FROM LotEntity l WHERE l.accountId = :a AND l.source = 'DEBT'", Number.class)
                .setParameter("a", a.get().id).getSingleResult().longValue();
        return new long[] {there, -debt};
    }

    /** The order's points leave the lots now (refused, with the whole order, when the member no longer has them). */
    void reserve(EntityManager em, String orderNo, Cart cart, Taken taken) {
        if (find(em, orderNo).isPresent()) {
            return;
        }
        long fen = taken.amount.toFen();
        if (fen <= 0) {
            return;
        }
        TenderRule rule = settings.program().tender();
        long points = taken.quantity != null && rule.fen(taken.quantity) == fen ? taken.quantity : rule.pointsFor(fen);
        Member member = members.lookup(cart.memberId).orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.at("memberId", "no such member"));
        AccountEntity a = postings.lock(em, accounts.ensure(em, member, accounts.scopeOf(cart.storeId)));
        PointsPostings.Debit d = postings.debit(em, a, new PointsPostings.Note(EntryType.SPEND, cart.storeId, orderNo, null), points);
        SpendEntity s = new SpendEntity();
        s.orderNo = orderNo;
        s.accountId = a.id;
        s.memberId = a.memberId;
        s.storeId = cart.storeId;
        s.points = points;
        s.amount = taken.amount.toBigDecimal();
        s.state = RESERVED;
        s.createdAt = BusinessTime.now();
        em.persist(s);
        em.flush();
        int order = 0;
        for (LotPicker.Take t : d.takes()) {
            SpendLotEntity l = new SpendLotEntity();
            l.spendId = s.id;
            l.lotId = t.lotId();
            l.takeOrder = order++;
            l.points = t.points();
            em.persist(l);
        }
        long[] weights = taken.perLine.stream().mapToLong(Money::toFen).toArray();
        long[] perLine = Allocation.spread(points, weights);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0 || perLine[i] > 0) {
                SpendLineEntity line = new SpendLineEntity();
                line.spendId = s.id;
                line.lineIndex = i;
                line.points = perLine[i];
                line.amount = taken.perLine.get(i).toBigDecimal();
                em.persist(line);
            }
        }
        em.flush();
    }

    /** The order is paid: its points are used (no balance change: they left at reserve). */
    void commit(EntityManager em, String orderNo) {
        em.createQuery("UPDATE SpendEntity s SET s.state = :used, s.doneAt = :now WHERE s.orderNo = :o AND s.state = :reserved")
                .setParameter("used", USED).setParameter("now", BusinessTime.now()).setParameter("o", orderNo)
                .setParameter("reserved", RESERVED).executeUpdate();
    }

    /** The order closed unpaid: its points go back to the lots they came from. */
    void release(EntityManager em, String orderNo) {
        Optional<SpendEntity> found = find(em, orderNo);
        if (found.isEmpty() || !RESERVED.equals(found.get().state)) {
            return;
        }
        SpendEntity s = found.get();
        AccountEntity a = postings.lock(em, s.accountId);
        em.refresh(s);
        if (!RESERVED.equals(s.state)) {
            return;
        }
        List<LotPicker.Take> back = new ArrayList<>();
        for (SpendLotEntity l : lots(em, s.id)) {
            back.add(new LotPicker.Take(l.lotId, l.points - l.putBack));
            l.putBack = l.points;
        }
        postings.putBack(em, a, new PointsPostings.Note(EntryType.RELEASE, s.storeId, orderNo, "the order closed unpaid"), back);
        s.state = RELEASED;
        s.putBack = s.points;
        s.doneAt = BusinessTime.now();
        em.flush();
    }

    /**
     * A refund of a paid order: each line gives back the share of its points the refunds so far make (by money,
     * or by units where points paid the whole line; all when the order is fully refunded), into the lots taken
     * last first. Null when the order used no points; an answer with 0 points when this refund gives none back.
     */
    Reversal reverse(EntityManager em, String orderNo, RefundView view, boolean late) {
        Optional<SpendEntity> found = find(em, orderNo);
        if (found.isEmpty() || !USED.equals(found.get().state)) {
            return null;
        }
        SpendEntity s = found.get();
        AccountEntity a = postings.lock(em, s.accountId);
        em.refresh(s);
        // Under the account's lock: a refund already given back (the same refund told twice) answers as before.
        List<SpendReversalEntity> done = em.createQuery("SELECT r FROM SpendReversalEntity r WHERE r.refundNo = :r", SpendReversalEntity.class)
                .setParameter("r", view.refundNo).getResultList();
        if (!done.isEmpty()) {
            return answer(s, done.get(0).points);
        }
        long give = 0;
        for (SpendLineEntity line : em.createQuery("SELECT l FROM SpendLineEntity l WHERE l.spendId = :s ORDER BY l.lineIndex", SpendLineEntity.class)
                .setParameter("s", s.id).getResultList()) {
            if (line.lineIndex >= view.lines.size()) {
                continue;
            }
            RefundView.Line v = view.lines.get(line.lineIndex);
            long target = TenderRule.lineTarget(line.points, v.payable.toFen(), v.refundedBefore.plus(v.amount).toFen(), v.lineQuantity,
                    v.returnedBefore + v.quantity, view.full);
            long more = Math.max(0, target - line.putBack);
            line.putBack += more;
            give += more;
        }
        List<LotPicker.Take> back = new ArrayList<>();
        long left = give;
        List<SpendLotEntity> taken = lots(em, s.id);
        taken.sort(Comparator.comparingInt((SpendLotEntity l) -> l.takeOrder).reversed());
        for (SpendLotEntity l : taken) {
            long more = Math.min(left, l.points - l.putBack);
            if (more > 0) {
                back.add(new LotPicker.Take(l.lotId, more));
                l.putBack += more;
                left -= more;
            }
        }
        if (left != 0) {
            throw new IllegalStateException("order " + orderNo + " would give back " + give + " of " + s.points + " points, " + s.putBack + " already");
        }
        if (give > 0) {
            postings.putBack(em, a, new PointsPostings.Note(EntryType.PUT_BACK, s.storeId, view.refundNo, "refund of order " + orderNo), back);
            s.putBack += give;
        }
        SpendReversalEntity r = new SpendReversalEntity();
        r.spendId = s.id;
        r.refundNo = view.refundNo;
        r.points = give;
        r.late = late ? 1 : 0;
        r.createdAt = BusinessTime.now();
        em.persist(r);
        em.flush();
        return answer(s, give);
    }

    /** What a refund did with the order's points, as the refund records it. */
    private static Reversal answer(SpendEntity s, long points) {
        Reversal r = new Reversal();
        r.reference = s.points + " points";
        r.action = points > 0 ? "PUT_BACK" : "NONE";
        r.quantity = points;
        long fen = BigInteger.valueOf(Money.of(s.amount).toFen()).multiply(BigInteger.valueOf(points)).divide(BigInteger.valueOf(s.points)).longValueExact();
        r.amount = Money.ofFen(fen);
        r.note = points > 0 ? points + " points back to the member" : "no points to give back for this refund";
        return r;
    }

    static Optional<SpendEntity> find(EntityManager em, String orderNo) {
        return em.createQuery("SELECT s FROM SpendEntity s WHERE s.orderNo = :o", SpendEntity.class).setParameter("o", orderNo)
                .getResultList().stream().findFirst();
    }

    private static List<SpendLotEntity> lots(EntityManager em, long spendId) {
        return new ArrayList<>(em.createQuery("SELECT l FROM SpendLotEntity l WHERE l.spendId = :s ORDER BY l.takeOrder", SpendLotEntity.class)
                .setParameter("s", spendId).getResultList());
    }
}
