package io.tessera.reporting.internal;

import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.payments.api.channel.Bill;
import io.tessera.payments.api.channel.BillReader;
import io.tessera.payments.api.channel.ChannelInfo;
import io.tessera.payments.api.channel.PaymentChannel;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.reporting.api.BillDifference;
import io.tessera.reporting.api.BillImport;
import io.tessera.reporting.api.BillService;
import io.tessera.reporting.api.DifferenceKind;
import io.tessera.reporting.api.DifferenceState;
import io.tessera.reporting.api.FundsReport;
import io.tessera.reporting.api.ReportingErrors;
import io.tessera.reporting.api.Resolution;
import io.tessera.reporting.internal.jpa.BillEntity;
import io.tessera.reporting.internal.jpa.DifferenceEntity;
import io.tessera.reporting.internal.rules.BillMatching;
import io.tessera.reporting.internal.rules.Periods;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Channel bill reconciliation: bills asked of the installed channels (their {@link PaymentChannel#bill}) or uploaded
 * and read by the channel's {@link BillReader}, both optional and dynamic (a channel's bills are refused, 503, while
 * its feature is not installed); matched and written by {@link Bills}; differences resolved and days closed here,
 * each audited.
 */
@Component(service = BillService.class, configurationPid = "io.tessera.reporting")
@Designate(ocd = BillServiceImpl.Config.class)
public class BillServiceImpl implements BillService {

    @ObjectClassDefinition(name = "Tessera reporting")
    public @interface Config {
        @AttributeDefinition(description = "Minutes before midnight in which a Tessera trade missing from the day's bill waits for the next day's bill (0 to 120)")
        int bills_waitMinutes() default 15;
    }

    private volatile Duration wait = BillMatching.MIDNIGHT;

    static final String JOB_TYPE = "reporting.bills";

    private final JpaTemplate jpa;
    private final JobService jobs;
    private final OrgService org;
    private final AuditService audit;
    private final Map<PaymentMethod, PaymentChannel> channels = new ConcurrentHashMap<>();
    private final Map<PaymentMethod, BillReader> readers = new ConcurrentHashMap<>();

    @Activate
    public BillServiceImpl(@Reference(target = "(osgi.unit.name=tessera-reporting)") JpaTemplate jpa, @Reference JobService jobs,
                           @Reference OrgService org, @Reference AuditService audit, Config config) {
        this.jpa = jpa;
        this.jobs = jobs;
        this.org = org;
        this.audit = audit;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        int minutes = config.bills_waitMinutes();
        wait = minutes >= 0 && minutes <= 120 ? Duration.ofMinutes(minutes) : BillMatching.MIDNIGHT;
    }

    @Reference(name = "channel", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeChannel")
    void addChannel(PaymentChannel c) {
        channels.put(c.method(), c);
    }

    void removeChannel(PaymentChannel c) {
        channels.remove(c.method(), c);
    }

    @Reference(name = "reader", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeReader")
    void addReader(BillReader r, Map<String, Object> props) {
        readers.put(PaymentMethod.valueOf(String.valueOf(props.get(PaymentChannel.METHOD))), r);
    }

    void removeReader(BillReader r, Map<String, Object> props) {
        readers.remove(PaymentMethod.valueOf(String.valueOf(props.get(PaymentChannel.METHOD))), r);
    }

    @Override
    public Job fetch(PaymentMethod method, LocalDate day) {
        Caller caller = finance();
        PaymentChannel channel = channel(method);
        LocalDate d = day(day);
        return jobs.submit(JOB_TYPE, method + " bills of " + d, method + ":" + d, progress -> {
            List<String> done = new ArrayList<>();
            long[] counts = new long[3];
            ChannelInfo info = channel.info();
            for (ChannelInfo.Account account : info.accounts) {
                if (!account.ready) {
                    done.add(account.merchantId + ": not ready (" + account.problem + ")");
                    continue;
                }
                Set<Long> stores = stores(info, account);
                if (stores.isEmpty()) {
                    done.add(account.merchantId + ": serves no store");
                    continue;
                }
                Bill bill;
                try {
                    bill = channel.bill(stores.iterator().next(), d);
                } catch (TesseraException e) {
                    done.add(account.merchantId + ": " + e.getMessage());
                    continue;
                }
                BillEntity b = jpa.txExpr(TransactionType.Required, em -> Bills.reconcile(em, method.name(), bill, stores, "CHANNEL", caller.label(), wait));
                counts[0]++;
                counts[1] += b.matched;
                counts[2] += jpa.txExpr(TransactionType.Supports, em -> count(em, b.id, null));
                progress.counter("bills", counts[0]);
                progress.counter("matched", counts[1]);
                progress.counter("differences", counts[2]);
                done.add(account.merchantId + ": bill " + b.id);
            }
            return String.join("; ", done);
        });
    }

    @Override
    public BillImport upload(PaymentMethod method, String merchantId, LocalDate day, byte[] file) {
        Caller caller = finance();
        Checks.required("method", method);
        String merchant = Checks.text("merchantId", merchantId, 64);
        LocalDate d = day(day);
        BillReader reader = readers.get(method);
        PaymentChannel channel = channel(method);
        if (reader == null) {
            throw ReportingErrors.BILL_CHANNEL_NOT_AVAILABLE.at("method", method + " bills cannot be read here (its channel is not installed)");
        }
        ChannelInfo info = channel.info();
        ChannelInfo.Account account = info.accounts.stream().filter(a -> merchant.equals(a.merchantId)).findFirst()
                .orElseThrow(() -> ReportingErrors.BILL_MERCHANT_UNKNOWN.at("merchantId", "no " + method + " merchant account " + merchant));
        if (file == null || file.length == 0) {
            throw ReportingErrors.BILL_INVALID.error("the bill file is empty");
        }
        Bill bill;
        try {
            bill = reader.read(file, d, merchant);
        } catch (IllegalArgumentException e) {
            throw ReportingErrors.BILL_INVALID.error("not a " + method + " bill: " + e.getMessage());
        }
        BillImport before = jpa.txExpr(TransactionType.Supports, em -> Bills.imported(em, method.name(), merchant, Periods.day(d), bill.sha256)
                .map(b -> dto(em, b)).orElse(null));
        if (before != null) {
            before.duplicate = true;
            return before;
        }
        Set<Long> stores = stores(info, account);
        Job job = jobs.submit(JOB_TYPE, method + " bill of " + merchant + " for " + d, method + ":" + merchant + ":" + d, progress -> {
            BillEntity b = jpa.txExpr(TransactionType.Required, em -> Bills.reconcile(em, method.name(), bill, stores, "UPLOAD", caller.label(), wait));
            progress.counter("rows", b.rows);
            progress.counter("matched", b.matched);
            return "bill " + b.id + ": " + b.rows + " line(s), " + b.matched + " matched";
        });
        BillImport answer = new BillImport();
        answer.method = method;
        answer.merchantId = merchant;
        answer.day = d;
        answer.sha256 = bill.sha256;
        answer.source = "UPLOAD";
        answer.rows = bill.rows.size();
        answer.jobId = job.id;
        return answer;
    }

    @Override
    public Page<BillImport> bills(PaymentMethod method, LocalDate from, LocalDate to, int page, int size) {
        finance();
        Page.check(page, size);
        PagedQuery q = PagedQuery.of("BillEntity", "b").filter(method == null ? null : method.name(), "b.method = :m", "m")
                .filter(from == null ? null : Periods.day(from), "b.day >= :a", "a").filter(to == null ? null : Periods.day(to), "b.day <= :b", "b");
        return jpa.txExpr(TransactionType.Supports, em -> {
            Page<BillEntity> rows = q.page(em, BillEntity.class, "b.day DESC, b.id DESC", page, size);
            return rows.map(b -> dto(em, b));
        });
    }

    @Override
    public BillImport bill(long id) {
        finance();
        return jpa.txExpr(TransactionType.Supports, em -> dto(em, find(em, id)));
    }

    @Override
    public Page<BillDifference> differences(long billId, DifferenceState state, int page, int size) {
        finance();
        Page.check(page, size);
        return jpa.txExpr(TransactionType.Supports, em -> {
            BillEntity b = find(em, billId);
            return PagedQuery.of("DifferenceEntity", "d").where("d.billId = :b", "b", billId)
                    .filter(state == null ? null : state.name(), "d.state = :s", "s")
                    .page(em, DifferenceEntity.class, "d.id", page, size).map(d -> dto(b, d));
        });
    }

    @Override
    public BillDifference resolve(long differenceId, Resolution resolution, String reason) {
        Caller caller = finance();
        Resolution r = Checks.required("resolution", resolution);
        String why = Checks.text("reason", reason, 500);
        return jpa.txExpr(TransactionType.Required, em -> {
            DifferenceEntity d = em.find(DifferenceEntity.class, differenceId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (d == null) {
                throw ReportingErrors.DIFFERENCE_NOT_FOUND.at("id", "no difference " + differenceId);
            }
            if (!DifferenceState.OPEN.name().equals(d.state)) {
                throw ReportingErrors.DIFFERENCE_NOT_OPEN.error("difference " + differenceId + " is " + d.state);
            }
            BillEntity b = em.find(BillEntity.class, d.billId);
            BillDifference before = dto(b, d);
            d.state = DifferenceState.RESOLVED.name();
            d.resolution = r.name();
            d.resolvedBy = caller.label();
            d.reason = why;
            d.resolvedAt = BusinessTime.now();
            BillDifference after = dto(b, d);
            audit.record("reporting.difference.resolve", "BillDifference", String.valueOf(d.id), d.storeId, before, after);
            return after;
        });
    }

    @Override
    public BillImport close(long billId) {
        Caller caller = finance();
        return jpa.txExpr(TransactionType.Required, em -> {
            BillEntity b = em.find(BillEntity.class, billId, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (b == null) {
                throw ReportingErrors.BILL_NOT_FOUND.at("id", "no bill " + billId);
            }
            if (b.closedAt == null) {
                long open = count(em, billId, DifferenceState.OPEN) + count(em, billId, DifferenceState.WAITING);
                if (open > 0) {
                    throw ReportingErrors.BILL_DAY_OPEN.error(open + " difference(s) of bill " + billId + " are open or wait for the next day's bill");
                }
                b.closedBy = caller.label();
                b.closedAt = BusinessTime.now();
                audit.record("reporting.bill.close", "Bill", String.valueOf(b.id), null, null, dto(em, b));
            }
            return dto(em, b);
        });
    }

    @Override
    public FundsReport funds(LocalDate from, LocalDate to) {
        finance();
        LocalDate first = Checks.required("from", from);
        LocalDate last = Checks.required("to", to);
        if (first.isAfter(last) || first.plusDays(61).isBefore(last)) {
            throw ReportingErrors.REPORT_RANGE_INVALID.at("to", "from the first day, at most 62 days");
        }
        Map<PaymentMethod, Map<Long, String>> accounts = new HashMap<>();
        for (PaymentChannel c : channels.values()) {
            ChannelInfo info = c.info();
            Map<Long, String> byStore = new HashMap<>();
            for (ChannelInfo.Account a : info.accounts) {
                stores(info, a).forEach(s -> byStore.putIfAbsent(s, a.merchantId));
            }
            accounts.put(c.method(), byStore);
        }
        return jpa.txExpr(TransactionType.Supports, em -> Funds.report(em, first, last, accounts));
    }

    private static Caller finance() {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        return caller;
    }

    private PaymentChannel channel(PaymentMethod method) {
        Checks.required("method", method);
        PaymentChannel c = channels.get(method);
        if (c == null) {
            throw ReportingErrors.BILL_CHANNEL_NOT_AVAILABLE.at("method", method + " has no channel installed here");
        }
        return c;
    }

    private static LocalDate day(LocalDate day) {
        LocalDate d = Checks.required("day", day);
        if (!d.isBefore(BusinessTime.today().plusDays(1))) {
            throw PlatformErrors.DATE_INVALID.at("day", "a bill is of a day that has begun");
        }
        return d;
    }

    /** The stores a merchant account serves: the codes it names, or for "*" every store no other account names. */
    private Set<Long> stores(ChannelInfo info, ChannelInfo.Account account) {
        List<Store> all = org.listStores(null);
        Set<String> codes = new HashSet<>(account.stores == null ? List.of() : account.stores);
        if (codes.contains("*")) {
            Set<String> named = info.accounts.stream().filter(a -> a != account && a.stores != null).flatMap(a -> a.stores.stream())
                    .collect(Collectors.toSet());
            return all.stream().filter(s -> !named.contains(s.code)).map(s -> s.id).collect(Collectors.toSet());
        }
        return all.stream().filter(s -> codes.contains(s.code)).map(s -> s.id).collect(Collectors.toSet());
    }

    private static BillEntity find(EntityManager em, long id) {
        BillEntity b = em.find(BillEntity.class, id);
        if (b == null) {
            throw ReportingErrors.BILL_NOT_FOUND.at("id", "no bill " + id);
        }
        return b;
    }

    private static long count(EntityManager em, long billId, DifferenceState state) {
        var q = em.createQuery("SELECT COUNT(d) FROM DifferenceEntity d WHERE d.billId = :b" + (state == null ? "" : " AND d.state = :s"), Long.class)
                .setParameter("b", billId);
        return (state == null ? q : q.setParameter("s", state.name())).getSingleResult();
    }

    private static BillImport dto(EntityManager em, BillEntity b) {
        BillImport i = new BillImport();
        i.id = b.id;
        i.method = PaymentMethod.valueOf(b.method);
        i.merchantId = b.merchantId;
        i.day = Periods.dayOf(b.day);
        i.sha256 = b.sha256;
        i.source = b.source;
        i.rows = b.rows;
        i.billPaid = Money.of(b.billPaid);
        i.billRefunded = Money.of(b.billRefunded);
        i.billFee = Money.of(b.billFee);
        i.tesseraPaid = Money.of(b.tesseraPaid);
        i.tesseraRefunded = Money.of(b.tesseraRefunded);
        i.tesseraFee = Money.of(b.tesseraFee);
        i.matched = b.matched;
        Map<String, Long> byState = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT d.state, COUNT(d) FROM DifferenceEntity d WHERE d.billId = :b GROUP BY d.state", Object[].class)
                .setParameter("b", b.id).getResultList()) {
            byState.put((String) r[0], ((Number) r[1]).longValue());
        }
        i.open = byState.getOrDefault("OPEN", 0L);
        i.waiting = byState.getOrDefault("WAITING", 0L);
        i.resolved = byState.getOrDefault("RESOLVED", 0L);
        i.cleared = byState.getOrDefault("CLEARED", 0L);
        i.importedBy = b.importedBy;
        i.importedAt = BusinessTime.offset(b.importedAt);
        i.closedBy = b.closedBy;
        i.closedAt = BusinessTime.offset(b.closedAt);
        return i;
    }

    private static BillDifference dto(BillEntity b, DifferenceEntity d) {
        BillDifference x = new BillDifference();
        x.id = d.id;
        x.billId = d.billId;
        x.method = PaymentMethod.valueOf(b.method);
        x.day = Periods.dayOf(b.day);
        x.kind = DifferenceKind.valueOf(d.kind);
        x.state = DifferenceState.valueOf(d.state);
        x.tradeNo = d.tradeNo;
        x.refund = d.refund == 1;
        x.channelNo = d.channelNo;
        x.orderNo = d.orderNo;
        x.storeId = d.storeId;
        x.tesseraAmount = money(d.tesseraAmount);
        x.tesseraFee = money(d.tesseraFee);
        x.billAmount = money(d.billAmount);
        x.billFee = money(d.billFee);
        x.billState = d.billState;
        x.at = BusinessTime.offset(d.at);
        x.resolution = d.resolution == null ? null : Resolution.valueOf(d.resolution);
        x.resolvedBy = d.resolvedBy;
        x.reason = d.reason;
        x.resolvedAt = BusinessTime.offset(d.resolvedAt);
        return x;
    }

    private static Money money(BigDecimal v) {
        return v == null ? null : Money.of(v);
    }
}
