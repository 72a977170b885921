package io.tessera.reporting.internal;

import io.tessera.payments.api.channel.Bill;
import io.tessera.platform.api.BusinessTime;
import io.tessera.reporting.api.DifferenceState;
import io.tessera.reporting.api.ReportingErrors;
import io.tessera.reporting.internal.jpa.BillEntity;
import io.tessera.reporting.internal.jpa.BillRowEntity;
import io.tessera.reporting.internal.jpa.DifferenceEntity;
import io.tessera.reporting.internal.jpa.PaymentFact;
import io.tessera.reporting.internal.rules.BillMatching;
import io.tessera.reporting.internal.rules.BillMatching.Line;
import io.tessera.reporting.internal.rules.Periods;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.persistence.EntityManager;

/**
 * The one writer of bills: a bill of one channel, merchant account and day, matched against Tessera's trades
 * ({@link BillMatching}), written with its lines and differences in the caller's transaction; the trades an earlier
 * day's bill left waiting are cleared when this bill has them, opened when it has not. A second file for the same
 * day is refused; the same file answers the bill it made.
 */
final class Bills {

    private static final int CHUNK = 500;

    private Bills() {
    }

    /** The bill this file made before, if any; another file for the day is refused. */
    static Optional<BillEntity> imported(EntityManager em, String method, String merchantId, int day, String sha256) {
        List<BillEntity> found = em.createQuery("SELECT b FROM BillEntity b WHERE b.method = :m AND b.merchantId = :mid AND b.day = :d",
                BillEntity.class).setParameter("m", method).setParameter("mid", merchantId).setParameter("d", day).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!found.get(0).sha256.equalsIgnoreCase(sha256)) {
            throw ReportingErrors.BILL_ALREADY_IMPORTED.error("a bill of " + method + " merchant " + merchantId + " for " + Periods.dayOf(day)
                    + " was imported already (bill " + found.get(0).id + ") from another file");
        }
        return Optional.of(found.get(0));
    }

    /**
     * Matches and writes the bill; {@code stores} are the merchant account's (null: every store); a trade of the day's
     * last {@code wait} missing from the bill waits for the next day's.
     */
    static BillEntity reconcile(EntityManager em, String method, Bill bill, Collection<Long> stores, String source, String by, Duration wait) {
        int day = Periods.day(bill.day);
        Optional<BillEntity> before = imported(em, method, bill.merchantId, day, bill.sha256);
        if (before.isPresent()) {
            return before.get();
        }
        List<Line> lines = new ArrayList<>();
        for (Bill.Row r : bill.rows) {
            boolean refund = r.outRefundNo != null;
            String no = refund ? r.outRefundNo : r.outTradeNo;
            if (no == null || no.isBlank()) {
                continue;
            }
            lines.add(new Line(BillMatching.key(refund, no), no, refund, r.amountFen, Math.abs(r.feeFen), r.state,
                    r.at == null ? null : ReadModel.local(r.at), null, null, r.channelTradeNo));
        }
        List<Line> ofDay = tesseraOfDay(em, method, day, stores);
        Set<String> dayKeys = new HashSet<>();
        ofDay.forEach(l -> dayKeys.add(l.key()));
        Set<String> billKeys = new HashSet<>();
        lines.forEach(l -> billKeys.add(l.key()));
        Map<String, Line> elsewhere = tesseraByKey(em, method, billKeys.stream().filter(k -> !dayKeys.contains(k)).toList());
        Set<String> billedBefore = billedBefore(em, method, dayKeys.stream().filter(k -> !billKeys.contains(k)).toList());
        BillMatching.Result result = BillMatching.match(bill.day, lines, ofDay, elsewhere, billedBefore, wait);

        BillEntity b = new BillEntity();
        b.method = method;
        b.merchantId = bill.merchantId;
        b.day = day;
        b.sha256 = bill.sha256;
        b.source = source;
        b.rows = lines.size();
        long[] billSums = sums(lines.stream().filter(BillMatching::succeeded).toList());
        long[] ourSums = sums(ofDay);
        b.billPaid = yuan(billSums[0]);
        b.billRefunded = yuan(billSums[1]);
        b.billFee = yuan(billSums[2]);
        b.tesseraPaid = yuan(ourSums[0]);
        b.tesseraRefunded = yuan(ourSums[1]);
        b.tesseraFee = yuan(ourSums[2]);
        b.matched = result.matched();
        b.importedBy = by;
        b.importedAt = BusinessTime.now();
        em.persist(b);
        em.flush();
        for (Line l : lines) {
            BillRowEntity row = new BillRowEntity();
            row.billId = b.id;
            row.method = method;
            row.tradeKey = l.key();
            row.channelNo = l.channelNo();
            row.amount = yuan(l.amountFen());
            row.fee = yuan(l.feeFen());
            row.state = l.state();
            row.at = l.at();
            em.persist(row);
        }
        for (BillMatching.Found f : result.differences()) {
            em.persist(difference(b.id, f));
        }
        em.flush();
        settleWaiting(em, method, bill.merchantId, day, billKeys);
        return b;
    }

    /** Trades an earlier day's bill left waiting: cleared if this bill has them, open otherwise. */
    private static void settleWaiting(EntityManager em, String method, String merchantId, int day, Set<String> billKeys) {
        for (DifferenceEntity d : em.createQuery("SELECT d FROM DifferenceEntity d, BillEntity b WHERE d.billId = b.id AND d.state = :w "
                        + "AND b.method = :m AND b.merchantId = :mid AND b.day < :d", DifferenceEntity.class)
                .setParameter("w", DifferenceState.WAITING.name()).setParameter("m", method).setParameter("mid", merchantId).setParameter("d", day)
                .getResultList()) {
            d.state = (billKeys.contains(d.tradeKey) ? DifferenceState.CLEARED : DifferenceState.OPEN).name();
        }
        em.flush();
    }

    private static DifferenceEntity difference(long billId, BillMatching.Found f) {
        DifferenceEntity d = new DifferenceEntity();
        Line any = f.bill() != null ? f.bill() : f.tessera();
        d.billId = billId;
        d.kind = f.kind().name();
        d.state = (f.waiting() ? DifferenceState.WAITING : DifferenceState.OPEN).name();
        d.tradeKey = any.key();
        d.tradeNo = any.tradeNo();
        d.refund = any.refund() ? 1 : 0;
        if (f.bill() != null) {
            d.billAmount = yuan(f.bill().amountFen());
            d.billFee = yuan(f.bill().feeFen());
            d.billState = f.bill().state();
            d.channelNo = f.bill().channelNo();
        }
        if (f.tessera() != null) {
            d.tesseraAmount = yuan(f.tessera().amountFen());
            d.tesseraFee = yuan(f.tessera().feeFen());
            d.orderNo = f.tessera().orderNo();
            d.storeId = f.tessera().storeId();
            if (d.channelNo == null) {
                d.channelNo = f.tessera().channelNo();
            }
        }
        d.at = f.bill() != null && f.bill().at() != null ? f.bill().at() : f.tessera() == null ? null : f.tessera().at();
        return d;
    }

    private static final String TRADES = "SELECT t.tradeNo, p.kind, t.amount, t.fee, p.at, p.orderNo, p.storeId, t.channelNo "
            + "FROM TenderFact t, PaymentFact p WHERE p.id = t.paymentId AND t.method = :m AND t.tradeNo IS NOT NULL";

    private static List<Line> tesseraOfDay(EntityManager em, String method, int day, Collection<Long> stores) {
        if (stores != null && stores.isEmpty()) {
            return List.of();
        }
        var q = em.createQuery(TRADES + " AND t.day = :d" + (stores == null ? "" : " AND t.storeId IN :stores"), Object[].class)
                .setParameter("m", method).setParameter("d", day);
        if (stores != null) {
            q.setParameter("stores", List.copyOf(stores));
        }
        return q.getResultList().stream().map(Bills::line).toList();
    }

    private static Map<String, Line> tesseraByKey(EntityManager em, String method, List<String> wanted) {
        Set<String> keys = new HashSet<>(wanted);
        Map<String, Line> out = new HashMap<>();
        List<String> nos = keys.stream().map(k -> k.substring(2)).distinct().toList();
        for (int i = 0; i < nos.size(); i += CHUNK) {
            em.createQuery(TRADES + " AND t.tradeNo IN :nos", Object[].class).setParameter("m", method)
                    .setParameter("nos", nos.subList(i, Math.min(i + CHUNK, nos.size()))).getResultList().stream().map(Bills::line)
                    .filter(l -> keys.contains(l.key())).forEach(l -> out.put(l.key(), l));
        }
        return out;
    }

    private static Set<String> billedBefore(EntityManager em, String method, List<String> keys) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < keys.size(); i += CHUNK) {
            out.addAll(em.createQuery("SELECT r.tradeKey FROM BillRowEntity r WHERE r.method = :m AND r.tradeKey IN :k", String.class)
                    .setParameter("m", method).setParameter("k", keys.subList(i, Math.min(i + CHUNK, keys.size()))).getResultList());
        }
        return out;
    }

    private static Line line(Object[] r) {
        boolean refund = PaymentFact.REFUND.equals(r[1]);
        String no = (String) r[0];
        return new Line(BillMatching.key(refund, no), no, refund, fen((BigDecimal) r[2]), r[3] == null ? 0 : fen((BigDecimal) r[3]), null,
                (LocalDateTime) r[4], (String) r[5], ((Number) r[6]).longValue(), (String) r[7]);
    }

    /** Paid, refunded, net fee (payments' fees less refunds'). */
    private static long[] sums(List<Line> lines) {
        long[] s = new long[3];
        for (Line l : lines) {
            s[l.refund() ? 1 : 0] += l.amountFen();
            s[2] += l.refund() ? -l.feeFen() : l.feeFen();
        }
        return s;
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
