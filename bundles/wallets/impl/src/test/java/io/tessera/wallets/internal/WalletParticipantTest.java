package io.tessera.wallets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static io.tessera.testing.Refusals.assertRefused;
import static org.junit.Assert.fail;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.TesseraException;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.Hold;
import io.tessera.wallets.api.HoldRequest;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.persistence.TransactionRequiredException;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Test;

/**
 * The wallets' participant API (what checkout joins) and the use cases over it, on a real database: holds,
 * captures, releases, debits and refunds move exactly what they say, refuse what they must, write nothing when
 * they refuse, and keep every balance equal to its journal.
 */
public class WalletParticipantTest {

    private final WalletsOnDerby wallets = new WalletsOnDerby();

    @After
    public void close() {
        wallets.close();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return wallets.db.jpa().txExpr(TransactionType.Required, em -> work.get());
    }

    private JournalEntry debit(long member, String amount, String order) {
        return inTransaction(() -> wallets.participant.debit(new Movement(member, WalletsOnDerby.STORE, Money.parse(amount), order)));
    }

    private Hold hold(long member, String amount, String order) {
        HoldRequest r = new HoldRequest();
        r.memberId = member;
        r.storeId = WalletsOnDerby.STORE;
        r.amount = Money.parse(amount);
        r.reference = order;
        return inTransaction(() -> wallets.participant.hold(r));
    }


    @Test
    public void aParticipantOnlyJoinsItsCallersTransaction() {
        wallets.recharge(1, "50.00");
        try {
            wallets.participant.debit(new Movement(1, WalletsOnDerby.STORE, Money.parse("1.00"), "O-1"));
            fail("a debit outside a transaction");
        } catch (TransactionRequiredException expected) {
            // Mandatory: checkout's transaction, or none at all.
        }
    }

    @Test
    public void aDebitMovesExactlyItsAmountAndPublishesItsJournalRow() throws Exception {
        assertEquals(Money.parse("100.00"), wallets.recharge(1, "100.00"));
        JournalEntry entry = debit(1, "33.33", "ORDER-1");
        assertEquals(EntryType.CONSUME, entry.type);
        assertEquals(Money.parse("-33.33"), entry.principalDelta);
        assertEquals(Money.parse("66.67"), entry.principalAfter);
        assertEquals("ORDER-1", entry.reference);
        assertEquals(2, wallets.count("SELECT COUNT(*) FROM WAL_JOURNAL"));
        assertEquals(List.of("wallets.recharge", "wallets.consume"), wallets.events.all().stream().map(e -> e.topic()).toList());
        assertEquals("member:1", wallets.events.all().get(1).aggregate());
        assertEquals(List.of(), wallets.unbalanced());
    }

    @Test
    public void aDebitAboveTheBalanceWritesNothing() throws Exception {
        wallets.recharge(1, "20.00");
        assertRefused("WALLET_INSUFFICIENT_BALANCE", () -> debit(1, "20.01", "ORDER-2"));
        assertEquals(1, wallets.count("SELECT COUNT(*) FROM WAL_JOURNAL"));
        assertEquals(1, wallets.events.all().size());
        assertEquals(Money.parse("20.00"), wallets.service.accountsOf(1).get(0).total);
    }

    @Test
    public void aHoldSetsAsideWithoutMovingAndACaptureTakesPartAndReleasesTheRest() throws Exception {
        wallets.recharge(1, "100.00");
        Hold h = hold(1, "60.00", "SPLIT-1");
        assertEquals(Hold.Status.HELD, h.status);
        assertEquals(Money.parse("100.00"), wallets.service.accountsOf(1).get(0).total);
        assertEquals(Money.parse("40.00"), wallets.service.accountsOf(1).get(0).available);
        // What the hold set aside cannot be spent by anyone else.
        assertRefused("WALLET_INSUFFICIENT_BALANCE", () -> debit(1, "40.01", "OTHER"));
        assertEquals(1, wallets.count("SELECT COUNT(*) FROM WAL_JOURNAL"));

        JournalEntry captured = inTransaction(() -> wallets.participant.capture(h.id, Money.parse("45.50")));
        assertEquals(Money.parse("-45.50"), captured.principalDelta);
        assertEquals("SPLIT-1", captured.reference);
        Hold after = inTransaction(() -> wallets.participant.findHold(h.id).orElseThrow());
        assertEquals(Hold.Status.CAPTURED, after.status);
        assertEquals(Money.parse("45.50"), after.captured);
        assertEquals(captured.id, after.captureEntryId);
        assertEquals(Money.parse("54.50"), wallets.service.accountsOf(1).get(0).available);
        assertEquals(Money.parse("0.00"), wallets.service.accountsOf(1).get(0).held);
        assertRefused("HOLD_CAPTURED", () -> inTransaction(() -> wallets.participant.release(h.id)));
        assertEquals(List.of(), wallets.unbalanced());
    }

    @Test
    public void aReleasedHoldGivesItsAmountBackAndCannotBeCaptured() throws Exception {
        wallets.recharge(1, "30.00");
        Hold h = hold(1, "30.00", "SPLIT-2");
        assertRefused("WALLET_INSUFFICIENT_BALANCE", () -> hold(1, "0.01", "SPLIT-3"));
        assertEquals(Hold.Status.RELEASED, inTransaction(() -> wallets.participant.release(h.id)).status);
        // Releasing again answers the hold as it is.
        assertEquals(Hold.Status.RELEASED, inTransaction(() -> wallets.participant.release(h.id)).status);
        assertRefused("HOLD_NOT_HELD", () -> inTransaction(() -> wallets.participant.capture(h.id, null)));
        assertEquals(Money.parse("30.00"), wallets.service.accountsOf(1).get(0).available);
        assertEquals(1, wallets.count("SELECT COUNT(*) FROM WAL_JOURNAL"));
        assertEquals(List.of(), wallets.unbalanced());
    }

    @Test
    public void aCaptureAboveItsHoldIsRefusedAndTheHoldStays() {
        wallets.recharge(1, "30.00");
        Hold h = hold(1, "10.00", "SPLIT-4");
        assertRefused("CAPTURE_EXCEEDS_HOLD", () -> inTransaction(() -> wallets.participant.capture(h.id, Money.parse("10.01"))));
        assertEquals(Hold.Status.HELD, inTransaction(() -> wallets.participant.findHold(h.id).orElseThrow()).status);
    }

    @Test
    public void refundsGiveBackAtMostWhatADebitTook() throws Exception {
        wallets.recharge(1, "50.00");
        JournalEntry paid = debit(1, "30.00", "ORDER-3");
        JournalEntry part = inTransaction(() -> wallets.participant.refund(paid.id, Money.parse("12.00"), "退一件"));
        assertEquals(EntryType.REFUND, part.type);
        assertEquals(Money.parse("12.00"), part.principalDelta);
        assertRefused("REFUND_EXCEEDS_PAYMENT", () -> inTransaction(() -> wallets.participant.refund(paid.id, Money.parse("18.01"), "太多")));
        inTransaction(() -> wallets.participant.refund(paid.id, Money.parse("18.00"), "其余"));
        assertEquals(Money.parse("50.00"), wallets.service.accountsOf(1).get(0).total);
        assertEquals(List.of(), wallets.unbalanced());
    }

    @Test
    public void concurrentDebitsNeverOverdraw() throws Exception {
        wallets.recharge(7, "100.00");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String order = "RACE-" + i;
                Callable<Boolean> debit = () -> io.tessera.platform.api.CallerContext.callAs(io.tessera.platform.api.Caller.system("t"), () -> {
                    try {
                        debit(7, "30.00", order);
                        return true;
                    } catch (TesseraException refused) {
                        assertEquals("WALLET_INSUFFICIENT_BALANCE", refused.getCode());
                        return false;
                    }
                });
                tries.add(pool.submit(debit));
            }
            int paid = 0;
            for (Future<Boolean> f : tries) {
                paid += f.get() ? 1 : 0;
            }
            assertEquals(3, paid);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Money.parse("10.00"), wallets.service.accountsOf(7).get(0).total);
        assertEquals(4, wallets.count("SELECT COUNT(*) FROM WAL_JOURNAL"));
        assertEquals(List.of(), wallets.unbalanced());
        assertNotNull(wallets.events.all());
        assertTrue(wallets.events.all().size() == 4);
    }
}
