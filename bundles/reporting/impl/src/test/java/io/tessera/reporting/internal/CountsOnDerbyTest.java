package io.tessera.reporting.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.members.api.MemberService;
import io.tessera.org.api.BusinessFormat;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Role;
import io.tessera.points.api.EntryType;
import io.tessera.points.api.PointsEntry;
import io.tessera.reporting.api.CouponLine;
import io.tessera.reporting.api.CouponReport;
import io.tessera.reporting.api.OverviewLine;
import io.tessera.reporting.api.OverviewReport;
import io.tessera.reporting.api.PointsReport;
import io.tessera.reporting.api.ReportQuery;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The read model's counts on a real database (embedded Derby, the reporting changelog): each registration, coupon and
 * points row counted once however often delivered, and the overview, points data and coupon statistics from them.
 */
public class CountsOnDerbyTest {

    private static final Caller HQ = new Caller(Caller.Kind.OPERATOR, 1, "hq", "H1", EnumSet.of(Role.HQ_ADMIN), Set.of());
    private static final Caller CLERK = new Caller(Caller.Kind.OPERATOR, 2, "clerk", "C1", EnumSet.of(Role.CLERK), Set.of(101L));
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    private UnitDatabase db;
    private ReportServiceImpl reports;
    private long pointsId;

    @Before
    public void setUp() {
        db = UnitDatabase.create("tessera-reporting");
        CallerContext.set(HQ);
        Map<Long, Store> stores = Map.of(101L, store(101, "PH"), 102L, store(102, "HC"));
        OrgService org = Stub.of(OrgService.class)
                .on("listFormats", a -> List.of(format("PH"), format("HC")))
                .on("listStores", a -> stores.values().stream().filter(s -> a[0] == null || s.formatCode.equals(a[0]))
                        .filter(s -> CallerContext.current().canAccessStore(s.id)).toList())
                .on("findStore", a -> java.util.Optional.ofNullable(stores.get((Long) a[0]))).build();
        reports = new ReportServiceImpl(db.jpa(), org, Stub.of(MemberService.class).build());
    }

    @After
    public void tearDown() {
        CallerContext.clear();
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void eachFactCountsOnceHoweverOftenDelivered() {
        for (int i = 0; i < 2; i++) {
            boolean first = i == 0;
            db.jpa().tx(TransactionType.Required, em -> {
                assertEquals(first, Counts.registered(em, 7, 101, at(DAY, 9)));
                assertEquals(first, Counts.issued(em, "100000000000000001", 101L, at(DAY, 9)));
                assertEquals(first, Counts.redeemed(em, "100000000000000001", "S1", 101, Money.parse("5.00"), at(DAY, 10)));
                assertEquals(first, Counts.returned(em, "100000000000000001", "S1", 101, Money.parse("5.00"), at(DAY, 11)));
            });
        }
        PointsEntry earn = points(EntryType.EARN, 101, 120, 0, DAY);
        db.jpa().tx(TransactionType.Required, em -> {
            assertTrue(Counts.points(em, earn));
            assertFalse(Counts.points(em, earn));
            // redeemed again after the return, on another order: another redemption
            assertTrue(Counts.redeemed(em, "100000000000000001", "S2", 101, Money.parse("5.00"), at(DAY, 12)));
            // a row that moves no points counts nothing
            assertFalse(Counts.points(em, points(EntryType.ACTIVATE, 101, 0, 0, DAY)));
        });
        CouponReport c = reports.coupons(query(DAY, DAY));
        assertEquals(1, c.total.claimed);
        assertEquals(2, c.total.redeemed);
        assertEquals(Money.parse("10.00"), c.total.discount);
        assertEquals(1, c.total.returned);
        assertEquals(Money.parse("5.00"), c.total.returnedDiscount);
        assertEquals(120, reports.points(query(DAY, DAY)).total.issued);
        assertEquals(1, reports.overview(query(DAY, DAY)).total.newMembers);
    }

    /** Redemptions of different discounts add to their sums with the same compiled statement. */
    @Test
    public void sumsOfDifferentAmountsReuseTheirCompiledStatement() {
        db.jpa().tx(TransactionType.Required, em -> {
            for (int i = 1; i <= 5; i++) {
                assertTrue(Counts.redeemed(em, "10000000000000000" + i, "S" + i, 101, Money.parse(i + ".0" + i), at(DAY, 10)));
            }
        });
        assertEquals(1, db.compiledStatements("UPDATE RPT_METRIC_SUM").size());
        assertEquals(Money.parse("15.15"), reports.coupons(query(DAY, DAY)).total.discount);
    }

    @Test
    public void theOverviewCountsMembersUpToEachPeriodsEnd() {
        LocalDate before = DAY.minusMonths(3);
        db.jpa().tx(TransactionType.Required, em -> {
            Counts.registered(em, 1, 101, at(before, 10));
            Counts.registered(em, 2, 102, at(before, 11));
            Counts.registered(em, 3, 101, at(DAY.minusDays(1), 10));
            Counts.registered(em, 4, 101, at(DAY, 10));
            Counts.registered(em, 5, 102, at(DAY, 23));
            Counts.issued(em, "100000000000000002", null, at(DAY, 12));
            Counts.redeemed(em, "100000000000000002", "S3", 102, Money.parse("8.80"), at(DAY, 13));
            Counts.points(em, points(EntryType.EARN, 102, 0, 88, DAY));
            Counts.points(em, points(EntryType.SPEND, 101, -30, 0, DAY));
        });
        OverviewReport r = reports.overview(query(DAY.minusDays(1), DAY));
        assertEquals("DAY", r.grain);
        assertEquals(2, r.periods.size());
        OverviewLine yesterday = r.periods.get(0);
        assertEquals(3, yesterday.members);
        assertEquals(1, yesterday.newMembers);
        OverviewLine today = r.periods.get(1);
        assertEquals(5, today.members);
        assertEquals(2, today.newMembers);
        assertEquals(1, today.couponsClaimed);
        assertEquals(1, today.couponsRedeemed);
        assertEquals(Money.parse("8.80"), today.couponDiscount);
        assertEquals(88, today.pointsIssued);
        assertEquals(30, today.pointsSpent);
        assertEquals(5, r.total.members);
        assertEquals(3, r.total.newMembers);

        // a year by month: every month listed, members running on
        OverviewReport year = reports.overview(query(DAY.withDayOfYear(1), DAY));
        assertEquals("MONTH", year.grain);
        assertEquals(12, year.periods.size());
        assertEquals(2, year.periods.get(before.getMonthValue() - 1).members);
        assertEquals(5, year.total.members);

        // a store's overview: its members only, the claim made at no store not counted
        ReportQuery store = query(DAY.minusDays(1), DAY);
        store.storeId = 102L;
        OverviewReport hc = reports.overview(store);
        assertEquals(2, hc.total.members);
        assertEquals(0, hc.total.couponsClaimed);
        assertEquals(1, hc.total.couponsRedeemed);

        // a clerk of store 101 sees theirs
        CallerContext.set(CLERK);
        OverviewReport mine = reports.overview(query(DAY.minusDays(1), DAY));
        assertEquals(3, mine.total.members);
        assertEquals(30, mine.total.pointsSpent);
        assertEquals(0, mine.total.pointsIssued);
        PointsReport p = reports.points(query(DAY, DAY));
        assertEquals(-30, p.total.net);
        CouponReport none = reports.coupons(query(DAY, DAY));
        assertEquals(0, none.total.redeemed);
        assertTrue(none.periods.isEmpty());
    }

    @Test
    public void couponsAndPointsAcrossMonthsReadMonthAndDayRows() {
        LocalDate first = LocalDate.of(2026, 1, 30);
        db.jpa().tx(TransactionType.Required, em -> {
            Counts.redeemed(em, "100000000000000003", "S4", 101, Money.parse("1.01"), at(first, 10));
            Counts.redeemed(em, "100000000000000004", "S5", 101, Money.parse("2.02"), at(LocalDate.of(2026, 3, 15), 10));
            Counts.redeemed(em, "100000000000000005", "S6", 101, Money.parse("4.04"), at(LocalDate.of(2026, 6, 2), 10));
            Counts.points(em, points(EntryType.EXPIRE, 0, -500, 0, LocalDate.of(2026, 4, 1)));
        });
        CouponReport c = reports.coupons(query(first, LocalDate.of(2026, 6, 1)));
        assertEquals("MONTH", c.grain);
        assertEquals(2, c.total.redeemed);
        assertEquals(Money.parse("3.03"), c.total.discount);
        assertEquals(List.of("2026-01", "2026-03"), c.periods.stream().map((CouponLine l) -> l.period).toList());
        PointsReport p = reports.points(query(first, LocalDate.of(2026, 6, 1)));
        assertEquals(500, p.total.expired);
        assertEquals(-500, p.total.net);
    }

    private static ReportQuery query(LocalDate from, LocalDate to) {
        ReportQuery q = new ReportQuery();
        q.from = from;
        q.to = to;
        return q;
    }

    private PointsEntry points(EntryType type, long storeId, long available, long pending, LocalDate day) {
        PointsEntry e = new PointsEntry();
        e.id = ++pointsId;
        e.type = type;
        e.storeId = storeId;
        e.availableDelta = available;
        e.pendingDelta = pending;
        e.createdAt = at(day, 12);
        return e;
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return BusinessTime.offset(LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)));
    }

    private static Store store(long id, String format) {
        Store s = new Store();
        s.id = id;
        s.code = String.valueOf(id);
        s.name = "S" + id;
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
