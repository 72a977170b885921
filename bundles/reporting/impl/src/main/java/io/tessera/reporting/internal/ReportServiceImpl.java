package io.tessera.reporting.internal;

import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.reporting.api.CouponReport;
import io.tessera.reporting.api.OverviewReport;
import io.tessera.reporting.api.PaymentMethodReport;
import io.tessera.reporting.api.PointsReport;
import io.tessera.reporting.api.RechargeFigures;
import io.tessera.reporting.api.RechargeRecord;
import io.tessera.reporting.api.RechargeReport;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.reporting.api.ReportService;
import io.tessera.reporting.api.ReportingErrors;
import io.tessera.reporting.api.StoredValueLine;
import io.tessera.reporting.api.StoredValueReport;
import io.tessera.reporting.internal.jpa.WalletFact;
import io.tessera.reporting.internal.rules.MethodLines;
import io.tessera.reporting.internal.rules.Periods;
import io.tessera.reporting.internal.rules.RechargeLines;
import io.tessera.reporting.internal.rules.StoredValueLines;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The reports, each from the read model's sums (a few hundred rows whatever the range) or, for records, its facts. */
@Component(service = ReportService.class)
public class ReportServiceImpl implements ReportService {

    /** The longest range a report covers. */
    static final long MAX_DAYS = 3660;

    private final JpaTemplate jpa;
    private final OrgService org;
    private final RechargeRecords records;

    @Activate
    public ReportServiceImpl(@Reference(target = "(osgi.unit.name=tessera-reporting)") JpaTemplate jpa, @Reference OrgService org,
                             @Reference MemberService members) {
        this.jpa = jpa;
        this.org = org;
        this.records = new RechargeRecords(org, members);
    }

    @Override
    public PaymentMethodReport paymentMethods(ReportQuery query) {
        ReportQuery q = range(query);
        List<Long> stores = Scope.stores(org, CallerContext.current(), q.storeId, q.formatCode);
        PaymentMethodReport r = new PaymentMethodReport();
        r.from = q.from;
        r.to = q.to;
        r.storeId = q.storeId;
        r.formatCode = q.formatCode;
        Map<PaymentMethod, MethodLines.Totals> byMethod = new EnumMap<>(PaymentMethod.class);
        MethodLines.Totals all = MethodLines.Totals.NONE;
        if (stores == null || !stores.isEmpty()) {
            for (Object[] row : jpa.txExpr(TransactionType.Supports, em -> Sums.rows(em, "SELECT s.method, SUM(s.orders), SUM(s.paid), SUM(s.refunds), "
                    + "SUM(s.refunded), SUM(s.fee) FROM PaySum s", q, stores, null, " GROUP BY s.method"))) {
                MethodLines.Totals t = new MethodLines.Totals(Sums.count(row[1]), Sums.decimal(row[2]), Sums.count(row[3]), Sums.decimal(row[4]), Sums.decimal(row[5]));
                if (ReadModel.ALL.equals(row[0])) {
                    all = t;
                } else {
                    byMethod.put(PaymentMethod.valueOf((String) row[0]), t);
                }
            }
        }
        r.rows = MethodLines.lines(byMethod);
        r.total = MethodLines.total(r.rows, all);
        return r;
    }

    @Override
    public RechargeReport recharges(ReportQuery query) {
        ReportQuery q = range(query);
        List<Long> stores = Scope.stores(org, CallerContext.current(), q.storeId, q.formatCode);
        RechargeReport r = new RechargeReport();
        r.from = q.from;
        r.to = q.to;
        r.storeId = q.storeId;
        r.formatCode = q.formatCode;
        r.total = RechargeLines.empty();
        boolean daily = Periods.dailyTrend(q.from, q.to);
        r.grain = daily ? "DAY" : "MONTH";
        if (stores != null && stores.isEmpty()) {
            return r;
        }
        String filter = " AND s.type IN ('RECHARGE', 'REVERSAL')" + (q.method == null ? "" : " AND s.method = :method");
        Map<PaymentMethod, RechargeFigures> methods = new EnumMap<>(PaymentMethod.class);
        Map<String, RechargeFigures> periods = new TreeMap<>();
        jpa.tx(TransactionType.Supports, em -> {
            for (Object[] row : Sums.rows(em, "SELECT s.method, s.type, SUM(s.entries), SUM(s.principal), SUM(s.bonus), SUM(s.cardFee) FROM WalletSum s",
                    q, stores, filter, " GROUP BY s.method, s.type")) {
                add(r.total, row, 1);
                if (!ReadModel.NO_METHOD.equals(row[0])) {
                    add(methods.computeIfAbsent(PaymentMethod.valueOf((String) row[0]), m -> withMethod(m)), row, 1);
                }
            }
            for (Object[] row : Sums.rows(em, "SELECT s.grain, s.period, s.type, SUM(s.entries), SUM(s.principal), SUM(s.bonus), SUM(s.cardFee) "
                    + "FROM WalletSum s", Periods.trendRanges(q.from, q.to), q, stores, filter, " GROUP BY s.grain, s.period, s.type")) {
                String key = Periods.trendKey(daily, (String) row[0], ((Number) row[1]).intValue());
                add(periods.computeIfAbsent(key, k -> withPeriod(k)), row, 2);
            }
        });
        methods.values().forEach(r.methods::add);
        r.periods.addAll(periods.values());
        return r;
    }

    @Override
    public StoredValueReport storedValue(ReportQuery query) {
        ReportQuery q = range(query);
        List<Long> stores = Scope.stores(org, CallerContext.current(), q.storeId, q.formatCode);
        StoredValueReport r = new StoredValueReport();
        r.from = q.from;
        r.to = q.to;
        r.storeId = q.storeId;
        r.formatCode = q.formatCode;
        boolean daily = Periods.dailyTrend(q.from, q.to);
        r.grain = daily ? "DAY" : "MONTH";
        r.net = StoredValueLines.line(null, null);
        Map<String, StoredValueLine> types = new TreeMap<>(StoredValueLines.TYPE_ORDER);
        Map<String, StoredValueLine> periods = new TreeMap<>();
        if (stores == null || !stores.isEmpty()) {
            String filter = q.method == null ? null : " AND s.method = :method";
            jpa.tx(TransactionType.Supports, em -> {
                for (Object[] row : Sums.rows(em, "SELECT s.type, SUM(s.entries), SUM(s.principal), SUM(s.bonus) FROM WalletSum s", q, stores, filter,
                        " GROUP BY s.type")) {
                    StoredValueLines.add(types.computeIfAbsent((String) row[0], t -> StoredValueLines.line(t, null)), row, 1);
                    StoredValueLines.add(r.net, row, 1);
                }
                for (Object[] row : Sums.rows(em, "SELECT s.grain, s.period, SUM(s.entries), SUM(s.principal), SUM(s.bonus) FROM WalletSum s",
                        Periods.trendRanges(q.from, q.to), q, stores, filter, " GROUP BY s.grain, s.period")) {
                    String key = Periods.trendKey(daily, (String) row[0], ((Number) row[1]).intValue());
                    StoredValueLines.add(periods.computeIfAbsent(key, k -> StoredValueLines.line(null, k)), row, 2);
                }
            });
        }
        r.types.addAll(types.values());
        r.periods.addAll(periods.values());
        return r;
    }

    @Override
    public OverviewReport overview(ReportQuery query) {
        return counted(query, CountReports::overview);
    }

    @Override
    public PointsReport points(ReportQuery query) {
        return counted(query, CountReports::points);
    }

    @Override
    public CouponReport coupons(ReportQuery query) {
        return counted(query, CountReports::coupons);
    }

    /** A report of the counts ({@link CountReports}): the query checked, the stores scoped, read in one go. */
    private <R> R counted(ReportQuery query, CountReport<R> report) {
        ReportQuery q = range(query);
        List<Long> stores = Scope.stores(org, CallerContext.current(), q.storeId, q.formatCode);
        return jpa.txExpr(TransactionType.Supports, em -> report.read(em, q, stores));
    }

    private interface CountReport<R> {
        R read(EntityManager em, ReportQuery q, List<Long> stores);
    }

    @Override
    public Page<RechargeRecord> rechargeRecords(ReportQuery query) {
        ReportQuery q = range(query);
        int page = q.page == null ? 1 : q.page;
        int size = q.size == null ? 20 : q.size;
        Page.check(page, size);
        Caller caller = CallerContext.current();
        List<Long> stores = Scope.stores(org, caller, q.storeId, q.formatCode);
        if (stores != null && stores.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        Page<WalletFact> rows = jpa.txExpr(TransactionType.Supports, em -> RechargeRecords.select(q, stores).page(em, WalletFact.class,
                "f.at DESC, f.entryId DESC", page, size));
        List<RechargeRecord> named = records.named(rows.getItems(), caller, records.shops());
        return new Page<>(named, rows.getPage(), rows.getSize(), rows.getTotal());
    }

    /** The days checked: both given, in order, at most {@link #MAX_DAYS} apart. */
    static ReportQuery range(ReportQuery query) {
        ReportQuery q = query == null ? new ReportQuery() : query;
        if (q.from == null) {
            throw ReportingErrors.REPORT_RANGE_INVALID.at("from", "the first day is required (yyyy-MM-dd)");
        }
        if (q.to == null) {
            throw ReportingErrors.REPORT_RANGE_INVALID.at("to", "the last day is required (yyyy-MM-dd)");
        }
        if (q.from.isAfter(q.to)) {
            throw ReportingErrors.REPORT_RANGE_INVALID.at("to", "the last day is before the first");
        }
        if (ChronoUnit.DAYS.between(q.from, q.to) >= MAX_DAYS) {
            throw ReportingErrors.REPORT_RANGE_INVALID.at("to", "at most " + MAX_DAYS + " days in one report");
        }
        return q;
    }

    private static void add(RechargeFigures f, Object[] row, int typeAt) {
        RechargeLines.add(f, (String) row[typeAt], Sums.count(row[typeAt + 1]), Sums.decimal(row[typeAt + 2]), Sums.decimal(row[typeAt + 3]), Sums.decimal(row[typeAt + 4]));
    }

    private static RechargeFigures withMethod(PaymentMethod m) {
        RechargeFigures f = RechargeLines.empty();
        f.method = m;
        return f;
    }

    private static RechargeFigures withPeriod(String period) {
        RechargeFigures f = RechargeLines.empty();
        f.period = period;
        return f;
    }
}
