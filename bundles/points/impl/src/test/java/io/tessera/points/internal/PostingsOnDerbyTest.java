package io.tessera.points.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.points.api.EntryType;
import io.tessera.points.api.LotSource;
import io.tessera.points.api.PointsCheck;
import io.tessera.points.internal.jpa.AccountEntity;
import io.tessera.points.internal.jpa.LotEntity;
import io.tessera.points.internal.rules.Expiry;
import io.tessera.points.internal.rules.LotPicker;
import io.tessera.points.internal.rules.TakeBackRule;
import io.tessera.testing.RecordedEvents;
import io.tessera.testing.UnitDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The one writer of points on a real database (embedded Derby, the points changelog): lots taken in expiry order and
 * given back to the same lots, expiry and activation when the account is locked, take-back with a debt settled by
 * later credits, or a shortfall; many tills on one account. After every step the books agree ({@link Books}).
 */
public class PostingsOnDerbyTest {

    private static final Caller HQ = new Caller(Caller.Kind.OPERATOR, 1, "hq", "H1", EnumSet.of(Role.HQ_ADMIN), Set.of());

    private UnitDatabase db;
    private PointsPostings postings;
    private long account;

    @Before
    public void setUp() {
        db = UnitDatabase.create("tessera-points");
        postings = new PointsPostings(new RecordedEvents(db.jpa()));
        CallerContext.set(HQ);
        account = db.jpa().txExpr(TransactionType.Required, em -> {
            AccountEntity a = new AccountEntity();
            a.memberId = 42;
            a.memberStoreId = 101;
            a.scopeStoreId = Accounts.CHAIN;
            a.openedAt = BusinessTime.now();
            em.persist(a);
            em.flush();
            return a.id;
        });
    }

    @After
    public void tearDown() {
        CallerContext.clear();
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void aDebitTakesTheLotsThatExpireFirstAndAPutBackReturnsToThem() {
        long later = credit(400, 20);
        long never = credit(100, -1);
        long first = credit(300, 10);
        PointsPostings.Debit d = tx(a -> postings.debit(em(), a, note(EntryType.SPEND), 600));
        assertEquals(List.of(new LotPicker.Take(first, 300), new LotPicker.Take(later, 300)), d.takes());
        assertEquals(0, lot(first).remaining);
        assertEquals(100, lot(later).remaining);
        assertEquals(100, lot(never).remaining);
        assertEquals(200, account().available);
        tx(a -> postings.putBack(em(), a, note(EntryType.PUT_BACK), List.of(new LotPicker.Take(later, 200))));
        assertEquals(300, lot(later).remaining);
        assertEquals(400, account().available);
        assertBooksAgree(5);
    }

    @Test
    public void moreThanTheSpendablePointsIsRefusedAndNothingIsWritten() {
        credit(100, 10);
        try {
            tx(a -> postings.debit(em(), a, note(EntryType.SPEND), 101));
            fail("a debit beyond the lots");
        } catch (TesseraException e) {
            assertEquals("POINTS_INSUFFICIENT", e.getCode());
        }
        assertEquals(100, account().available);
        assertBooksAgree(1);
    }

    @Test
    public void pointsPutBackIntoALotThatExpiredMeanwhileExpireAtOnce() throws Exception {
        long lot = credit(300, 10);
        tx(a -> postings.debit(em(), a, note(EntryType.SPEND), 200));
        sql("UPDATE PTS_LOT SET EXPIRES_AT = ? WHERE ID = ?", Timestamp.valueOf(LocalDateTime.now().minusDays(1)), lot);
        // Locking the account expires the lot's last 100 first; the 200 put back then go the same way.
        tx(a -> postings.putBack(em(), a, note(EntryType.PUT_BACK), List.of(new LotPicker.Take(lot, 200))));
        LotEntity l = lot(lot);
        assertEquals(0, l.remaining);
        assertEquals(300, l.expired);
        assertEquals("EXPIRED", l.status);
        assertEquals(0, account().available);
        assertBooksAgree(5);
    }

    @Test
    public void lockingExpiresWhatIsDueAndActivatesPendingPointsOnceOnly() throws Exception {
        long due = credit(70, 10);
        long pending = db.jpa().txExpr(TransactionType.Required, em -> postings.credit(em, postings.lock(em, account), note(EntryType.EARN),
                LotSource.ORDER, "O-1", 50, BusinessTime.now().plusDays(7), Expiry.NEVER).lot().id);
        assertEquals(70, account().available);
        assertEquals(50, account().pending);
        sql("UPDATE PTS_LOT SET EXPIRES_AT = ? WHERE ID = ?", Timestamp.valueOf(LocalDateTime.now().minusMinutes(1)), due);
        sql("UPDATE PTS_LOT SET AVAILABLE_FROM = ? WHERE ID = ?", Timestamp.valueOf(LocalDateTime.now().minusMinutes(1)), pending);
        tx(a -> a);
        tx(a -> a);
        assertEquals(50, account().available);
        assertEquals(0, account().pending);
        assertEquals("ACTIVE", lot(pending).status);
        assertBooksAgree(4);
    }

    @Test
    public void aTakeBackTakesTheOrdersLotFirstThenOthersThenOwesAndLaterCreditsSettle() {
        long other = credit(100, 5);
        long own = credit(200, 30);
        tx(a -> postings.debit(em(), a, note(EntryType.SPEND), 250));
        assertEquals(50, lot(own).remaining);
        PointsPostings.TakeBack t = tx(a -> postings.takeBack(em(), a, note(EntryType.TAKE_BACK), own, 200, TakeBackRule.WhenSpent.NEGATIVE));
        assertEquals(50, t.taken());
        assertEquals(150, t.debt());
        assertEquals(0, t.shortfall());
        assertEquals(0, lot(other).remaining);
        assertEquals(-150, account().available);
        try {
            tx(a -> postings.debit(em(), a, note(EntryType.SPEND), 1));
            fail("spending while in debt");
        } catch (TesseraException e) {
            assertEquals("POINTS_ACCOUNT_IN_DEBT", e.getCode());
        }
        long next = credit(100, 30);
        assertEquals(0, lot(next).remaining);
        assertEquals(-50, account().available);
        long last = credit(80, 30);
        assertEquals(30, lot(last).remaining);
        assertEquals(30, account().available);
        assertBooksAgree(8);
    }

    @Test
    public void withShortfallWhatIsNoLongerThereIsWrittenOffAndTheBalanceStaysAtZero() {
        long own = credit(200, 30);
        tx(a -> postings.debit(em(), a, note(EntryType.SPEND), 180));
        PointsPostings.TakeBack t = tx(a -> postings.takeBack(em(), a, note(EntryType.TAKE_BACK), own, 200, TakeBackRule.WhenSpent.SHORTFALL));
        assertEquals(20, t.taken());
        assertEquals(0, t.debt());
        assertEquals(180, t.shortfall());
        assertEquals(0, account().available);
        assertNull("no debt lot", db.jpa().txExpr(TransactionType.Required, em -> PointsPostings.debtLot(em, em.find(AccountEntity.class, account), false)));
        assertBooksAgree(3);
    }

    @Test
    public void pointsWrittenOffWhileSetAsideForAnOrderAreTakenWhenThatOrderGivesThemBack() {
        long own = credit(100, 30);
        // The points are set aside for an order (spent at its creation) when the order that earned them is refunded.
        PointsPostings.Debit reserved = tx(a -> postings.debit(em(), a, note(EntryType.SPEND), 100));
        PointsPostings.TakeBack t = tx(a -> postings.takeBack(em(), a, note(EntryType.TAKE_BACK), own, 100, TakeBackRule.WhenSpent.SHORTFALL));
        assertEquals(100, t.shortfall());
        assertEquals(100, account().recoverable);
        // The order closes unpaid: its points come back and go straight to what was written off.
        tx(a -> postings.putBack(em(), a, note(EntryType.RELEASE), reserved.takes()));
        assertEquals(0, account().available);
        assertEquals(0, account().recoverable);
        assertEquals(0, lot(own).remaining);
        assertBooksAgree(4);
    }

    @Test
    public void theOrdersPointsThatExpiredAreNotTakenAgainFromOtherLots() throws Exception {
        long own = credit(100, 30);
        long other = credit(50, 60);
        sql("UPDATE PTS_LOT SET EXPIRES_AT = ? WHERE ID = ?", Timestamp.valueOf(LocalDateTime.now().minusDays(1)), own);
        PointsPostings.TakeBack t = tx(a -> postings.takeBack(em(), a, note(EntryType.TAKE_BACK), own, 100, TakeBackRule.WhenSpent.NEGATIVE));
        assertEquals(100, t.taken());
        assertEquals(0, t.debt());
        assertNull("nothing moved by the take-back", t.entry());
        assertEquals(50, lot(other).remaining);
        assertEquals(50, account().available);
        assertEquals(100, lot(own).expiredTaken);
        assertBooksAgree(3);
    }

    @Test
    public void aQuickRefundTakesTheOrdersPendingPointsFirst() {
        credit(500, 30);
        long own = db.jpa().txExpr(TransactionType.Required, em -> postings.credit(em, postings.lock(em, account), note(EntryType.EARN),
                LotSource.ORDER, "O-2", 100, BusinessTime.now().plusDays(7), Expiry.NEVER).lot().id);
        tx(a -> postings.takeBack(em(), a, note(EntryType.TAKE_BACK), own, 40, TakeBackRule.WhenSpent.NEGATIVE));
        assertEquals(60, account().pending);
        assertEquals(500, account().available);
        assertEquals(60, lot(own).remaining);
        assertBooksAgree(3);
    }

    @Test
    public void manyTillsSpendingOneAccountNeverOverdrawIt() throws Exception {
        credit(100, 10);
        credit(100, 20);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> spends = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            spends.add(pool.submit(() -> {
                CallerContext.set(HQ);
                try {
                    tx(a -> postings.debit(em(), a, note(EntryType.SPEND), 15));
                    return true;
                } catch (TesseraException e) {
                    assertEquals("POINTS_INSUFFICIENT", e.getCode());
                    return false;
                } finally {
                    CallerContext.clear();
                }
            }));
        }
        int ok = 0;
        for (Future<Boolean> f : spends) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals("200 points, 15 each", 13, ok);
        assertEquals(5, account().available);
        assertBooksAgree(2 + 13);
    }

    // --- helpers: each step in its own transaction, the account locked first, as the services do ---

    private final ThreadLocal<javax.persistence.EntityManager> current = new ThreadLocal<>();

    private interface Step<T> {
        T on(AccountEntity a);
    }

    private <T> T tx(Step<T> step) {
        return db.jpa().txExpr(TransactionType.Required, em -> {
            current.set(em);
            try {
                return step.on(postings.lock(em, account));
            } finally {
                current.remove();
            }
        });
    }

    private javax.persistence.EntityManager em() {
        return current.get();
    }

    /** A spendable lot expiring in {@code days} days ({@code -1}: never). */
    private long credit(long points, int days) {
        return tx(a -> postings.credit(em(), a, note(EntryType.EARN), LotSource.ORDER, "O-" + System.nanoTime(), points, BusinessTime.now(),
                days < 0 ? Expiry.NEVER : BusinessTime.now().plusDays(days)).lot().id);
    }

    private static PointsPostings.Note note(EntryType type) {
        return new PointsPostings.Note(type, 101, "R-1", null);
    }

    private AccountEntity account() {
        return db.jpa().txExpr(TransactionType.Required, em -> em.find(AccountEntity.class, account));
    }

    private LotEntity lot(long id) {
        return db.jpa().txExpr(TransactionType.Required, em -> em.find(LotEntity.class, id));
    }

    private void sql(String statement, Object... args) throws Exception {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            assertEquals(1, s.executeUpdate());
        }
    }

    private void assertBooksAgree(long entries) {
        PointsCheck c = db.jpa().txExpr(TransactionType.Required, Books::check);
        assertEquals(c.violations.toString(), List.of(), c.violations);
        assertEquals(entries, c.entries);
        assertTrue(c.accounts == 1);
    }
}
