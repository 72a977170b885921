package io.tessera.reporting.internal;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.reporting.api.FundsLine;
import io.tessera.reporting.api.FundsReport;
import io.tessera.reporting.internal.jpa.BillEntity;
import io.tessera.reporting.internal.rules.Periods;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.persistence.EntityManager;

/**
 * 财务对账 from the read model: the channels' tenders of the days, summed per day, channel and the merchant account that
 * serves their store (sales and recharge orders apart; refunds counted on their day), funds = sales + recharges − fees,
 * and the bill of the same day and account beside them.
 */
final class Funds {

    private Funds() {
    }

    /** {@code accounts}: per channel, each store's merchant id (a store not in it: no account known). */
    static FundsReport report(EntityManager em, LocalDate from, LocalDate to, Map<PaymentMethod, Map<Long, String>> accounts) {
        Map<String, FundsLine> lines = new TreeMap<>();
        for (Object[] r : em.createQuery("SELECT p.day, p.storeId, t.method, p.orderKind, p.kind, SUM(t.amount), SUM(t.fee) FROM TenderFact t, "
                        + "PaymentFact p WHERE p.id = t.paymentId AND t.method IN ('WECHAT', 'ALIPAY') AND p.day BETWEEN :a AND :b "
                        + "GROUP BY p.day, p.storeId, t.method, p.orderKind, p.kind", Object[].class)
                .setParameter("a", Periods.day(from)).setParameter("b", Periods.day(to)).getResultList()) {
            int day = ((Number) r[0]).intValue();
            PaymentMethod method = PaymentMethod.valueOf((String) r[2]);
            String merchant = accounts.getOrDefault(method, Map.of()).get(((Number) r[1]).longValue());
            FundsLine l = lines.computeIfAbsent(day + ":" + method + ":" + merchant, k -> line(Periods.dayOf(day), method, merchant));
            int sign = "REFUND".equals(r[4]) ? -1 : 1;
            Money amount = Money.of((BigDecimal) r[5]);
            Money fee = r[6] == null ? Money.ZERO : Money.of((BigDecimal) r[6]);
            if ("RECHARGE".equals(r[3])) {
                l.recharges = sign > 0 ? l.recharges.plus(amount) : l.recharges.minus(amount);
            } else {
                l.sales = sign > 0 ? l.sales.plus(amount) : l.sales.minus(amount);
            }
            l.fees = sign > 0 ? l.fees.plus(fee) : l.fees.minus(fee);
        }
        FundsReport report = new FundsReport();
        report.from = from;
        report.to = to;
        report.total = line(null, null, null);
        for (FundsLine l : lines.values()) {
            l.funds = l.sales.plus(l.recharges).minus(l.fees);
            if (l.merchantId != null) {
                List<BillEntity> bills = em.createQuery("SELECT b FROM BillEntity b WHERE b.method = :m AND b.merchantId = :mid AND b.day = :d",
                        BillEntity.class).setParameter("m", l.method.name()).setParameter("mid", l.merchantId)
                        .setParameter("d", Periods.day(l.day)).getResultList();
                if (!bills.isEmpty()) {
                    BillEntity b = bills.get(0);
                    l.billFunds = Money.of(b.billPaid.subtract(b.billRefunded).subtract(b.billFee));
                    l.difference = l.billFunds.minus(l.funds);
                }
            }
            report.lines.add(l);
            report.total.sales = report.total.sales.plus(l.sales);
            report.total.recharges = report.total.recharges.plus(l.recharges);
            report.total.fees = report.total.fees.plus(l.fees);
            report.total.funds = report.total.funds.plus(l.funds);
        }
        return report;
    }

    private static FundsLine line(LocalDate day, PaymentMethod method, String merchant) {
        FundsLine l = new FundsLine();
        l.day = day;
        l.method = method;
        l.merchantId = merchant;
        l.sales = Money.ZERO;
        l.recharges = Money.ZERO;
        l.fees = Money.ZERO;
        l.funds = Money.ZERO;
        return l;
    }
}
