package io.tessera.reporting.internal;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.reporting.api.CashierCount;
import io.tessera.reporting.api.CashierOrder;
import io.tessera.reporting.api.CashierQuery;
import io.tessera.reporting.api.CashierReconciliation;
import io.tessera.reporting.api.CashierService;
import io.tessera.reporting.internal.jpa.CashierCountEntity;
import io.tessera.reporting.internal.rules.CashierLines;
import io.tessera.reporting.internal.rules.Periods;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 收银员对账 from the read model: a till's expected takings per method are its orders' payments less their refunds
 * (each refund counts for whoever made it, at its order's till) and, for a whole store or a cashier, the stored-value
 * movements made at the counter without an order (recharges with their card fee, reversals, stored-value refunds);
 * counts are kept per store, day, till and cashier, each replacing the last, audited.
 */
@Component(service = CashierService.class)
public class CashierServiceImpl implements CashierService {

    static final String NONE = "-";

    private final JpaTemplate jpa;
    private final AuditService audit;

    @Activate
    public CashierServiceImpl(@Reference(target = "(osgi.unit.name=tessera-reporting)") JpaTemplate jpa, @Reference AuditService audit) {
        this.jpa = jpa;
        this.audit = audit;
    }

    @Override
    public CashierReconciliation reconcile(CashierQuery query) {
        CashierQuery q = checked(query);
        return jpa.txExpr(TransactionType.Supports, em -> reconciliation(em, q));
    }

    @Override
    public Page<CashierOrder> orders(CashierQuery query, PaymentMethod method, int page, int size) {
        CashierQuery q = checked(query);
        Page.check(page, size);
        return jpa.txExpr(TransactionType.Supports, em -> {
            String where = where(q) + (method == null ? "" : " AND t.method = :m");
            Query count = em.createQuery("SELECT COUNT(t) FROM TenderFact t, PaymentFact p WHERE p.id = t.paymentId" + where);
            Query select = em.createQuery("SELECT p.orderNo, p.refundNo, p.orderKind, t.method, t.amount, p.kind, p.tillNo, p.operator, p.memberId, p.at "
                    + "FROM TenderFact t, PaymentFact p WHERE p.id = t.paymentId" + where + " ORDER BY p.at, t.id");
            bind(count, q);
            bind(select, q);
            if (method != null) {
                count.setParameter("m", method.name());
                select.setParameter("m", method.name());
            }
            List<CashierOrder> items = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = select.setFirstResult(Page.offset(page, size)).setMaxResults(size).getResultList();
            for (Object[] r : rows) {
                CashierOrder o = new CashierOrder();
                o.orderNo = (String) r[0];
                o.refundNo = (String) r[1];
                o.orderKind = (String) r[2];
                o.method = PaymentMethod.valueOf((String) r[3]);
                Money amount = Money.of((BigDecimal) r[4]);
                o.amount = "REFUND".equals(r[5]) ? amount.negate() : amount;
                o.tillNo = (String) r[6];
                o.cashier = (String) r[7];
                o.memberId = (Long) r[8];
                o.at = BusinessTime.offset((java.time.LocalDateTime) r[9]);
                items.add(o);
            }
            return new Page<>(items, page, size, ((Number) count.getSingleResult()).longValue());
        });
    }

    @Override
    public CashierReconciliation count(CashierCount count) {
        CashierCount c = Checks.required("body", count);
        CashierQuery q = new CashierQuery();
        q.storeId = c.storeId;
        q.day = c.day;
        q.tillNo = c.tillNo;
        q.cashier = c.cashier;
        checked(q);
        List<CashierCount.Counted> counts = Checks.required("counts", c.counts);
        if (counts.isEmpty()) {
            throw PlatformErrors.FIELD_REQUIRED.at("counts", "at least one method's count");
        }
        Set<PaymentMethod> seen = new HashSet<>();
        for (int i = 0; i < counts.size(); i++) {
            CashierCount.Counted x = Checks.required("counts[" + i + "]", counts.get(i));
            Checks.required("counts[" + i + "].method", x.method);
            Checks.required("counts[" + i + "].amount", x.amount);
            if (!seen.add(x.method)) {
                throw PlatformErrors.FIELD_INVALID.at("counts[" + i + "].method", x.method + " is counted twice");
            }
        }
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Required, em -> {
            CashierReconciliation before = reconciliation(em, q);
            for (CashierCount.Counted x : counts) {
                List<CashierCountEntity> found = em.createQuery("SELECT c FROM CashierCountEntity c WHERE c.storeId = :s AND c.day = :d AND c.tillNo = :t "
                                + "AND c.cashier = :c AND c.method = :m", CashierCountEntity.class).setParameter("s", q.storeId)
                        .setParameter("d", Periods.day(q.day)).setParameter("t", key(q.tillNo)).setParameter("c", key(q.cashier))
                        .setParameter("m", x.method.name()).getResultList();
                CashierCountEntity e = found.isEmpty() ? new CashierCountEntity() : found.get(0);
                e.storeId = q.storeId;
                e.day = Periods.day(q.day);
                e.tillNo = key(q.tillNo);
                e.cashier = key(q.cashier);
                e.method = x.method.name();
                e.amount = x.amount.toBigDecimal();
                e.countedBy = caller.label();
                e.countedAt = BusinessTime.now();
                if (found.isEmpty()) {
                    em.persist(e);
                }
            }
            em.flush();
            CashierReconciliation after = reconciliation(em, q);
            audit.record("reporting.cashier.count", "CashierCount", q.storeId + ":" + q.day + ":" + key(q.tillNo) + ":" + key(q.cashier), q.storeId,
                    before, after);
            return after;
        });
    }

    private static CashierQuery checked(CashierQuery query) {
        CashierQuery q = Checks.required("query", query);
        Checks.required("storeId", q.storeId);
        Checks.required("day", q.day);
        CallerContext.current().requireStore(q.storeId);
        q.tillNo = Checks.optionalText("tillNo", q.tillNo, 32);
        q.cashier = Checks.optionalText("cashier", q.cashier, 100);
        return q;
    }

    private static String key(String value) {
        return value == null ? NONE : value;
    }

    private static String where(CashierQuery q) {
        return " AND p.storeId = :s AND p.day = :d" + (q.tillNo == null ? "" : " AND p.tillNo = :till") + (q.cashier == null ? "" : " AND p.operator = :op");
    }

    private static void bind(Query query, CashierQuery q) {
        query.setParameter("s", q.storeId).setParameter("d", Periods.day(q.day));
        if (q.tillNo != null) {
            query.setParameter("till", q.tillNo);
        }
        if (q.cashier != null) {
            query.setParameter("op", q.cashier);
        }
    }

    private static CashierReconciliation reconciliation(EntityManager em, CashierQuery q) {
        Map<PaymentMethod, long[]> counts = new EnumMap<>(PaymentMethod.class);
        Map<PaymentMethod, Money> amounts = new EnumMap<>(PaymentMethod.class);
        Query orders = em.createQuery("SELECT t.method, p.kind, COUNT(t), SUM(t.amount) FROM TenderFact t, PaymentFact p WHERE p.id = t.paymentId"
                + where(q) + " GROUP BY t.method, p.kind");
        bind(orders, q);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = orders.getResultList();
        for (Object[] r : rows) {
            PaymentMethod m = PaymentMethod.valueOf((String) r[0]);
            boolean refund = "REFUND".equals(r[1]);
            counts.computeIfAbsent(m, x -> new long[2])[refund ? 1 : 0] += ((Number) r[2]).longValue();
            Money sum = Money.of((BigDecimal) r[3]);
            amounts.merge(m, refund ? sum.negate() : sum, Money::plus);
        }
        if (q.tillNo == null) {
            // Stored value moved at the counter without an order: its cash, bank card... is in the drawer too.
            Query counter = em.createQuery("SELECT f.method, SUM(f.principal), SUM(f.cardFee) FROM WalletFact f WHERE f.storeId = :s AND f.day = :d "
                    + "AND f.method IS NOT NULL AND f.method <> 'MEMBER' AND f.type IN ('RECHARGE', 'REVERSAL', 'SV_REFUND')"
                    + (q.cashier == null ? "" : " AND f.operator = :op")
                    + " AND NOT EXISTS (SELECT p.id FROM PaymentFact p WHERE p.orderNo = f.reference) GROUP BY f.method");
            counter.setParameter("s", q.storeId).setParameter("d", Periods.day(q.day));
            if (q.cashier != null) {
                counter.setParameter("op", q.cashier);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> moved = counter.getResultList();
            for (Object[] r : moved) {
                Money sum = Money.of((BigDecimal) r[1]).plus(r[2] == null ? Money.ZERO : Money.of((BigDecimal) r[2]));
                amounts.merge(PaymentMethod.valueOf((String) r[0]), sum, Money::plus);
            }
        }
        Map<PaymentMethod, CashierLines.Expected> expected = new EnumMap<>(PaymentMethod.class);
        for (PaymentMethod m : amounts.keySet()) {
            long[] n = counts.getOrDefault(m, new long[2]);
            expected.put(m, new CashierLines.Expected(n[0], n[1], amounts.get(m)));
        }
        Query discount = em.createQuery("SELECT SUM(p.discount) FROM PaymentFact p WHERE p.kind = 'PAY'" + where(q));
        bind(discount, q);
        Object d = discount.getSingleResult();
        Map<PaymentMethod, Money> counted = new EnumMap<>(PaymentMethod.class);
        CashierReconciliation r = new CashierReconciliation();
        for (CashierCountEntity c : em.createQuery("SELECT c FROM CashierCountEntity c WHERE c.storeId = :s AND c.day = :d AND c.tillNo = :t "
                        + "AND c.cashier = :c", CashierCountEntity.class).setParameter("s", q.storeId).setParameter("d", Periods.day(q.day))
                .setParameter("t", key(q.tillNo)).setParameter("c", key(q.cashier)).getResultList()) {
            counted.put(PaymentMethod.valueOf(c.method), Money.of(c.amount));
            r.countedBy = c.countedBy;
            r.countedAt = BusinessTime.offset(c.countedAt);
        }
        r.storeId = q.storeId;
        r.day = q.day;
        r.tillNo = q.tillNo;
        r.cashier = q.cashier;
        CashierLines.fill(r, expected, counted, d == null ? Money.ZERO : Money.of((BigDecimal) d));
        return r;
    }
}
