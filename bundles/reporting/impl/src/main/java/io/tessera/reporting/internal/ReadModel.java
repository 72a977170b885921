package io.tessera.reporting.internal;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Tender;
import io.tessera.payments.api.TenderStatus;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.reporting.internal.jpa.PaySum;
import io.tessera.reporting.internal.jpa.PaymentFact;
import io.tessera.reporting.internal.jpa.TenderFact;
import io.tessera.reporting.internal.jpa.WalletFact;
import io.tessera.reporting.internal.jpa.WalletSum;
import io.tessera.reporting.internal.rules.Periods;
import io.tessera.wallets.api.JournalEntry;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.persistence.EntityManager;

/**
 * The one writer of the read model, used alike by the events consumer and by the rebuild: each paid order, refund
 * and journal row is written once (its fact's unique key: a second delivery, or the event of a row the rebuild
 * already wrote, changes nothing), and only a fact written here adds to the day's and the month's sums. Joins the
 * caller's transaction.
 */
final class ReadModel {

    /** The method of the sums' line that counts each order and refund once. */
    static final String ALL = "ALL";
    /** The method of journal rows without one. */
    static final String NO_METHOD = "-";

    private ReadModel() {
    }

    /** A paid order; false if it was there already (or is not paid). */
    static boolean paid(EntityManager em, Order o) {
        if (o.paidAt == null || exists(em, "P:" + o.orderNo)) {
            return false;
        }
        LocalDateTime at = local(o.paidAt);
        Pending p = fact(o, "P:" + o.orderNo, PaymentFact.PAY, at);
        p.entity.discount = o.discount == null ? null : o.discount.toBigDecimal();
        Map<String, BigDecimal[]> byMethod = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (Tender t : o.tenders == null ? List.<Tender>of() : o.tenders) {
            if (t.status != TenderStatus.SUCCEEDED) {
                continue;
            }
            BigDecimal fee = t.fee == null ? BigDecimal.ZERO : t.fee.toBigDecimal();
            total = total.add(t.amount.toBigDecimal());
            fees = fees.add(fee);
            byMethod.merge(t.method.name(), new BigDecimal[] {t.amount.toBigDecimal(), fee}, (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
            p.tenders.add(tender(t.method.name(), t.amount.toBigDecimal(), t.fee == null ? null : fee, t.outTradeNo, t.channelTradeNo));
        }
        p.entity.amount = total;
        p.entity.fee = fees;
        p.persist(em);
        if (o.kind == OrderKind.SALE) {
            for (var e : byMethod.entrySet()) {
                addPay(em, p.entity, e.getKey(), 1, e.getValue()[0], 0, BigDecimal.ZERO, e.getValue()[1]);
            }
            addPay(em, p.entity, ALL, 1, total, 0, BigDecimal.ZERO, fees);
        }
        return true;
    }

    /** A refund of the order; false if it was there already. It counts on the day it was made. */
    static boolean refunded(EntityManager em, Refund r, Order o) {
        if (exists(em, "R:" + r.refundNo)) {
            return false;
        }
        Pending p = fact(o, "R:" + r.refundNo, PaymentFact.REFUND, local(r.createdAt));
        p.entity.refundNo = r.refundNo;
        p.entity.operator = r.operator;
        Map<String, BigDecimal[]> byMethod = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (Refund.Part part : r.tenders == null ? List.<Refund.Part>of() : r.tenders) {
            if (part.state == Refund.State.FAILED) {
                continue;
            }
            BigDecimal fee = part.feeReturned == null ? BigDecimal.ZERO : part.feeReturned.toBigDecimal();
            total = total.add(part.amount.toBigDecimal());
            fees = fees.add(fee);
            byMethod.merge(part.method.name(), new BigDecimal[] {part.amount.toBigDecimal(), fee},
                    (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
            p.tenders.add(tender(part.method.name(), part.amount.toBigDecimal(), part.feeReturned == null ? null : fee, part.outRefundNo,
                    part.channelRefundNo));
        }
        p.entity.amount = total;
        p.entity.fee = fees;
        p.persist(em);
        if (o.kind == OrderKind.SALE) {
            for (var e : byMethod.entrySet()) {
                addPay(em, p.entity, e.getKey(), 0, BigDecimal.ZERO, 1, e.getValue()[0], e.getValue()[1].negate());
            }
            addPay(em, p.entity, ALL, 0, BigDecimal.ZERO, 1, total, fees.negate());
        }
        return true;
    }

    /** A stored-value journal row; false if it was there already. */
    static boolean journal(EntityManager em, JournalEntry j) {
        return journals(em, List.of(j)) == 1;
    }

    /**
     * Stored-value journal rows (a chunk of the outbox's events, a page of the rebuild); how many were new. One read
     * finds the rows already written; the day's and the month's sums change once per key (store, type, method), in
     * the keys' order.
     */
    static int journals(EntityManager em, List<JournalEntry> rows) {
        List<Long> ids = rows.stream().map(j -> j.id).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return 0;
        }
        Set<Long> written = new HashSet<>(em.createQuery("SELECT f.entryId FROM WalletFact f WHERE f.entryId IN :ids", Long.class)
                .setParameter("ids", ids).getResultList());
        Map<SumKey, WalletSum> sums = new TreeMap<>();
        int added = 0;
        for (JournalEntry j : rows) {
            if (j.id == null || !written.add(j.id)) {
                continue;
            }
            WalletFact f = new WalletFact();
            f.entryId = j.id;
            f.type = j.type.name();
            f.storeId = j.storeId == null ? -1 : j.storeId;
            f.memberId = j.memberId;
            f.at = local(j.createdAt);
            f.day = Periods.day(f.at.toLocalDate());
            f.principal = amount(j.principalDelta);
            f.bonus = amount(j.bonusDelta);
            f.cardFee = j.cardFee == null ? null : j.cardFee.toBigDecimal();
            f.method = j.method == null ? null : j.method.name();
            f.reference = j.reference;
            f.cardNo = j.cardNo;
            f.operator = j.operator;
            em.persist(f);
            added++;
            String method = f.method == null ? NO_METHOD : f.method;
            BigDecimal fee = f.cardFee == null ? BigDecimal.ZERO : f.cardFee;
            sum(sums, new SumKey(Periods.DAY, Periods.day(f.at.toLocalDate()), f.storeId, f.type, method), f, fee);
            sum(sums, new SumKey(Periods.MONTH, Periods.month(f.at.toLocalDate()), f.storeId, f.type, method), f, fee);
        }
        em.flush();
        sums.values().forEach(s -> addWallet(em, s));
        return added;
    }

    /** The key of a line of the stored-value sums, ordered so that every writer changes lines in one order. */
    private record SumKey(String grain, int period, long storeId, String type, String method) implements Comparable<SumKey> {
        private static final Comparator<SumKey> ORDER = Comparator.comparing(SumKey::grain).thenComparingInt(SumKey::period)
                .thenComparingLong(SumKey::storeId).thenComparing(SumKey::type).thenComparing(SumKey::method);

        @Override
        public int compareTo(SumKey o) {
            return ORDER.compare(this, o);
        }
    }

    private static void sum(Map<SumKey, WalletSum> sums, SumKey k, WalletFact f, BigDecimal cardFee) {
        WalletSum s = sums.computeIfAbsent(k, key -> {
            WalletSum n = new WalletSum();
            n.grain = key.grain();
            n.period = key.period();
            n.storeId = key.storeId();
            n.type = key.type();
            n.method = key.method();
            n.principal = BigDecimal.ZERO.setScale(2);
            n.bonus = BigDecimal.ZERO.setScale(2);
            n.cardFee = BigDecimal.ZERO.setScale(2);
            return n;
        });
        s.entries++;
        s.principal = s.principal.add(f.principal);
        s.bonus = s.bonus.add(f.bonus);
        s.cardFee = s.cardFee.add(cardFee);
    }

    private static boolean exists(EntityManager em, String key) {
        return !em.createQuery("SELECT p.id FROM PaymentFact p WHERE p.sourceKey = :k", Long.class).setParameter("k", key)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** A fact with its tenders, persisted together. */
    private static final class Pending {
        final PaymentFact entity = new PaymentFact();
        final java.util.List<TenderFact> tenders = new java.util.ArrayList<>();

        void persist(EntityManager em) {
            em.persist(entity);
            em.flush();
            for (TenderFact t : tenders) {
                t.paymentId = entity.id;
                t.day = entity.day;
                t.storeId = entity.storeId;
                em.persist(t);
            }
            em.flush();
        }
    }

    private static Pending fact(Order o, String key, String kind, LocalDateTime at) {
        Pending p = new Pending();
        p.entity.sourceKey = key;
        p.entity.kind = kind;
        p.entity.orderNo = o.orderNo;
        p.entity.orderKind = o.kind == null ? OrderKind.SALE.name() : o.kind.name();
        p.entity.storeId = o.storeId;
        p.entity.memberId = o.memberId;
        p.entity.operator = o.operator;
        p.entity.tillNo = o.tillNo;
        p.entity.at = at;
        p.entity.day = Periods.day(at.toLocalDate());
        return p;
    }

    private static TenderFact tender(String method, BigDecimal amount, BigDecimal fee, String tradeNo, String channelNo) {
        TenderFact t = new TenderFact();
        t.method = method;
        t.amount = amount;
        t.fee = fee;
        t.tradeNo = tradeNo;
        t.channelNo = channelNo;
        return t;
    }

    private static void addPay(EntityManager em, PaymentFact p, String method, long orders, BigDecimal paid, long refunds, BigDecimal refunded,
                               BigDecimal fee) {
        LocalDateTime at = p.at;
        for (String grain : new String[] {Periods.DAY, Periods.MONTH}) {
            int period = grain.equals(Periods.DAY) ? Periods.day(at.toLocalDate()) : Periods.month(at.toLocalDate());
            // Bound SQL (see Counts.add): PaySum's columns.
            int n = em.createNativeQuery("UPDATE RPT_PAY_SUM SET ORDERS = ORDERS + ?, PAID = PAID + ?, REFUNDS = REFUNDS + ?, "
                            + "REFUNDED = REFUNDED + ?, FEE = FEE + ? WHERE GRAIN = ? AND PERIOD_NO = ? AND STORE_ID = ? AND METHOD = ?")
                    .setParameter(1, orders).setParameter(2, paid).setParameter(3, refunds).setParameter(4, refunded).setParameter(5, fee)
                    .setParameter(6, grain).setParameter(7, period).setParameter(8, p.storeId).setParameter(9, method).executeUpdate();
            if (n == 0) {
                PaySum s = new PaySum();
                s.grain = grain;
                s.period = period;
                s.storeId = p.storeId;
                s.method = method;
                s.orders = orders;
                s.paid = paid;
                s.refunds = refunds;
                s.refunded = refunded;
                s.fee = fee;
                em.persist(s);
                em.flush();
            }
        }
    }

    /** Adds a line of sums (not persisted) to the stored one, or stores it when the key has none yet. */
    private static void addWallet(EntityManager em, WalletSum add) {
        // Bound SQL (see Counts.add): WalletSum's columns.
        int n = em.createNativeQuery("UPDATE RPT_WALLET_SUM SET ENTRIES = ENTRIES + ?, PRINCIPAL = PRINCIPAL + ?, BONUS = BONUS + ?, "
                        + "CARD_FEE = CARD_FEE + ? WHERE GRAIN = ? AND PERIOD_NO = ? AND STORE_ID = ? AND TYPE = ? AND METHOD = ?")
                .setParameter(1, add.entries).setParameter(2, add.principal).setParameter(3, add.bonus).setParameter(4, add.cardFee)
                .setParameter(5, add.grain).setParameter(6, add.period).setParameter(7, add.storeId).setParameter(8, add.type)
                .setParameter(9, add.method).executeUpdate();
        if (n == 0) {
            em.persist(add);
            em.flush();
        }
    }

    private static BigDecimal amount(Money m) {
        return m == null ? BigDecimal.ZERO : m.toBigDecimal();
    }

    /** A timestamp as the chain's wall clock (the business day it counts on). */
    static LocalDateTime local(OffsetDateTime t) {
        return t == null ? BusinessTime.now() : t.atZoneSameInstant(BusinessTime.ZONE).toLocalDateTime();
    }
}
