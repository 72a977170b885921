package io.tessera.points.internal;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.points.api.EntryType;
import io.tessera.points.api.LotSource;
import io.tessera.points.api.LotStatus;
import io.tessera.points.api.PointsErrors;
import io.tessera.points.api.PointsEvents;
import io.tessera.points.internal.jpa.AccountEntity;
import io.tessera.points.internal.jpa.JournalEntity;
import io.tessera.points.internal.jpa.LotEntity;
import io.tessera.points.internal.jpa.LotMoveEntity;
import io.tessera.points.internal.rules.Expiry;
import io.tessera.points.internal.rules.LotPicker;
import io.tessera.points.internal.rules.TakeBackRule;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

/**
 * The only place points change: lots, the account's balances and the journal, in the caller's transaction,
 * under the account row's lock (every writer of one account takes turns on it: two tills, expiry, a
 * take-back). Each change is one journal row with the lots it moved, published as "points.&lt;type&gt;".
 * Invariants: a lot's REMAINING is the sum of its moves; AVAILABLE is the sum of the ACTIVE lots (the debt
 * lot included), PENDING of the PENDING lots, both the sum of the journal; a debt exists only while no
 * ACTIVE lot holds points (every credit settles it first).
 */
public class PointsPostings {

    private final EventPublisher events;

    public PointsPostings(EventPublisher events) {
        this.events = events;
    }

    /** A new lot and its journal row. */
    public record Credit(JournalEntity entry, LotEntity lot) {
    }

    /** What a debit took from which lots. */
    public record Debit(JournalEntity entry, List<LotPicker.Take> takes) {
    }

    /** What a take-back took from lots, left owed, or wrote off. */
    public record TakeBack(JournalEntity entry, long taken, long debt, long shortfall) {
    }

    /** What a journal row says beyond its amounts. */
    public record Note(EntryType type, long storeId, String reference, String remark) {
    }

    /**
     * Locks the account row (read afresh under the lock) and brings it up to date before anything else:
     * lots past their expiry expire, pending lots due become spendable. Every posting starts here.
     */
    public AccountEntity lock(EntityManager em, long accountId) {
        AccountEntity a = em.createQuery("SELECT a FROM AccountEntity a WHERE a.id = :id", AccountEntity.class).setParameter("id", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint("eclipselink.refresh", "true").getSingleResult();
        LocalDateTime now = BusinessTime.now();
        List<LotEntity> due = em.createQuery("SELECT l FROM LotEntity l WHERE l.accountId = :a AND l.status IN ('ACTIVE', 'PENDING')"
                + " AND l.source <> 'DEBT' AND l.expiresAt <= :now ORDER BY l.id", LotEntity.class).setParameter("a", a.id).setParameter("now", now)
                .getResultList();
        if (!due.isEmpty()) {
            expire(em, a, due);
        }
        List<LotEntity> ready = em.createQuery("SELECT l FROM LotEntity l WHERE l.accountId = :a AND l.status = 'PENDING'"
                + " AND l.availableFrom <= :now ORDER BY l.id", LotEntity.class).setParameter("a", a.id).setParameter("now", now).getResultList();
        if (!ready.isEmpty()) {
            activate(em, a, ready);
        }
        return a;
    }

    /**
     * Points in a new lot: spendable at once, or PENDING until {@code availableFrom}. A spendable credit
     * settles a debt first.
     */
    public Credit credit(EntityManager em, AccountEntity a, Note note, LotSource source, String sourceRef, long points,
                         LocalDateTime availableFrom, LocalDateTime expiresAt) {
        if (points <= 0) {
            throw new IllegalArgumentException("a credit is more than 0 points: " + points);
        }
        LocalDateTime now = BusinessTime.now();
        boolean pending = availableFrom.isAfter(now);
        LotEntity lot = new LotEntity();
        lot.accountId = a.id;
        lot.memberId = a.memberId;
        lot.source = source.name();
        lot.sourceRef = sourceRef;
        lot.storeId = note.storeId();
        lot.earned = points;
        lot.remaining = points;
        lot.status = (pending ? LotStatus.PENDING : LotStatus.ACTIVE).name();
        lot.earnedAt = now;
        lot.availableFrom = pending ? availableFrom : now;
        lot.expiresAt = expiresAt;
        em.persist(lot);
        em.flush();
        JournalEntity j = journal(em, a, note, pending ? 0 : points, pending ? points : 0, Map.of(lot.id, points));
        if (!pending && expiresAt.isAfter(now)) {
            settle(em, a, List.of(lot), note.storeId());
        }
        return new Credit(j, lot);
    }

    /** Points out of the lots that expire first; refused when the account does not hold them. */
    public Debit debit(EntityManager em, AccountEntity a, Note note, long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("a debit is more than 0 points: " + points);
        }
        LotEntity debt = debtLot(em, a, false);
        if (debt != null && debt.remaining < 0) {
            throw PointsErrors.POINTS_ACCOUNT_IN_DEBT.at("points", "the account owes " + -debt.remaining + " points taken back after they were spent");
        }
        List<LotEntity> lots = spendable(em, a, null);
        long there = LotPicker.total(candidates(lots));
        if (there < points) {
            throw PointsErrors.POINTS_INSUFFICIENT.at("points", "the member has " + there + " spendable points, not " + points);
        }
        List<LotPicker.Take> takes = LotPicker.pick(candidates(lots), points);
        Map<Long, Long> moves = new LinkedHashMap<>();
        for (LotPicker.Take t : takes) {
            lotOf(lots, t.lotId()).remaining -= t.points();
            moves.put(t.lotId(), -t.points());
        }
        return new Debit(journal(em, a, note, -points, 0, moves), takes);
    }

    /**
     * Points a debit took, back into the lots they came from (a refund's PUT_BACK, an unpaid order's
     * RELEASE). A lot that expired meanwhile gets them back and loses them at once (an EXPIRE row): points
     * never outlive their lot.
     */
    public JournalEntity putBack(EntityManager em, AccountEntity a, Note note, List<LotPicker.Take> takes) {
        Map<Long, Long> moves = new LinkedHashMap<>();
        List<LotEntity> touched = new ArrayList<>();
        long total = 0;
        for (LotPicker.Take t : takes) {
            if (t.points() <= 0) {
                continue;
            }
            LotEntity lot = em.find(LotEntity.class, t.lotId());
            if (lot == null || lot.accountId != a.id) {
                throw new IllegalStateException("lot " + t.lotId() + " is not of account " + a.id);
            }
            lot.remaining += t.points();
            moves.merge(lot.id, t.points(), Long::sum);
            touched.add(lot);
            total += t.points();
        }
        if (total == 0) {
            return null;
        }
        JournalEntity j = journal(em, a, note, total, 0, moves);
        LocalDateTime now = BusinessTime.now();
        List<LotEntity> gone = touched.stream().filter(l -> LotStatus.EXPIRED.name().equals(l.status) || !l.expiresAt.isAfter(now)).toList();
        if (!gone.isEmpty()) {
            expire(em, a, gone);
        }
        List<LotEntity> active = touched.stream().filter(l -> LotStatus.ACTIVE.name().equals(l.status)).toList();
        recover(em, a, active, note.storeId());
        settle(em, a, active, note.storeId());
        return j;
    }

    /**
     * A refund takes back {@code points} an order earned: from the order's own lot first (pending or not),
     * then the lots that expire first; what is no longer there is owed (NEGATIVE) or written off (SHORTFALL).
     */
    public TakeBack takeBack(EntityManager em, AccountEntity a, Note note, Long ownLotId, long points, TakeBackRule.WhenSpent whenSpent) {
        Map<Long, Long> moves = new LinkedHashMap<>();
        long fromAvailable = 0;
        long fromPending = 0;
        long left = points;
        LotEntity own = ownLotId == null ? null : em.find(LotEntity.class, ownLotId);
        if (own != null && own.accountId == a.id && own.expired > own.expiredTaken) {
            // The order's own points that expired are gone already: taking them again from other lots would charge twice.
            long gone = Math.min(left, own.expired - own.expiredTaken);
            own.expiredTaken += gone;
            left -= gone;
        }
        if (own != null && left > 0) {
            if (own.accountId == a.id && own.remaining > 0 && !LotStatus.EXPIRED.name().equals(own.status)) {
                long take = Math.min(left, own.remaining);
                own.remaining -= take;
                moves.put(own.id, -take);
                if (LotStatus.PENDING.name().equals(own.status)) {
                    fromPending += take;
                } else {
                    fromAvailable += take;
                }
                left -= take;
            }
        }
        List<LotEntity> others = spendable(em, a, ownLotId);
        TakeBackRule.Split split = TakeBackRule.split(left, LotPicker.total(candidates(others)), whenSpent);
        for (LotPicker.Take t : LotPicker.pick(candidates(others), split.fromLots())) {
            lotOf(others, t.lotId()).remaining -= t.points();
            moves.merge(t.lotId(), -t.points(), Long::sum);
            fromAvailable += t.points();
        }
        if (split.debt() > 0) {
            LotEntity debt = debtLot(em, a, true);
            debt.remaining -= split.debt();
            moves.merge(debt.id, -split.debt(), Long::sum);
            fromAvailable += split.debt();
        }
        if (split.shortfall() > 0) {
            // Written off now; if they were set aside for an order, they are taken when that order gives them back.
            a.recoverable += split.shortfall();
        }
        JournalEntity j = moves.isEmpty() ? null : journal(em, a, note, -fromAvailable, -fromPending, moves);
        return new TakeBack(j, points - split.debt() - split.shortfall(), split.debt(), split.shortfall());
    }

    /** What is left of the lots goes (EXPIRE); lots already at 0 only change state. */
    public JournalEntity expire(EntityManager em, AccountEntity a, List<LotEntity> lots) {
        Map<Long, Long> moves = new LinkedHashMap<>();
        long available = 0;
        long pending = 0;
        for (LotEntity lot : lots) {
            if (LotSource.DEBT.name().equals(lot.source)) {
                continue;
            }
            if (lot.remaining > 0) {
                moves.put(lot.id, -lot.remaining);
                if (LotStatus.PENDING.name().equals(lot.status)) {
                    pending += lot.remaining;
                } else {
                    available += lot.remaining;
                }
                lot.expired += lot.remaining;
                lot.remaining = 0;
            }
            lot.status = LotStatus.EXPIRED.name();
        }
        if (moves.isEmpty()) {
            em.flush();
            return null;
        }
        return journal(em, a, new Note(EntryType.EXPIRE, 0, null, "expired"), -available, -pending, moves);
    }

    /** Pending lots become spendable (ACTIVATE: pending down, available up), then settle a debt. */
    public JournalEntity activate(EntityManager em, AccountEntity a, List<LotEntity> lots) {
        long points = 0;
        for (LotEntity lot : lots) {
            lot.status = LotStatus.ACTIVE.name();
            points += lot.remaining;
        }
        JournalEntity j = null;
        if (points > 0) {
            String ref = lots.size() == 1 ? lots.get(0).sourceRef : null;
            j = journal(em, a, new Note(EntryType.ACTIVATE, 0, ref, null), points, -points, Map.of());
        } else {
            em.flush();
        }
        settle(em, a, lots, 0);
        return j;
    }

    /**
     * Points coming back from an order (RELEASE, PUT_BACK) first make good what a SHORTFALL take-back wrote off
     * while they were set aside (TAKE_BACK): written-off points never return to the member that way.
     */
    private void recover(EntityManager em, AccountEntity a, List<LotEntity> credited, long storeId) {
        if (a.recoverable <= 0) {
            return;
        }
        Map<Long, Long> moves = new LinkedHashMap<>();
        long taken = 0;
        for (LotEntity lot : credited) {
            long take = Math.min(a.recoverable - taken, lot.remaining);
            if (take > 0) {
                lot.remaining -= take;
                moves.put(lot.id, -take);
                taken += take;
            }
        }
        if (taken > 0) {
            a.recoverable -= taken;
            journal(em, a, new Note(EntryType.TAKE_BACK, storeId, null, taken + " points a refund had to write off, taken as they came back"),
                    -taken, 0, moves);
        }
    }

    /** Points of newly spendable lots pay what the account owes (SETTLE: no change of the balance). */
    private void settle(EntityManager em, AccountEntity a, List<LotEntity> credited, long storeId) {
        LotEntity debt = debtLot(em, a, false);
        if (debt == null || debt.remaining >= 0) {
            return;
        }
        Map<Long, Long> moves = new LinkedHashMap<>();
        long owed = -debt.remaining;
        long paid = 0;
        for (LotEntity lot : credited) {
            long take = Math.min(owed - paid, lot.remaining);
            if (take > 0) {
                lot.remaining -= take;
                moves.put(lot.id, -take);
                paid += take;
            }
        }
        if (paid > 0) {
            debt.remaining += paid;
            moves.put(debt.id, paid);
            journal(em, a, new Note(EntryType.SETTLE, storeId, null, paid + " points settled what the account owed"), 0, 0, moves);
        }
    }

    /** The ACTIVE lots with points, except {@code except}, read under the account's lock. */
    private static List<LotEntity> spendable(EntityManager em, AccountEntity a, Long except) {
        return em.createQuery("SELECT l FROM LotEntity l WHERE l.accountId = :a AND l.status = 'ACTIVE' AND l.remaining > 0"
                        + " AND l.source <> 'DEBT' AND l.id <> :except ORDER BY l.expiresAt, l.earnedAt, l.id", LotEntity.class)
                .setParameter("a", a.id).setParameter("except", except == null ? -1L : except).getResultList();
    }

    private static List<LotPicker.Candidate> candidates(List<LotEntity> lots) {
        return lots.stream().map(l -> new LotPicker.Candidate(l.id, l.remaining, l.expiresAt, l.earnedAt)).toList();
    }

    private static LotEntity lotOf(List<LotEntity> lots, long id) {
        return lots.stream().filter(l -> l.id == id).findFirst().orElseThrow();
    }

    /** The account's one debt lot (made when {@code create}). */
    static LotEntity debtLot(EntityManager em, AccountEntity a, boolean create) {
        List<LotEntity> found = em.createQuery("SELECT l FROM LotEntity l WHERE l.accountId = :a AND l.source = 'DEBT'", LotEntity.class)
                .setParameter("a", a.id).getResultList();
        if (!found.isEmpty() || !create) {
            return found.isEmpty() ? null : found.get(0);
        }
        LotEntity debt = new LotEntity();
        debt.accountId = a.id;
        debt.memberId = a.memberId;
        debt.source = LotSource.DEBT.name();
        debt.sourceRef = "debt";
        debt.status = LotStatus.ACTIVE.name();
        LocalDateTime now = BusinessTime.now();
        debt.earnedAt = now;
        debt.availableFrom = now;
        debt.expiresAt = Expiry.NEVER;
        em.persist(debt);
        em.flush();
        return debt;
    }

    /** The journal row and its moves; the account's balances and sequence follow; the event is published. */
    private JournalEntity journal(EntityManager em, AccountEntity a, Note note, long availableDelta, long pendingDelta, Map<Long, Long> moves) {
        LocalDateTime now = BusinessTime.now();
        a.available += availableDelta;
        a.pending += pendingDelta;
        if (a.pending < 0) {
            throw new IllegalStateException("account " + a.id + " would have " + a.pending + " pending points");
        }
        JournalEntity j = new JournalEntity();
        j.accountId = a.id;
        j.accountSeq = ++a.entryCount;
        j.memberId = a.memberId;
        j.type = note.type().name();
        j.availableDelta = availableDelta;
        j.pendingDelta = pendingDelta;
        j.availableAfter = a.available;
        j.pendingAfter = a.pending;
        j.storeId = note.storeId();
        j.businessDate = now.toLocalDate();
        j.reference = note.reference();
        j.operator = CallerContext.current().label();
        j.remark = note.remark();
        j.createdAt = now;
        em.persist(j);
        em.flush();
        List<LotMoveEntity> rows = new ArrayList<>();
        for (Map.Entry<Long, Long> m : moves.entrySet()) {
            LotMoveEntity row = new LotMoveEntity();
            row.journalId = j.id;
            row.lotId = m.getKey();
            row.delta = m.getValue();
            em.persist(row);
            rows.add(row);
        }
        em.flush();
        events.publish(PointsEvents.topic(note.type()), PointsEvents.aggregate(a.memberId), Dtos.entry(j, rows));
        return j;
    }
}
