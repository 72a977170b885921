package io.tessera.reporting.internal;

import io.tessera.platform.api.Money;
import io.tessera.points.api.PointsEntry;
import io.tessera.reporting.internal.jpa.FactKey;
import io.tessera.reporting.internal.jpa.MetricSum;
import io.tessera.reporting.internal.rules.Metrics;
import io.tessera.reporting.internal.rules.Periods;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import javax.persistence.EntityManager;

/**
 * The one writer of the read model's counts (RPT_METRIC_SUM), used alike by the events consumer and by the rebuild:
 * each registration, coupon claim, redemption and return, and points journal row adds to its day's and month's sums
 * once (RPT_FACT_KEY), whichever of the two writes it first. Joins the caller's transaction.
 */
final class Counts {

    /** The store of what happened at none (a send, a mini-program claim, an expiry). */
    static final long NO_STORE = 0;

    private Counts() {
    }

    /** A member registered in the store. */
    static boolean registered(EntityManager em, long memberId, long storeId, OffsetDateTime at) {
        return count(em, "M:" + memberId, Metrics.MEMBER_NEW, storeId, at, 0, BigDecimal.ZERO);
    }

    /** A coupon issued (claimed, sent, exchanged, given), in its store if any. */
    static boolean issued(EntityManager em, String couponNo, Long storeId, OffsetDateTime at) {
        return count(em, "CI:" + couponNo, Metrics.COUPON_CLAIMED, storeId == null ? NO_STORE : storeId, at, 0, BigDecimal.ZERO);
    }

    /** A coupon used on a paid order of the store, taking {@code discount} off it. */
    static boolean redeemed(EntityManager em, String couponNo, String orderNo, long storeId, Money discount, OffsetDateTime at) {
        return count(em, "CR:" + couponNo + ":" + orderNo, Metrics.COUPON_REDEEMED, storeId, at, 0, amount(discount));
    }

    /** A refund gave back a coupon the order had used (counted on the refund's day, in the redeeming store). */
    static boolean returned(EntityManager em, String couponNo, String orderNo, long storeId, Money discount, OffsetDateTime at) {
        return count(em, "CX:" + couponNo + ":" + orderNo, Metrics.COUPON_RETURNED, storeId, at, 0, amount(discount));
    }

    /** A points journal row (one moving no points counts nothing). */
    static boolean points(EntityManager em, PointsEntry e) {
        long net = e.availableDelta + e.pendingDelta;
        if (e.type == null || net == 0) {
            return false;
        }
        return count(em, "PT:" + e.id, Metrics.points(e.type.name()), e.storeId, e.createdAt, net, BigDecimal.ZERO);
    }

    private static boolean count(EntityManager em, String key, String metric, long storeId, OffsetDateTime when, long qty, BigDecimal amount) {
        if (em.find(FactKey.class, key) != null) {
            return false;
        }
        LocalDateTime at = ReadModel.local(when);
        FactKey k = new FactKey();
        k.key = key;
        k.at = at;
        em.persist(k);
        em.flush();
        add(em, Periods.DAY, Periods.day(at.toLocalDate()), storeId, metric, qty, amount);
        add(em, Periods.MONTH, Periods.month(at.toLocalDate()), storeId, metric, qty, amount);
        return true;
    }

    /**
     * Adds to a sum's row, or stores the row when the key has none yet. SQL with bound parameters (MetricSum's
     * columns), not JPQL: on Derby EclipseLink writes a parameter inside arithmetic ({@code s.amount = s.amount + :a})
     * into the statement's text, and Derby compiled the statement anew for every amount. The read model's other sums
     * ({@code ReadModel}) are added to the same way.
     */
    private static void add(EntityManager em, String grain, int period, long storeId, String metric, long qty, BigDecimal amount) {
        int n = em.createNativeQuery("UPDATE RPT_METRIC_SUM SET ENTRIES = ENTRIES + 1, QTY = QTY + ?, AMOUNT = AMOUNT + ? "
                        + "WHERE GRAIN = ? AND PERIOD_NO = ? AND STORE_ID = ? AND METRIC = ?")
                .setParameter(1, qty).setParameter(2, amount).setParameter(3, grain).setParameter(4, period).setParameter(5, storeId)
                .setParameter(6, metric).executeUpdate();
        if (n == 0) {
            MetricSum s = new MetricSum();
            s.grain = grain;
            s.period = period;
            s.storeId = storeId;
            s.metric = metric;
            s.entries = 1;
            s.qty = qty;
            s.amount = amount;
            em.persist(s);
            em.flush();
        }
    }

    private static BigDecimal amount(Money m) {
        return m == null ? BigDecimal.ZERO : m.toBigDecimal();
    }
}
