package io.tessera.reporting.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.BusinessFormat;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Tender;
import io.tessera.payments.api.TenderStatus;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.reporting.api.PaymentMethodReport;
import io.tessera.reporting.api.PaymentMethodRow;
import io.tessera.reporting.api.RechargeRecord;
import io.tessera.reporting.api.RechargeReport;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.JournalEntry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The read model on a real database (embedded Derby, the reporting changelog): each fact once whatever delivers it
 * how often and from how many threads, and the reports' figures from the sums, to the fen, over days and months.
 */
public class ReadModelOnDerbyTest {

    private static final Caller HQ = new Caller(Caller.Kind.OPERATOR, 1, "hq", "H1", EnumSet.of(Role.HQ_ADMIN), Set.of());
    private static final Caller CLERK = new Caller(Caller.Kind.OPERATOR, 2, "clerk", "C1", EnumSet.of(Role.CLERK), Set.of(101L));
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    private UnitDatabase db;
    private ReportServiceImpl reports;
    private int orderSeq;

    @Before
    public void setUp() {
        db = UnitDatabase.create("tessera-reporting");
        CallerContext.set(HQ);
        Map<Long, Store> stores = new HashMap<>();
        stores.put(101L, store(101, "PH", "蓝色港湾"));
        stores.put(102L, store(102, "HC", "健康中心"));
        OrgService org = Stub.of(OrgService.class)
                .on("listFormats", a -> List.of(format("PH"), format("HC")))
                .on("listStores", a -> stores.values().stream().filter(s -> a[0] == null || s.formatCode.equals(a[0]))
                        .filter(s -> CallerContext.current().canAccessStore(s.id)).toList())
                .on("findStore", a -> java.util.Optional.ofNullable(stores.get((Long) a[0]))).build();
        MemberService members = Stub.of(MemberService.class).on("lookupAll", a -> {
            Map<Long, Member> out = new HashMap<>();
            for (Object id : (java.util.Collection<?>) a[0]) {
                Member m = new Member();
                m.id = (Long) id;
                m.memberNo = "M" + id;
                m.name = "会员" + id;
                m.phone = "13812345678";
                out.put(m.id, m);
            }
            return out;
        }).build();
        reports = new ReportServiceImpl(db.jpa(), org, members);
    }

    @After
    public void tearDown() {
        CallerContext.clear();
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void aDayOfSalesAndRefundsToTheFen() {
        Order mixed = sale(101, DAY.atTime(10, 0), tender(PaymentMethod.WECHAT, "100.00", "0.60"), tender(PaymentMethod.MEMBER, "50.00", null));
        Order cash = sale(101, DAY.minusDays(1).atTime(18, 0), tender(PaymentMethod.CASH, "30.00", null));
        Order ali = sale(102, DAY.atTime(23, 59, 59), tender(PaymentMethod.ALIPAY, "80.00", "0.48"));
        Order recharge = sale(101, DAY.atTime(11, 0), tender(PaymentMethod.WECHAT, "500.00", "3.00"));
        recharge.kind = OrderKind.RECHARGE;
        write(mixed, cash, ali, recharge);
        refund(mixed, DAY.atTime(15, 0), part(PaymentMethod.WECHAT, "20.00", "0.12"));
        // a refund today of yesterday's cash sale: cash goes negative today
        refund(cash, DAY.atTime(9, 0), part(PaymentMethod.CASH, "30.00", null));

        PaymentMethodReport r = reports.paymentMethods(query(DAY, DAY));
        PaymentMethodRow wechat = row(r, PaymentMethod.WECHAT);
        assertEquals(1, wechat.orders);
        assertEquals(Money.parse("-20.00"), wechat.refundAmount);
        assertEquals(1, wechat.refunds);
        assertEquals(Money.parse("80.00"), wechat.netReceived);
        assertEquals(Money.parse("0.48"), wechat.fee);
        assertEquals(Money.parse("79.52"), wechat.settlement);
        assertEquals(Money.parse("50.00"), row(r, PaymentMethod.MEMBER).netReceived);
        assertNull(row(r, PaymentMethod.MEMBER).fee);
        PaymentMethodRow cashRow = row(r, PaymentMethod.CASH);
        assertEquals(0, cashRow.orders);
        assertEquals(Money.parse("-30.00"), cashRow.netReceived);
        assertEquals(Money.parse("79.52"), row(r, PaymentMethod.ALIPAY).settlement);
        assertEquals(2, r.total.orders);
        assertEquals(2, r.total.refunds);
        assertEquals(Money.parse("180.00"), r.total.netReceived);
        assertEquals(Money.parse("0.96"), r.total.fee);
        assertEquals(Money.parse("159.04"), r.total.settlement);

        // one store; a format; a clerk of store 101 sees only it
        assertEquals(Money.parse("100.00"), reports.paymentMethods(query(DAY, DAY, 101L, null)).total.netReceived);
        assertEquals(Money.parse("80.00"), reports.paymentMethods(query(DAY, DAY, null, "HC")).total.netReceived);
        CallerContext.set(CLERK);
        assertEquals(Money.parse("100.00"), reports.paymentMethods(query(DAY, DAY)).total.netReceived);
        assertRefused(() -> reports.paymentMethods(query(DAY, DAY, 102L, null)), "FORBIDDEN");
        CallerContext.set(HQ);
        // yesterday alone: the cash sale; both days: everything once
        assertEquals(Money.parse("30.00"), reports.paymentMethods(query(DAY.minusDays(1), DAY.minusDays(1))).total.netReceived);
        assertEquals(Money.parse("210.00"), reports.paymentMethods(query(DAY.minusDays(1), DAY)).total.netReceived);
    }

    @Test
    public void eachFactOnceHoweverOftenItIsDelivered() {
        Order o = sale(101, DAY.atTime(12, 0), tender(PaymentMethod.WECHAT, "10.00", "0.06"));
        write(o, o);
        Refund back = refund(o, DAY.atTime(13, 0), part(PaymentMethod.WECHAT, "10.00", "0.06"));
        assertFalse(db.jpa().txExpr(TransactionType.Required, em -> ReadModel.refunded(em, back, o)));
        assertFalse(db.jpa().txExpr(TransactionType.Required, em -> ReadModel.paid(em, o)));
        PaymentMethodRow w = row(reports.paymentMethods(query(DAY, DAY)), PaymentMethod.WECHAT);
        assertEquals(1, w.orders);
        assertEquals(1, w.refunds);
        assertEquals(Money.ZERO, w.netReceived);
        assertEquals(Money.ZERO, w.fee);
    }

    @Test
    public void concurrentWritersOfTheSameFactsCountEachOnce() throws Exception {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(sale(101 + i % 2, DAY.atTime(8, i), tender(PaymentMethod.CASH, "1.00", null)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicInteger written = new AtomicInteger();
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            runs.add(pool.submit(() -> {
                CallerContext.set(HQ);
                for (Order o : orders) {
                    for (int attempt = 0; ; attempt++) {
                        try {
                            if (db.jpa().txExpr(TransactionType.Required, em -> ReadModel.paid(em, o))) {
                                written.incrementAndGet();
                            }
                            break;
                        } catch (RuntimeException raced) {
                            // another writer inserted the fact or the sums row first: the retry finds it
                            assertTrue("gave up on " + o.orderNo, attempt < 20);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        assertEquals(20, written.get());
        PaymentMethodReport r = reports.paymentMethods(query(DAY, DAY));
        assertEquals(20, r.total.orders);
        assertEquals(Money.parse("20.00"), row(r, PaymentMethod.CASH).netReceived);
    }

    /** Sales and journal rows of different amounts add to their sums with the same compiled statements. */
    @Test
    public void sumsOfDifferentAmountsReuseTheirCompiledStatements() {
        for (int i = 1; i <= 5; i++) {
            write(sale(101, DAY.atTime(9, i), tender(PaymentMethod.WECHAT, i + "0.0" + i, "0.0" + i)));
            journal(i, EntryType.RECHARGE, i + "00.0" + i, i + ".00", null, PaymentMethod.CASH, "R-" + i, DAY.atTime(10, i));
        }
        assertEquals(1, db.compiledStatements("UPDATE RPT_PAY_SUM").size());
        assertEquals(1, db.compiledStatements("UPDATE RPT_WALLET_SUM").size());
        assertEquals(Money.parse("150.15"), row(reports.paymentMethods(query(DAY, DAY)), PaymentMethod.WECHAT).netReceived);
    }

    @Test
    public void rechargesAreThePaidPartPlusTheBonus() {
        journal(1, EntryType.RECHARGE, "500.00", "50.00", "10.00", PaymentMethod.WECHAT, "R-1", DAY.atTime(9, 0));
        journal(2, EntryType.RECHARGE, "200.00", "0.00", null, PaymentMethod.CASH, "R-2", DAY.atTime(10, 0));
        journal(3, EntryType.REVERSAL, "-200.00", "0.00", null, PaymentMethod.CASH, "R-2", DAY.atTime(11, 0));
        journal(4, EntryType.CONSUME, "-40.00", "-4.00", null, PaymentMethod.MEMBER, "S-1", DAY.atTime(12, 0));
        journal(5, EntryType.RECHARGE, "100.00", "5.00", null, PaymentMethod.WECHAT, "R-3", DAY.minusMonths(1).atTime(9, 0));
        RechargeReport r = reports.recharges(query(DAY, DAY));
        assertEquals(2, r.total.recharges);
        assertEquals(Money.parse("700.00"), r.total.paidAmount);
        assertEquals(Money.parse("50.00"), r.total.bonusAmount);
        assertEquals(Money.parse("750.00"), r.total.rechargeAmount);
        assertEquals(Money.parse("10.00"), r.total.cardFees);
        assertEquals(1, r.total.reversals);
        assertEquals(Money.parse("-200.00"), r.total.reversedAmount);
        assertEquals("DAY", r.grain);
        assertEquals(1, r.periods.size());
        assertEquals(DAY.toString(), r.periods.get(0).period);
        assertEquals(2, r.methods.size());

        // a year: by month, last month's recharge in its own line
        RechargeReport year = reports.recharges(query(DAY.minusYears(1), DAY));
        assertEquals("MONTH", year.grain);
        assertEquals(List.of("2026-11", "2026-12"), year.periods.stream().map(p -> p.period).toList());
        assertEquals(Money.parse("855.00"), year.total.rechargeAmount);

        // 储值数据: every type's movement and the day's net (what the store's daily ledger shows as in − out)
        var moved = reports.storedValue(query(DAY, DAY));
        assertEquals(List.of("RECHARGE", "REVERSAL", "CONSUME"), moved.types.stream().map(t -> t.type).toList());
        assertEquals(Money.parse("-44.00"), moved.types.get(2).amount);
        assertEquals(4, moved.net.entries);
        assertEquals(Money.parse("460.00"), moved.net.principal);
        assertEquals(Money.parse("46.00"), moved.net.bonus);
        assertEquals(Money.parse("506.00"), moved.periods.get(0).amount);

        ReportQuery byMethod = query(DAY, DAY);
        byMethod.method = PaymentMethod.WECHAT;
        assertEquals(Money.parse("550.00"), reports.recharges(byMethod).total.rechargeAmount);

        Page<RechargeRecord> page = reports.rechargeRecords(query(DAY, DAY));
        assertEquals(3, page.getTotal());
        RechargeRecord newest = page.getItems().get(0);
        assertEquals("REVERSAL", newest.type);
        assertEquals("101 - 蓝色港湾", newest.storeName);
        assertEquals("13812345678", newest.phone);
        ReportQuery byOrder = query(DAY, DAY);
        byOrder.orderNo = "R-1";
        RechargeRecord one = reports.rechargeRecords(byOrder).getItems().get(0);
        assertEquals(Money.parse("550.00"), one.rechargeAmount);
        assertEquals(Money.parse("10.00"), one.cardFee);
        CallerContext.set(CLERK);
        assertEquals("138****5678", reports.rechargeRecords(byOrder).getItems().get(0).phone);
    }

    /** The outbox delivers a chunk at a time: rows already there are skipped, the sums come out as row by row. */
    @Test
    public void aChunkOfJournalRowsAddsUpAsRowByRow() {
        journal(1, EntryType.RECHARGE, "500.00", "50.00", "10.00", PaymentMethod.WECHAT, "R-1", DAY.atTime(9, 0));
        List<JournalEntry> chunk = List.of(
                entry(1, EntryType.RECHARGE, "500.00", "50.00", "10.00", PaymentMethod.WECHAT, "R-1", DAY.atTime(9, 0)),
                entry(2, EntryType.RECHARGE, "200.00", "0.00", null, PaymentMethod.CASH, "R-2", DAY.atTime(10, 0)),
                entry(3, EntryType.REVERSAL, "-200.00", "0.00", null, PaymentMethod.CASH, "R-2", DAY.atTime(11, 0)),
                entry(4, EntryType.CONSUME, "-40.00", "-4.00", null, PaymentMethod.MEMBER, "S-1", DAY.atTime(12, 0)),
                entry(6, EntryType.CONSUME, "-10.00", "-1.00", null, PaymentMethod.MEMBER, "S-2", DAY.atTime(13, 0)),
                entry(5, EntryType.RECHARGE, "100.00", "5.00", null, PaymentMethod.WECHAT, "R-3", DAY.minusMonths(1).atTime(9, 0)));
        assertEquals(5, (int) db.jpa().txExpr(TransactionType.Required, em -> ReadModel.journals(em, chunk)));
        assertEquals(0, (int) db.jpa().txExpr(TransactionType.Required, em -> ReadModel.journals(em, chunk)));

        RechargeReport r = reports.recharges(query(DAY, DAY));
        assertEquals(2, r.total.recharges);
        assertEquals(Money.parse("750.00"), r.total.rechargeAmount);
        assertEquals(Money.parse("10.00"), r.total.cardFees);
        assertEquals(1, r.total.reversals);
        var moved = reports.storedValue(query(DAY, DAY));
        assertEquals(Money.parse("-55.00"), moved.types.get(2).amount);
        assertEquals(5, moved.net.entries);
        assertEquals(Money.parse("450.00"), moved.net.principal);
        assertEquals(Money.parse("45.00"), moved.net.bonus);
        RechargeReport year = reports.recharges(query(DAY.minusYears(1), DAY));
        assertEquals(List.of("2026-11", "2026-12"), year.periods.stream().map(p -> p.period).toList());
        assertEquals(Money.parse("855.00"), year.total.rechargeAmount);
        assertEquals(3, reports.rechargeRecords(query(DAY, DAY)).getTotal());
    }

    @Test
    public void badRangesAreRefusedWithTheirField() {
        assertRefused(() -> reports.paymentMethods(query(null, DAY)), "REPORT_RANGE_INVALID");
        assertRefused(() -> reports.paymentMethods(query(DAY, DAY.minusDays(1))), "REPORT_RANGE_INVALID");
        assertRefused(() -> reports.paymentMethods(query(DAY.minusYears(11), DAY)), "REPORT_RANGE_INVALID");
        assertRefused(() -> reports.paymentMethods(query(DAY, DAY, null, "NOPE")), "REPORT_FORMAT_NOT_FOUND");
    }

    private static void assertRefused(Runnable call, String code) {
        try {
            call.run();
        } catch (TesseraException e) {
            assertEquals(code, e.getCode());
            return;
        }
        throw new AssertionError("not refused: " + code);
    }

    private void write(Order... orders) {
        for (Order o : orders) {
            db.jpa().tx(TransactionType.Required, em -> ReadModel.paid(em, o));
        }
    }

    private Refund refund(Order o, LocalDateTime at, Refund.Part... parts) {
        Refund r = new Refund();
        r.refundNo = "RF" + (++orderSeq);
        r.orderNo = o.orderNo;
        r.createdAt = BusinessTime.offset(at);
        r.tenders = List.of(parts);
        r.amount = Money.ZERO;
        for (Refund.Part p : parts) {
            r.amount = r.amount.plus(p.amount);
        }
        assertTrue(db.jpa().txExpr(TransactionType.Required, em -> ReadModel.refunded(em, r, o)));
        return r;
    }

    private void journal(long id, EntryType type, String principal, String bonus, String cardFee, PaymentMethod method, String ref,
                         LocalDateTime at) {
        JournalEntry j = entry(id, type, principal, bonus, cardFee, method, ref, at);
        assertTrue(db.jpa().txExpr(TransactionType.Required, em -> ReadModel.journal(em, j)));
        assertFalse(db.jpa().txExpr(TransactionType.Required, em -> ReadModel.journal(em, j)));
    }

    private static JournalEntry entry(long id, EntryType type, String principal, String bonus, String cardFee, PaymentMethod method,
                                      String ref, LocalDateTime at) {
        JournalEntry j = new JournalEntry();
        j.id = id;
        j.type = type;
        j.storeId = 101L;
        j.memberId = 7L;
        j.principalDelta = Money.parse(principal);
        j.bonusDelta = Money.parse(bonus);
        j.cardFee = cardFee == null ? null : Money.parse(cardFee);
        j.method = method;
        j.reference = ref;
        j.operator = "C1";
        j.createdAt = BusinessTime.offset(at);
        return j;
    }

    private Order sale(long store, LocalDateTime paidAt, Tender... tenders) {
        Order o = new Order();
        o.orderNo = "SO" + (++orderSeq);
        o.storeId = store;
        o.kind = OrderKind.SALE;
        o.paidAt = BusinessTime.offset(paidAt);
        o.tenders = List.of(tenders);
        o.operator = "C1";
        return o;
    }

    private static Tender tender(PaymentMethod method, String amount, String fee) {
        Tender t = new Tender();
        t.method = method;
        t.amount = Money.parse(amount);
        t.fee = fee == null ? null : Money.parse(fee);
        t.status = TenderStatus.SUCCEEDED;
        return t;
    }

    private static Refund.Part part(PaymentMethod method, String amount, String feeReturned) {
        Refund.Part p = new Refund.Part();
        p.method = method;
        p.amount = Money.parse(amount);
        p.feeReturned = feeReturned == null ? null : Money.parse(feeReturned);
        p.state = Refund.State.SUCCEEDED;
        return p;
    }

    private static PaymentMethodRow row(PaymentMethodReport r, PaymentMethod m) {
        return r.rows.stream().filter(x -> x.method == m).findFirst().orElseThrow();
    }

    private static ReportQuery query(LocalDate from, LocalDate to) {
        return query(from, to, null, null);
    }

    private static ReportQuery query(LocalDate from, LocalDate to, Long store, String format) {
        ReportQuery q = new ReportQuery();
        q.from = from;
        q.to = to;
        q.storeId = store;
        q.formatCode = format;
        return q;
    }

    private static Store store(long id, String format, String name) {
        Store s = new Store();
        s.id = id;
        s.code = String.valueOf(id);
        s.name = name;
        s.formatCode = format;
        return s;
    }

    private static BusinessFormat format(String code) {
        BusinessFormat f = new BusinessFormat();
        f.code = code;
        f.name = code;
        return f;
    }
}
