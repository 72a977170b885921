package io.tessera.reporting.internal;

import io.tessera.coupons.api.CouponRecordService;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.audit.AuditQueries;
import io.tessera.platform.api.audit.AuditQuery;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobProgress;
import io.tessera.platform.api.jobs.JobQueries;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.reporting.api.BillDifference;
import io.tessera.reporting.api.BillService;
import io.tessera.reporting.api.DifferenceState;
import io.tessera.reporting.api.PaymentMethodReport;
import io.tessera.reporting.api.PaymentMethodRow;
import io.tessera.reporting.api.RechargeFigures;
import io.tessera.reporting.api.RechargeRecord;
import io.tessera.reporting.api.RechargeReport;
import io.tessera.reporting.api.ReportExports;
import io.tessera.reporting.api.ReportKind;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.reporting.api.ReportService;
import io.tessera.reporting.api.StoredValueLine;
import io.tessera.reporting.api.StoredValueReport;
import io.tessera.reporting.internal.jpa.WalletFact;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Exports as jobs of the caller (so the store scope is theirs): the query is checked before the job is submitted
 * (a bad range is refused at once), the file written by {@link TableFile}; record lists are walked day by day and by
 * key, a thousand rows at a time, named in bulk per chunk — constant memory and time per row whatever their number.
 */
@Component(service = ReportExports.class)
public class ExportServiceImpl implements ReportExports {

    static final int CHUNK = 1000;

    private final JpaTemplate jpa;
    private final JobService jobs;
    private final JobQueries mine;
    private final ReportService reports;
    private final BillService bills;
    private final OrgService org;
    private final RechargeRecords records;
    private final AuditQueries audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CouponRecordService coupons;

    @Activate
    public ExportServiceImpl(@Reference(target = "(osgi.unit.name=tessera-reporting)") JpaTemplate jpa, @Reference JobService jobs,
                             @Reference JobQueries mine, @Reference ReportService reports, @Reference BillService bills, @Reference OrgService org,
                             @Reference MemberService members, @Reference AuditQueries audit) {
        this.jpa = jpa;
        this.jobs = jobs;
        this.mine = mine;
        this.reports = reports;
        this.bills = bills;
        this.org = org;
        this.records = new RechargeRecords(org, members);
        this.audit = audit;
    }

    @Override
    public Job export(ReportKind report, ReportQuery query, String format) {
        io.tessera.platform.api.Checks.required("report", report);
        boolean xlsx = TableFile.xlsx(format);
        ReportQuery q = ReportServiceImpl.range(query);
        Caller caller = CallerContext.current();
        List<Long> stores = Scope.stores(org, caller, q.storeId, q.formatCode);
        String days = q.from + (q.from.equals(q.to) ? "" : "_" + q.to);
        return switch (report) {
            case PAYMENT_METHODS -> submit("支付方式报表 " + days, p -> paymentMethods(p, reports.paymentMethods(q), xlsx, days));
            case RECHARGES -> submit("充值数据 " + days, p -> recharges(p, reports.recharges(q), xlsx, days));
            case RECHARGE_RECORDS -> submit("充值明细 " + days, p -> rechargeRecords(p, q, stores, caller, xlsx, days));
            case STORED_VALUE -> submit("储值数据 " + days, p -> storedValue(p, reports.storedValue(q), xlsx, days));
            case OVERVIEW -> submit("概览数据 " + days, p -> CountExports.overview(p, reports.overview(q), xlsx, days));
            case POINTS -> submit("积分数据 " + days, p -> CountExports.points(p, reports.points(q), xlsx, days));
            case COUPONS -> submit("优惠券统计 " + days, p -> CountExports.coupons(p, reports.coupons(q), xlsx, days));
            case COUPON_CLAIMS -> {
                CouponRecordService c = RecordExports.installed(coupons);
                yield submit("领取记录 " + days, p -> RecordExports.claims(p, c, q, stores, xlsx, days));
            }
            case COUPON_REDEMPTIONS -> {
                CouponRecordService c = RecordExports.installed(coupons);
                yield submit("核销记录 " + days, p -> RecordExports.redemptions(p, c, q, stores, xlsx, days));
            }
            case OPERATIONS -> {
                AuditQuery check = new AuditQuery();
                check.from = q.from;
                check.to = q.to;
                check.size = 1;
                audit.search(check);
                yield submit("操作记录 " + days, p -> RecordExports.operations(p, audit, q, stores, xlsx, days));
            }
        };
    }

    @Override
    public Job exportDifferences(long billId, DifferenceState state, String format) {
        boolean xlsx = TableFile.xlsx(format);
        bills.bill(billId);
        return submit("对账差异 bill " + billId, p -> differences(p, billId, state, xlsx));
    }

    @Override
    public Page<Job> mine(int page, int size) {
        return mine.mine(JOB_TYPE, page, size);
    }

    private interface Work {
        String write(JobProgress progress) throws IOException;
    }

    private Job submit(String description, Work work) {
        return jobs.submit(JOB_TYPE, description, null, work::write);
    }

    private static String paymentMethods(JobProgress p, PaymentMethodReport r, boolean xlsx, String days) throws IOException {
        try (TableFile f = TableFile.open(p, "payment-methods-" + days, xlsx, "支付方式报表", "支付方式", "订单数", "退款金额", "退款笔数", "实收金额",
                "手续费", "结算金额")) {
            for (PaymentMethodRow row : r.rows) {
                line(f, Labels.method(row.method), row);
            }
            line(f, "合计", r.total);
        }
        p.done(r.rows.size() + 1L);
        return (r.rows.size() + 1) + " row(s)";
    }

    private static void line(TableFile f, String name, PaymentMethodRow r) throws IOException {
        f.row(name, r.orders, r.refundAmount, r.refunds, r.netReceived, r.feeApplies ? r.fee : "n/a", r.feeApplies ? r.settlement : "n/a");
    }

    private static String recharges(JobProgress p, RechargeReport r, boolean xlsx, String days) throws IOException {
        int n = 0;
        try (TableFile f = TableFile.open(p, "recharges-" + days, xlsx, "充值数据", r.grain.equals("DAY") ? "日期" : "月份", "充值笔数", "充值金额",
                "实付金额", "赠送金额", "工本费", "撤销笔数", "撤销金额")) {
            for (RechargeFigures x : r.periods) {
                line(f, x.period, x);
                n++;
            }
            for (RechargeFigures x : r.methods) {
                line(f, Labels.method(x.method), x);
                n++;
            }
            line(f, "合计", r.total);
        }
        p.done(n + 1L);
        return (n + 1) + " row(s)";
    }

    private static void line(TableFile f, String name, RechargeFigures x) throws IOException {
        f.row(name, x.recharges, x.rechargeAmount, x.paidAmount, x.bonusAmount, x.cardFees, x.reversals, x.reversedAmount);
    }

    private static String storedValue(JobProgress p, StoredValueReport r, boolean xlsx, String days) throws IOException {
        int n = 0;
        try (TableFile f = TableFile.open(p, "stored-value-" + days, xlsx, "储值数据", "类型/" + (r.grain.equals("DAY") ? "日期" : "月份"), "笔数", "本金",
                "赠送", "合计")) {
            for (StoredValueLine l : r.types) {
                f.row(Labels.entry(l.type), l.entries, l.principal, l.bonus, l.amount);
                n++;
            }
            for (StoredValueLine l : r.periods) {
                f.row(l.period, l.entries, l.principal, l.bonus, l.amount);
                n++;
            }
            f.row("合计", r.net.entries, r.net.principal, r.net.bonus, r.net.amount);
        }
        p.done(n + 1L);
        return (n + 1) + " row(s)";
    }

    private String rechargeRecords(JobProgress p, ReportQuery q, List<Long> stores, Caller caller, boolean xlsx, String days) throws IOException {
        if (stores != null && stores.isEmpty()) {
            stores = List.of(-1L);
        }
        List<Long> scope = stores;
        long total = jpa.txExpr(TransactionType.Supports, em -> RechargeRecords.select(q, scope).page(em, WalletFact.class, "f.entryId", 1, 1)
                .getTotal());
        p.total(total);
        var shops = records.shops();
        long written = 0;
        try (TableFile f = TableFile.open(p, "recharge-records-" + days, xlsx, "充值明细", "订单号", "门店", "会员号", "会员姓名", "手机号", "卡号",
                "充值金额", "实付金额", "赠送金额", "工本费", "支付方式", "类型", "操作员", "时间")) {
            // Day by day, each day by id: an index range scan (RPT_WALLET_ENTRY_DAY_ID) per chunk, never a sort of the whole range.
            for (LocalDate day = q.from; !day.isAfter(q.to); day = day.plusDays(1)) {
                ReportQuery one = oneDay(q, day);
                long after = 0;
                while (true) {
                    long from = after;
                    List<WalletFact> chunk = jpa.txExpr(TransactionType.Supports, em -> RechargeRecords.select(one, scope)
                            .where("f.entryId > :after", "after", from).first(em, WalletFact.class, "f.entryId", CHUNK));
                    if (chunk.isEmpty()) {
                        break;
                    }
                    for (RechargeRecord r : records.named(chunk, caller, shops)) {
                        f.row(r.orderNo, r.storeName, r.memberNo, r.memberName, r.phone, r.cardNo, r.rechargeAmount, r.paidAmount, r.bonusAmount,
                                r.cardFee, r.method == null ? null : Labels.method(r.method), Labels.entry(r.type), r.operator, r.at);
                    }
                    written += chunk.size();
                    after = chunk.get(chunk.size() - 1).entryId;
                    p.done(written);
                    p.counter("rows", written);
                }
            }
        }
        return written + " record(s)";
    }

    private static ReportQuery oneDay(ReportQuery q, LocalDate day) {
        ReportQuery one = new ReportQuery();
        one.from = day;
        one.to = day;
        one.storeId = q.storeId;
        one.formatCode = q.formatCode;
        one.method = q.method;
        one.orderNo = q.orderNo;
        return one;
    }

    private String differences(JobProgress p, long billId, DifferenceState state, boolean xlsx) throws IOException {
        long written = 0;
        try (TableFile f = TableFile.open(p, "bill-" + billId + "-differences", xlsx, "对账差异", "差异类型", "状态", "交易号", "渠道单号", "订单号",
                "门店ID", "Tessera金额", "账单金额", "Tessera手续费", "账单手续费", "账单状态", "时间", "处理结果", "处理人", "原因")) {
            for (int page = 1; ; page++) {
                Page<BillDifference> rows = bills.differences(billId, state, page, Page.MAX_SIZE);
                for (BillDifference d : rows.getItems()) {
                    f.row(d.kind, d.state, d.tradeNo, d.channelNo, d.orderNo, d.storeId, d.tesseraAmount, d.billAmount, d.tesseraFee, d.billFee,
                            d.billState, d.at, d.resolution, d.resolvedBy, d.reason);
                }
                written += rows.getItems().size();
                p.done(written);
                if (rows.getItems().size() < Page.MAX_SIZE) {
                    break;
                }
            }
        }
        return written + " difference(s)";
    }
}
