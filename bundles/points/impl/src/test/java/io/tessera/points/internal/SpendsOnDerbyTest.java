package io.tessera.points.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.payments.api.spi.Cart;
import io.tessera.payments.api.spi.RefundView;
import io.tessera.payments.api.spi.Reversal;
import io.tessera.payments.api.spi.Taken;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.points.api.EntryType;
import io.tessera.points.api.LotSource;
import io.tessera.points.api.PointsCheck;
import io.tessera.points.internal.jpa.AccountEntity;
import io.tessera.points.internal.jpa.JournalEntity;
import io.tessera.points.internal.jpa.LotEntity;
import io.tessera.points.internal.jpa.LotMoveEntity;
import io.tessera.points.internal.jpa.SpendEntity;
import io.tessera.points.internal.jpa.SpendLineEntity;
import io.tessera.points.internal.jpa.SpendLotEntity;
import io.tessera.points.internal.rules.Expiry;
import io.tessera.testing.LocalUnitOfWork;
import io.tessera.testing.RecordedEvents;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Points used at checkout on a real database (embedded Derby, the points changelog): spent from the lots that expire
 * first when the order is made, USED once paid, given back into the same lots when the order closes unpaid, and
 * given back line by line over the refunds of a paid order, into the lots taken last first. Every step is safe to
 * repeat. The member (42, registered at store 101) is a stub; each step runs in its own transaction, as checkout's
 * collaborator calls do. After every scenario the books agree ({@link Books}).
 */
public class SpendsOnDerbyTest {

    private static final Caller HQ = new Caller(Caller.Kind.OPERATOR, 1, "hq", "H1", EnumSet.of(Role.HQ_ADMIN), Set.of());
    private static final long MEMBER = 42;
    private static final long STORE = 101;

    private UnitDatabase db;
    private LocalUnitOfWork work;
    private PointsSettings settings;
    private PointsPostings postings;
    private Accounts accounts;
    private Spends spends;
    /** The member's lots, as given in {@link #givePoints}: A expires first, then B; C never. */
    private long lotA;
    private long lotB;
    private long lotC;

    @Before
    public void setUp() {
        db = UnitDatabase.create("tessera-points");
        work = new LocalUnitOfWork(db.jpa());
        settings = new PointsSettings();
        postings = new PointsPostings(new RecordedEvents(db.jpa()));
        accounts = new Accounts(db.jpa(), work, settings);
        MemberService members = Stub.of(MemberService.class)
                .on("lookup", a -> a.length == 1 && a[0] instanceof Long id && id == MEMBER ? Optional.of(member(id)) : Optional.empty())
                .build();
        spends = new Spends(postings, accounts, settings, members);
        CallerContext.set(HQ);
    }

    @After
    public void tearDown() {
        CallerContext.clear();
        if (work != null) {
            work.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static Member member(long id) {
        Member m = new Member();
        m.id = id;
        m.memberNo = String.format("M%010d", id);
        m.name = "会员" + id;
        m.status = Member.Status.ACTIVE;
        m.registeredStoreId = STORE;
        m.discountRate = BigDecimal.ONE;
        return m;
    }

    /** 12000 points: A 3000 expiring in 10 days, B 5000 in 20 days, C 4000 never. */
    private void givePoints() {
        lotA = credit(3000, 10);
        lotB = credit(5000, 20);
        lotC = credit(4000, -1);
        assertEquals(12000, account().available);
    }

    // ---- reserve and commit ----

    @Test
    public void aReserveTakesThePointsFromTheLotsThatExpireFirstAndCommitUsesThem() {
        givePoints();
        reserve("O-1", cart(), taken(10000L, "100.00", "60.00", "40.00"));

        assertEquals(2000, account().available);
        SpendEntity s = spend("O-1");
        assertEquals(Spends.RESERVED, s.state);
        assertEquals(10000, s.points);
        assertEquals(0, new BigDecimal("100.00").compareTo(s.amount));
        assertEquals(MEMBER, s.memberId);
        assertEquals(STORE, s.storeId);
        assertEquals(0, s.putBack);
        assertEquals(List.of(List.of(lotA, 3000L), List.of(lotB, 5000L), List.of(lotC, 2000L)), spendLots(s.id));
        assertEquals(List.of(List.of(0L, 6000L), List.of(1L, 4000L)), spendLines(s.id));
        assertEquals(0, lot(lotA).remaining);
        assertEquals(0, lot(lotB).remaining);
        assertEquals(2000, lot(lotC).remaining);
        JournalEntity j = last(EntryType.SPEND);
        assertEquals(-10000, j.availableDelta);
        assertEquals("O-1", j.reference);
        assertEquals(STORE, j.storeId);
        assertBooksAgree(4);

        // the same order again (even asking otherwise) changes nothing
        reserve("O-1", cart(), taken(5000L, "50.00", "30.00", "20.00"));
        assertEquals(2000, account().available);
        assertEquals(10000, spend("O-1").points);
        assertEquals(1L, count("SELECT COUNT(s) FROM SpendEntity s"));
        assertBooksAgree(4);

        commit("O-1");
        s = spend("O-1");
        assertEquals(Spends.USED, s.state);
        assertNotNull(s.doneAt);
        assertEquals(2000, account().available);
        assertBooksAgree(4);

        // a second commit, and a release of a paid order, do nothing
        commit("O-1");
        release("O-1");
        assertEquals(Spends.USED, spend("O-1").state);
        assertEquals(2000, account().available);
        assertEquals(0, lot(lotA).remaining);
        assertBooksAgree(4);
    }

    @Test
    public void withoutAQuantityAReserveTakesThePointsWorthTheAmount() {
        givePoints();
        reserve("O-2", cart(), taken(null, "12.34", "12.34", "0.00"));
        assertEquals(1234, spend("O-2").points);
        // a quantity not worth the amount is not believed either
        reserve("O-3", cart(), taken(999L, "12.34", "12.34", "0.00"));
        assertEquals(1234, spend("O-3").points);
        assertEquals(12000 - 2468, account().available);
        // a line that carried nothing has no line row
        assertEquals(List.of(List.of(0L, 1234L)), spendLines(spend("O-2").id));
        assertBooksAgree(5);
    }

    @Test
    public void atFiftyPointsAYuanAnOddFenCostsThePointAbove() {
        settings.configure(config(Map.of("tender_pointsPerYuan", 50)));
        assertEquals(50, settings.program().tender().pointsPerYuan());
        givePoints();
        // 1001 points are worth 20.02: the asked quantity is kept
        reserve("O-4", cart(), taken(1001L, "20.02", "20.02", "0.00"));
        assertEquals(1001, spend("O-4").points);
        // 10.01 is 500.5 points: 501
        reserve("O-5", cart(), taken(null, "10.01", "5.01", "5.00"));
        assertEquals(501, spend("O-5").points);
        assertEquals(12000 - 1001 - 501, account().available);
        assertBooksAgree(5);
    }

    @Test
    public void aReserveBeyondTheLotsIsRefusedAndWritesNothing() {
        givePoints();
        try {
            reserve("O-6", cart(), taken(12001L, "120.01", "100.00", "20.01"));
            fail("more than the member has");
        } catch (TesseraException e) {
            assertEquals("POINTS_INSUFFICIENT", e.getCode());
        }
        assertEquals(12000, account().available);
        assertEquals(0L, count("SELECT COUNT(s) FROM SpendEntity s"));
        assertBooksAgree(3);
    }

    @Test
    public void aReserveForAnUnknownMemberIsRefused() {
        givePoints();
        Cart c = cart();
        c.memberId = 7L;
        try {
            reserve("O-7", c, taken(100L, "1.00", "1.00", "0.00"));
            fail("no such member");
        } catch (TesseraException e) {
            assertEquals("MEMBER_NOT_FOUND", e.getCode());
        }
        assertEquals(0L, count("SELECT COUNT(s) FROM SpendEntity s"));
        assertBooksAgree(3);
    }

    @Test
    public void inStoreModeTheStoresAccountPays() {
        settings.configure(config(Map.of("account_mode", "STORE")));
        givePoints();
        AccountEntity a = account();
        assertEquals(STORE, a.scopeStoreId);
        reserve("O-8", cart(), taken(1000L, "10.00", "10.00", "0.00"));
        assertEquals(a.id, spend("O-8").accountId);
        assertEquals(11000, account().available);
        assertBooksAgree(4);
    }

    // ---- release ----

    @Test
    public void aReleaseOfAnUnpaidOrderGivesEverythingBackOnce() {
        givePoints();
        reserve("O-10", cart(), taken(10000L, "100.00", "60.00", "40.00"));
        assertEquals(2000, account().available);

        release("O-10");
        SpendEntity s = spend("O-10");
        assertEquals(Spends.RELEASED, s.state);
        assertEquals(10000, s.putBack);
        assertNotNull(s.doneAt);
        assertEquals(12000, account().available);
        assertEquals(3000, lot(lotA).remaining);
        assertEquals(5000, lot(lotB).remaining);
        assertEquals(4000, lot(lotC).remaining);
        JournalEntity j = last(EntryType.RELEASE);
        assertEquals(10000, j.availableDelta);
        assertEquals("O-10", j.reference);
        assertEquals(Map.of(lotA, 3000L, lotB, 5000L, lotC, 2000L), moves(j.id));
        assertBooksAgree(5);

        // again: nothing; nor does a late commit, and a refund finds no points used
        release("O-10");
        commit("O-10");
        assertEquals(Spends.RELEASED, spend("O-10").state);
        assertNull(reverse("O-10", refund("R-10", true, line(0, 4, "140.00", 4, "140.00", 0, "0.00"), line(1, 1, "60.00", 1, "60.00", 0, "0.00"))));
        assertEquals(12000, account().available);
        assertBooksAgree(5);
    }

    @Test
    public void releasingAnOrderThatUsedNoPointsDoesNothing() {
        givePoints();
        release("O-NONE");
        assertEquals(12000, account().available);
        assertBooksAgree(3);
    }

    // ---- reverse ----

    @Test
    public void twoPartialRefundsThenAFullOneGiveBackExactlyAllThePointsLotsTakenLastFirst() {
        givePoints();
        // 200.00 (4 × 50.00) and 100.00; 100.00 in points: 60.00 off the first line, 40.00 off the second
        reserve("O-20", cart(), taken(10000L, "100.00", "60.00", "40.00"));
        commit("O-20");
        assertEquals(2000, account().available);

        // one unit of line 0 (35.00 of 140.00) → 6000 × 3500 / 14000 = 1500, into C (taken last)
        RefundView r1 = refund("R-1", false, line(0, 1, "35.00", 4, "140.00", 0, "0.00"), line(1, 0, "0.00", 1, "60.00", 0, "0.00"));
        Reversal a1 = reverse("O-20", r1);
        assertEquals(Long.valueOf(1500), a1.quantity);
        assertEquals("PUT_BACK", a1.action);
        assertEquals("10000 points", a1.reference);
        assertEquals(Money.parse("15.00"), a1.amount);
        assertEquals(3500, account().available);
        assertEquals(0, lot(lotA).remaining);
        assertEquals(0, lot(lotB).remaining);
        assertEquals(3500, lot(lotC).remaining);
        JournalEntity j1 = last(EntryType.PUT_BACK);
        assertEquals(1500, j1.availableDelta);
        assertEquals("R-1", j1.reference);
        assertEquals(Map.of(lotC, 1500L), moves(j1.id));
        assertBooksAgree(5);

        // R-1 again: the same answer, nothing moves
        Reversal again = reverse("O-20", r1);
        assertEquals(Long.valueOf(1500), again.quantity);
        assertEquals("PUT_BACK", again.action);
        assertEquals(Money.parse("15.00"), again.amount);
        assertEquals(3500, account().available);
        assertEquals(3500, lot(lotC).remaining);
        assertBooksAgree(5);

        // another unit → 3000 in all, 1500 more: C's last 500, then 1000 into B
        RefundView r2 = refund("R-2", false, line(0, 1, "35.00", 4, "140.00", 1, "35.00"), line(1, 0, "0.00", 1, "60.00", 0, "0.00"));
        Reversal a2 = reverse("O-20", r2);
        assertEquals(Long.valueOf(1500), a2.quantity);
        assertEquals(5000, account().available);
        assertEquals(0, lot(lotA).remaining);
        assertEquals(1000, lot(lotB).remaining);
        assertEquals(4000, lot(lotC).remaining);
        JournalEntity j2 = last(EntryType.PUT_BACK);
        assertEquals("R-2", j2.reference);
        assertEquals(Map.of(lotC, 500L, lotB, 1000L), moves(j2.id));
        assertEquals(List.of(List.of(lotA, 0L), List.of(lotB, 1000L), List.of(lotC, 2000L)), spendLotsPutBack(spend("O-20").id));
        assertBooksAgree(6);

        // R-3 completes the refund: the rest of both lines, 3000 + 4000: B's last 4000, then A's 3000
        RefundView r3 = refund("R-3", true, line(0, 2, "70.00", 4, "140.00", 2, "70.00"), line(1, 1, "60.00", 1, "60.00", 0, "0.00"));
        Reversal a3 = reverse("O-20", r3);
        assertEquals(Long.valueOf(7000), a3.quantity);
        assertEquals(Money.parse("70.00"), a3.amount);
        assertEquals(12000, account().available);
        assertEquals(3000, lot(lotA).remaining);
        assertEquals(5000, lot(lotB).remaining);
        assertEquals(4000, lot(lotC).remaining);
        assertEquals(Map.of(lotB, 4000L, lotA, 3000L), moves(last(EntryType.PUT_BACK).id));
        SpendEntity s = spend("O-20");
        assertEquals(Spends.USED, s.state);
        assertEquals(10000, s.putBack);
        assertEquals(List.of(List.of(0L, 6000L), List.of(1L, 4000L)), spendLinesPutBack(s.id));
        assertEquals(List.of(List.of(lotA, 3000L), List.of(lotB, 5000L), List.of(lotC, 2000L)), spendLotsPutBack(s.id));
        assertEquals(1500 + 1500 + 7000, a1.quantity + a2.quantity + a3.quantity);
        assertBooksAgree(7);

        // every refund once: all three again answer as before and move nothing
        assertEquals(Long.valueOf(1500), reverse("O-20", r1).quantity);
        assertEquals(Long.valueOf(1500), reverse("O-20", r2).quantity);
        assertEquals(Long.valueOf(7000), reverse("O-20", r3).quantity);
        assertEquals(12000, account().available);
        assertEquals(3L, count("SELECT COUNT(r) FROM SpendReversalEntity r"));
        assertBooksAgree(7);

        // a further refund has nothing left to give back
        Reversal a4 = reverse("O-20", refund("R-4", true, line(0, 0, "0.00", 4, "140.00", 4, "140.00"), line(1, 0, "0.00", 1, "60.00", 1, "60.00")));
        assertEquals(Long.valueOf(0), a4.quantity);
        assertEquals("NONE", a4.action);
        assertEquals(Money.ZERO, a4.amount);
        assertEquals(12000, account().available);
        assertBooksAgree(7);
    }

    @Test
    public void whenPointsPaidTheWholeLineUnitsReturnedCountAndOtherLinesGiveNothing() {
        givePoints();
        // line 0: 3 × 10.00 paid entirely with 3000 points; line 1: 70.00 paid in money
        Cart c = cart(cartLine(0, 3, "10.00"), cartLine(1, 1, "70.00"));
        reserve("O-30", c, taken(3000L, "30.00", "30.00", "0.00"));
        commit("O-30");
        assertEquals(9000, account().available);
        assertEquals(0, lot(lotA).remaining);

        // one unit of line 0 back (it cost 0.00 in the end): a third of its points
        Reversal a1 = reverse("O-30", refund("R-31", false, line(0, 1, "0.00", 3, "0.00", 0, "0.00"), line(1, 0, "0.00", 1, "70.00", 0, "0.00")));
        assertEquals(Long.valueOf(1000), a1.quantity);
        assertEquals(Money.parse("10.00"), a1.amount);
        assertEquals(1000, lot(lotA).remaining);
        assertEquals(10000, account().available);
        assertBooksAgree(5);

        // line 1 back: it used no points, so nothing, but the refund is answered
        Reversal a2 = reverse("O-30", refund("R-32", false, line(0, 0, "0.00", 3, "0.00", 1, "0.00"), line(1, 1, "70.00", 1, "70.00", 0, "0.00")));
        assertEquals(Long.valueOf(0), a2.quantity);
        assertEquals("NONE", a2.action);
        assertEquals(10000, account().available);
        assertBooksAgree(5);

        // the last two units complete the refund
        Reversal a3 = reverse("O-30", refund("R-33", true, line(0, 2, "0.00", 3, "0.00", 1, "0.00"), line(1, 0, "0.00", 1, "70.00", 1, "70.00")));
        assertEquals(Long.valueOf(2000), a3.quantity);
        assertEquals(3000, lot(lotA).remaining);
        assertEquals(12000, account().available);
        assertEquals(3000, spend("O-30").putBack);
        assertBooksAgree(6);
    }

    @Test
    public void aRefundOfAnOrderThatUsedNoPointsAnswersNull() {
        givePoints();
        RefundView view = refund("R-40", true, line(0, 4, "200.00", 4, "200.00", 0, "0.00"), line(1, 1, "100.00", 1, "100.00", 0, "0.00"));
        // no spend at all
        assertNull(reverse("O-40", view));
        // a zero amount reserves nothing
        reserve("O-41", cart(), taken(0L, "0.00", "0.00", "0.00"));
        assertTrue(read(em -> Spends.find(em, "O-41").isEmpty()));
        assertNull(reverse("O-41", refund("R-41", true, line(0, 4, "200.00", 4, "200.00", 0, "0.00"), line(1, 1, "100.00", 1, "100.00", 0, "0.00"))));
        assertEquals(0L, count("SELECT COUNT(r) FROM SpendReversalEntity r"));
        assertEquals(12000, account().available);
        assertBooksAgree(3);
    }

    @Test
    public void aRefundBeforeTheOrderIsPaidAnswersNullAndMovesNothing() {
        givePoints();
        reserve("O-50", cart(), taken(10000L, "100.00", "60.00", "40.00"));
        assertNull(reverse("O-50", refund("R-50", true, line(0, 4, "140.00", 4, "140.00", 0, "0.00"), line(1, 1, "60.00", 1, "60.00", 0, "0.00"))));
        assertEquals(2000, account().available);
        assertEquals(Spends.RESERVED, spend("O-50").state);
        assertEquals(0L, count("SELECT COUNT(r) FROM SpendReversalEntity r"));
        assertBooksAgree(4);
    }

    // --- helpers: each step in its own transaction, as checkout's collaborator calls are ---

    private void reserve(String orderNo, Cart cart, Taken taken) {
        db.jpa().tx(TransactionType.Required, em -> spends.reserve(em, orderNo, cart, taken));
    }

    private void commit(String orderNo) {
        db.jpa().tx(TransactionType.Required, em -> spends.commit(em, orderNo));
    }

    private void release(String orderNo) {
        db.jpa().tx(TransactionType.Required, em -> spends.release(em, orderNo));
    }

    private Reversal reverse(String orderNo, RefundView view) {
        return db.jpa().txExpr(TransactionType.Required, em -> spends.reverse(em, orderNo, view, false));
    }

    /** A spendable lot of the member's account expiring in {@code days} days ({@code -1}: never). */
    private long credit(long points, int days) {
        return db.jpa().txExpr(TransactionType.Required, em -> {
            long id = accounts.ensure(em, member(MEMBER), accounts.scopeOf(STORE));
            AccountEntity a = postings.lock(em, id);
            return postings.credit(em, a, new PointsPostings.Note(EntryType.GRANT, STORE, "G-" + System.nanoTime(), null), LotSource.MARKETING,
                    "G-" + System.nanoTime(), points, BusinessTime.now(), days < 0 ? Expiry.NEVER : BusinessTime.now().plusDays(days)).lot().id;
        });
    }

    /** 200.00 (4 × 50.00) and 100.00 (1 × 100.00). */
    private static Cart cart() {
        return cart(cartLine(0, 4, "50.00"), cartLine(1, 1, "100.00"));
    }

    private static Cart cart(Cart.CartLine... lines) {
        Cart c = new Cart();
        c.memberId = MEMBER;
        c.storeId = STORE;
        c.channel = "POS";
        c.lines = List.of(lines);
        return c;
    }

    private static Cart.CartLine cartLine(int index, long quantity, String unitPrice) {
        Cart.CartLine l = new Cart.CartLine();
        l.index = index;
        l.sku = "SKU-" + index;
        l.quantity = quantity;
        l.unitPrice = Money.parse(unitPrice);
        l.amount = Money.ofFen(l.unitPrice.toFen() * quantity);
        l.payable = l.amount;
        return l;
    }

    private static Taken taken(Long quantity, String amount, String... perLine) {
        Taken t = new Taken();
        t.reference = quantity + " points";
        t.quantity = quantity;
        t.amount = Money.parse(amount);
        t.perLine = new ArrayList<>();
        for (String p : perLine) {
            t.perLine.add(Money.parse(p));
        }
        return t;
    }

    private static RefundView refund(String refundNo, boolean full, RefundView.Line... lines) {
        RefundView v = new RefundView();
        v.refundNo = refundNo;
        v.full = full;
        v.lines = List.of(lines);
        Money amount = Money.ZERO;
        Money before = Money.ZERO;
        Money paid = Money.ZERO;
        for (RefundView.Line l : lines) {
            amount = amount.plus(l.amount);
            before = before.plus(l.refundedBefore);
            paid = paid.plus(l.payable);
        }
        v.amount = amount;
        v.refundedBefore = before;
        v.paid = paid;
        return v;
    }

    private static RefundView.Line line(int index, long quantity, String amount, long lineQuantity, String payable, long returnedBefore,
                                        String refundedBefore) {
        RefundView.Line l = new RefundView.Line();
        l.index = index;
        l.sku = "SKU-" + index;
        l.quantity = quantity;
        l.amount = Money.parse(amount);
        l.lineQuantity = lineQuantity;
        l.payable = Money.parse(payable);
        l.returnedBefore = returnedBefore;
        l.refundedBefore = Money.parse(refundedBefore);
        l.discount = Money.ZERO;
        return l;
    }

    /** A PointsSettings.Config with its defaults but for {@code values}. */
    private static PointsSettings.Config config(Map<String, Object> values) {
        return (PointsSettings.Config) Proxy.newProxyInstance(PointsSettings.Config.class.getClassLoader(), new Class<?>[] {PointsSettings.Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return PointsSettings.Config.class;
                    }
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }

    private <T> T read(Function<EntityManager, T> query) {
        return db.jpa().txExpr(TransactionType.Required, query::apply);
    }

    private AccountEntity account() {
        return read(em -> Accounts.find(em, MEMBER, accounts.scopeOf(STORE)).orElseThrow());
    }

    private LotEntity lot(long id) {
        return read(em -> em.find(LotEntity.class, id));
    }

    private SpendEntity spend(String orderNo) {
        return read(em -> Spends.find(em, orderNo).orElseThrow());
    }

    private long count(String jpql) {
        return read(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    /** [lot, points] in the order taken. */
    private List<List<Long>> spendLots(long spendId) {
        return read(em -> em.createQuery("SELECT l FROM SpendLotEntity l WHERE l.spendId = :s ORDER BY l.takeOrder", SpendLotEntity.class)
                .setParameter("s", spendId).getResultList().stream().map(l -> List.of(l.lotId, l.points)).toList());
    }

    /** [lot, put back] in the order taken. */
    private List<List<Long>> spendLotsPutBack(long spendId) {
        return read(em -> em.createQuery("SELECT l FROM SpendLotEntity l WHERE l.spendId = :s ORDER BY l.takeOrder", SpendLotEntity.class)
                .setParameter("s", spendId).getResultList().stream().map(l -> List.of(l.lotId, l.putBack)).toList());
    }

    /** [line index, points]. */
    private List<List<Long>> spendLines(long spendId) {
        return read(em -> em.createQuery("SELECT l FROM SpendLineEntity l WHERE l.spendId = :s ORDER BY l.lineIndex", SpendLineEntity.class)
                .setParameter("s", spendId).getResultList().stream().map(l -> List.of((long) l.lineIndex, l.points)).toList());
    }

    /** [line index, put back]. */
    private List<List<Long>> spendLinesPutBack(long spendId) {
        return read(em -> em.createQuery("SELECT l FROM SpendLineEntity l WHERE l.spendId = :s ORDER BY l.lineIndex", SpendLineEntity.class)
                .setParameter("s", spendId).getResultList().stream().map(l -> List.of((long) l.lineIndex, l.putBack)).toList());
    }

    /** The latest journal row of {@code type}. */
    private JournalEntity last(EntryType type) {
        return read(em -> em.createQuery("SELECT j FROM JournalEntity j WHERE j.type = :t ORDER BY j.id DESC", JournalEntity.class)
                .setParameter("t", type.name()).setMaxResults(1).getSingleResult());
    }

    /** What a journal row moved, by lot. */
    private Map<Long, Long> moves(long journalId) {
        return read(em -> {
            Map<Long, Long> m = new java.util.LinkedHashMap<>();
            for (LotMoveEntity r : em.createQuery("SELECT m FROM LotMoveEntity m WHERE m.journalId = :j ORDER BY m.id", LotMoveEntity.class)
                    .setParameter("j", journalId).getResultList()) {
                m.merge(r.lotId, r.delta, Long::sum);
            }
            return m;
        });
    }

    private void assertBooksAgree(long entries) {
        PointsCheck c = db.jpa().txExpr(TransactionType.Required, Books::check);
        assertEquals(c.violations.toString(), List.of(), c.violations);
        assertEquals(entries, c.entries);
        assertEquals(1, c.accounts);
    }
}
