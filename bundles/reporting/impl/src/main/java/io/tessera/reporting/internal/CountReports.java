package io.tessera.reporting.internal;

import io.tessera.reporting.api.CouponReport;
import io.tessera.reporting.api.OverviewLine;
import io.tessera.reporting.api.OverviewReport;
import io.tessera.reporting.api.PointsReport;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.reporting.internal.rules.Metrics;
import io.tessera.reporting.internal.rules.Periods;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.persistence.EntityManager;

/**
 * 概览数据, 积分数据 and 优惠券统计 from the read model's sums: each trend line from the day or month rows of its period,
 * the total the sum of the lines (they cover the range exactly), members up to a period's end from every month before.
 * The query is checked and the stores scoped by the caller ({@link ReportServiceImpl}).
 */
final class CountReports {

    /** Before any member: where the running count of members starts. */
    static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    private CountReports() {
    }

    static OverviewReport overview(EntityManager em, ReportQuery q, List<Long> stores) {
        OverviewReport r = new OverviewReport();
        r.from = q.from;
        r.to = q.to;
        r.storeId = q.storeId;
        r.formatCode = q.formatCode;
        boolean daily = Periods.dailyTrend(q.from, q.to);
        r.grain = daily ? "DAY" : "MONTH";
        Map<String, OverviewLine> lines = new LinkedHashMap<>();
        for (String key : Periods.trendKeys(q.from, q.to)) {
            lines.put(key, Metrics.overviewLine(key));
        }
        r.total = Metrics.overviewLine(null);
        if (stores != null && stores.isEmpty()) {
            r.periods.addAll(lines.values());
            return r;
        }
        List<Periods.Range> trend = Periods.trendRanges(q.from, q.to);
        for (Object[] row : Sums.rows(em, "SELECT s.grain, s.period, SUM(s.orders), SUM(s.paid), SUM(s.refunded) FROM PaySum s", trend, q, stores,
                " AND s.method = '" + ReadModel.ALL + "'", " GROUP BY s.grain, s.period")) {
            Metrics.addSales(line(lines, daily, row), Sums.count(row[2]), Sums.decimal(row[3]), Sums.decimal(row[4]));
        }
        for (Object[] row : Sums.rows(em, "SELECT s.grain, s.period, s.type, SUM(s.entries), SUM(s.principal), SUM(s.bonus) FROM WalletSum s", trend, q,
                stores, " AND s.type IN ('RECHARGE', 'CONSUME')", " GROUP BY s.grain, s.period, s.type")) {
            Metrics.addStoredValue(line(lines, daily, row), (String) row[2], Sums.count(row[3]), Sums.decimal(row[4]), Sums.decimal(row[5]));
        }
        for (Object[] row : metrics(em, trend, q, stores, null)) {
            Metrics.addOverview(line(lines, daily, row), (String) row[2], Sums.count(row[3]), Sums.count(row[4]), Sums.decimal(row[5]));
        }
        long members = q.from.isAfter(EPOCH) ? Sums.rows(em, "SELECT s.metric, SUM(s.entries) FROM MetricSum s", Periods.cover(EPOCH, q.from.minusDays(1)),
                q, stores, " AND s.metric = '" + Metrics.MEMBER_NEW + "'", " GROUP BY s.metric").stream().mapToLong(x -> Sums.count(x[1])).sum() : 0;
        for (OverviewLine l : lines.values()) {
            members += l.newMembers;
            l.members = members;
            Metrics.addOverview(r.total, l);
            r.periods.add(l);
        }
        r.total.members = members;
        return r;
    }

    static PointsReport points(EntityManager em, ReportQuery q, List<Long> stores) {
        PointsReport r = new PointsReport();
        r.from = q.from;
        r.to = q.to;
        r.storeId = q.storeId;
        r.formatCode = q.formatCode;
        r.grain = Periods.dailyTrend(q.from, q.to) ? "DAY" : "MONTH";
        r.total = Metrics.pointsLine(null);
        r.periods.addAll(lines(em, q, stores, " AND s.metric LIKE '" + Metrics.POINTS + "%'", Metrics::pointsLine, r.total,
                (l, row) -> Metrics.addPoints(l, (String) row[2], Sums.count(row[4]))));
        return r;
    }

    static CouponReport coupons(EntityManager em, ReportQuery q, List<Long> stores) {
        CouponReport r = new CouponReport();
        r.from = q.from;
        r.to = q.to;
        r.storeId = q.storeId;
        r.formatCode = q.formatCode;
        r.grain = Periods.dailyTrend(q.from, q.to) ? "DAY" : "MONTH";
        r.total = Metrics.couponLine(null);
        r.periods.addAll(lines(em, q, stores, " AND s.metric IN ('" + Metrics.COUPON_CLAIMED + "', '" + Metrics.COUPON_REDEEMED + "', '"
                + Metrics.COUPON_RETURNED + "')", Metrics::couponLine, r.total,
                (l, row) -> Metrics.addCoupons(l, (String) row[2], Sums.count(row[3]), Sums.decimal(row[5]))));
        return r;
    }

    /** The periods in which the metrics moved, oldest first, each row added to its period's line and to the total. */
    private static <L> Collection<L> lines(EntityManager em, ReportQuery q, List<Long> stores, String filter, Function<String, L> line, L total,
                                           BiConsumer<L, Object[]> add) {
        Map<String, L> lines = new TreeMap<>();
        if (stores != null && stores.isEmpty()) {
            return lines.values();
        }
        boolean daily = Periods.dailyTrend(q.from, q.to);
        for (Object[] row : metrics(em, Periods.trendRanges(q.from, q.to), q, stores, filter)) {
            add.accept(lines.computeIfAbsent(Periods.trendKey(daily, (String) row[0], ((Number) row[1]).intValue()), line), row);
            add.accept(total, row);
        }
        return lines.values();
    }

    /** Rows of grain, period, metric, entries, qty, amount. */
    private static List<Object[]> metrics(EntityManager em, List<Periods.Range> ranges, ReportQuery q, List<Long> stores, String filter) {
        return Sums.rows(em, "SELECT s.grain, s.period, s.metric, SUM(s.entries), SUM(s.qty), SUM(s.amount) FROM MetricSum s", ranges, q, stores, filter,
                " GROUP BY s.grain, s.period, s.metric");
    }

    private static OverviewLine line(Map<String, OverviewLine> lines, boolean daily, Object[] row) {
        String key = Periods.trendKey(daily, (String) row[0], ((Number) row[1]).intValue());
        return lines.computeIfAbsent(key, Metrics::overviewLine);
    }
}
