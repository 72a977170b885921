package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.wallets.api.Hold;
import io.tessera.wallets.api.HoldRequest;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.Movement;
import io.tessera.wallets.api.WalletParticipant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * The platform's seam for work across domains, on the real distribution: a use case that joins the
 * wallets' participant API commits or rolls back as one transaction (events included); stored-value
 * holds lower the available balance, are captured, released, and expire by the scheduler; events
 * reach consumers after commit, in order per aggregate, with retries, a FAILED state and a retry by
 * hand.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OutboxAndHoldsIT extends TesseraTestSupport {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Inject
    private WalletParticipant wallets;

    @Inject
    private UnitOfWork work;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                // Quick failures and quick expiry, so that the test sees FAILED and EXPIRED in seconds.
                editConfigurationFilePut("etc/io.tessera.events.cfg", "maxAttempts", "2"),
                editConfigurationFilePut("etc/io.tessera.events.cfg", "backoffMaxSeconds", "1"),
                editConfigurationFilePut("etc/io.tessera.scheduler.cfg", "wallets.holds.expire.interval", "PT2S"));
    }

    @Before
    public void ready() {
        awaitReady();
    }

    private void recharge(long member, long store, String amount) {
        Answer a = call("POST", "/wallets/recharges", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":" + amount
                + ",\"method\":\"CASH\"}", bearer(HQ_ADMIN), key());
        assertEquals(a.toString(), 201, a.status);
    }

    private JsonNode account(long member) {
        Answer a = call("GET", "/wallets/accounts?memberId=" + member, null, bearer(HQ_ADMIN));
        assertEquals(a.toString(), 200, a.status);
        return a.json.get(0);
    }

    private static void assertMoney(String what, String expected, JsonNode value) {
        assertEquals(what, 0, new BigDecimal(expected).compareTo(new BigDecimal(value.asText())));
    }

    private long journalCount(long member) {
        Answer a = call("GET", "/wallets/transactions?memberId=" + member + "&size=1", null, bearer(HQ_ADMIN));
        assertEquals(a.toString(), 200, a.status);
        return a.json.get("total").asLong();
    }

    private long activity(long member) {
        Answer a = call("GET", "/members/" + member + "/activity", null, bearer(HQ_ADMIN));
        assertEquals(a.toString(), 200, a.status);
        return a.json.get("walletMovements").asLong();
    }

    /** A use case of the test: runs {@code body} as one unit of work, as headquarters. */
    private <T> T useCase(Class<T> type, java.util.function.Supplier<T> body) {
        return CallerContext.callAs(Caller.system("checkout-test"),
                () -> work.run("itest.checkout", "uc-" + System.nanoTime() + "-" + KEYS.incrementAndGet(), "request", type, body));
    }

    @Test
    public void holdsLowerTheAvailableBalanceAndAreCapturedReleasedOrExpire() {
        long store = storeId("103");
        long m = member(store);
        recharge(m, store, "100.00");

        Hold hold = useCase(Hold.class, () -> wallets.hold(holdRequest(m, store, "30.00", null)));
        assertEquals(Hold.Status.HELD, hold.status);
        JsonNode a = account(m);
        assertMoney("total", "100.00", a.get("total"));
        assertMoney("held", "30.00", a.get("held"));
        assertMoney("available", "70.00", a.get("available"));

        // A member payment cannot take what the hold set aside.
        Answer over = call("POST", "/wallets/payments", "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"amount\":80.00}",
                bearer(HQ_ADMIN), key());
        assertEquals(over.toString(), 422, over.status);
        assertEquals("WALLET_INSUFFICIENT_BALANCE", over.json.get("code").asText());
        Answer paid = call("POST", "/wallets/payments", "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"amount\":60.00}",
                bearer(HQ_ADMIN), key());
        assertEquals(paid.toString(), 201, paid.status);

        // Capturing part of the hold debits that part and releases the rest.
        JournalEntry captured = useCase(JournalEntry.class, () -> wallets.capture(hold.id, Money.parse("20.00")));
        assertEquals(Money.parse("-20.00"), captured.principalDelta.plus(captured.bonusDelta));
        a = account(m);
        assertMoney("total after capture", "20.00", a.get("total"));
        assertMoney("held after capture", "0.00", a.get("held"));
        Hold after = CallerContext.callAs(Caller.system("t"), () -> wallets.findHold(hold.id)).orElseThrow();
        assertEquals(Hold.Status.CAPTURED, after.status);
        assertEquals(captured.id, after.captureEntryId);
        try {
            useCase(Hold.class, () -> wallets.release(hold.id));
            fail("a captured hold was released");
        } catch (TesseraException e) {
            assertEquals("HOLD_CAPTURED", e.getCode());
        }

        // Released: the amount is available again; releasing twice answers the same.
        Hold second = useCase(Hold.class, () -> wallets.hold(holdRequest(m, store, "15.00", null)));
        assertMoney("held", "15.00", account(m).get("held"));
        assertEquals(Hold.Status.RELEASED, useCase(Hold.class, () -> wallets.release(second.id)).status);
        assertEquals(Hold.Status.RELEASED, useCase(Hold.class, () -> wallets.release(second.id)).status);
        assertMoney("held after release", "0.00", account(m).get("held"));

        // A hold past its expiry is given back by the scheduled task, and can no longer be captured.
        Hold brief = useCase(Hold.class, () -> wallets.hold(holdRequest(m, store, "5.00", Duration.ofSeconds(1))));
        await("the hold to expire", 60, () -> CallerContext.callAs(Caller.system("t"), () -> wallets.findHold(brief.id))
                .orElseThrow().status == Hold.Status.EXPIRED);
        assertMoney("held after expiry", "0.00", account(m).get("held"));
        try {
            useCase(JournalEntry.class, () -> wallets.capture(brief.id, null));
            fail("an expired hold was captured");
        } catch (TesseraException e) {
            assertEquals("HOLD_NOT_HELD", e.getCode());
        }

        // Holding more than is available is refused; a store the caller may not act in is refused.
        try {
            useCase(Hold.class, () -> wallets.hold(holdRequest(m, store, "20.01", null)));
            fail("held more than available");
        } catch (TesseraException e) {
            assertEquals("WALLET_INSUFFICIENT_BALANCE", e.getCode());
        }
        long other = storeId("101");
        Caller clerkOf101 = new Caller(Caller.Kind.OPERATOR, 999, "clerk", "E999", EnumSet.of(Role.CLERK), Set.of(other));
        try {
            CallerContext.callAs(clerkOf101, () -> work.run("itest.checkout", "uc-x-" + System.nanoTime(), "r", Hold.class,
                    () -> wallets.hold(holdRequest(m, store, "1.00", null))));
            fail("a clerk of another store held stored value");
        } catch (TesseraException e) {
            assertEquals(403, e.getStatus());
        }
    }

    @Test
    public void aUseCaseAcrossDomainsCommitsOrRollsBackAsOne() {
        long store = storeId("103");
        long m = member(store);
        recharge(m, store, "50.00");
        await("the recharge's event", 30, () -> activity(m) == 1);
        long entries = journalCount(m);

        // The use case fails after the participant debited and held: nothing of it remains, no event either.
        try {
            useCase(JournalEntry.class, () -> {
                wallets.hold(holdRequest(m, store, "10.00", null));
                wallets.debit(new Movement(m, store, Money.parse("20.00"), "SO-ROLLBACK"));
                throw PlatformErrors.CONFLICT.error("the checkout changed its mind");
            });
            fail("the use case did not fail");
        } catch (TesseraException e) {
            assertEquals("CONFLICT", e.getCode());
        }
        JsonNode a = account(m);
        assertMoney("total", "50.00", a.get("total"));
        assertMoney("held", "0.00", a.get("held"));
        assertEquals(entries, journalCount(m));

        // The same work committed: one journal row, one event, seen by the members' consumer.
        JournalEntry debit = useCase(JournalEntry.class, () -> wallets.debit(new Movement(m, store, Money.parse("20.00"), "SO-COMMIT")));
        assertEquals("SO-COMMIT", debit.reference);
        assertMoney("total", "30.00", account(m).get("total"));
        await("the debit's event", 30, () -> activity(m) == 2);
        JsonNode act = call("GET", "/members/" + m + "/activity", null, bearer(HQ_ADMIN)).json;
        assertMoney("in", "50.00", act.get("storedValueIn"));
        assertMoney("out", "20.00", act.get("storedValueOut"));
        Answer soapActivity = soap("members", "<m:getMemberActivity xmlns:m=\"urn:tessera:members\"><memberId>" + m
                + "</memberId></m:getMemberActivity>", bearer(HQ_ADMIN));
        assertEquals(soapActivity.text, 200, soapActivity.status);
        assertTrue(soapActivity.text, soapActivity.text.contains("<walletMovements>2</walletMovements>")
                && soapActivity.text.contains("<storedValueOut>20.00</storedValueOut>"));
        Answer hidden = soap("members", "<m:getMemberActivity xmlns:m=\"urn:tessera:members\"><memberId>" + m
                + "</memberId></m:getMemberActivity>", bearer(CLERK_101));
        assertTrue(hidden.text, hidden.status == 500 && hidden.text.contains("MEMBER_NOT_FOUND"));

        // Participants join a transaction; outside one they refuse to run.
        try {
            CallerContext.callAs(Caller.system("t"), () -> wallets.debit(new Movement(m, store, Money.parse("1.00"), "SO-NO-TX")));
            fail("a participant ran without a transaction");
        } catch (RuntimeException expected) {
            // Mandatory: no transaction, no money moved.
        }
        assertMoney("total", "30.00", account(m).get("total"));
    }

    @Test
    public void eventsArriveInOrderPerAggregateAreRetriedEndFailedAndAreSentAgainByHand() {
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean failing = new AtomicBoolean(true);
        long store = storeId("103");
        long m = member(store);
        String aggregate = "member:" + m;
        EventConsumer flaky = (Event e) -> {
            if (!e.aggregate().equals(aggregate)) {
                return;
            }
            if (failing.get() && e.topic().equals("wallets.recharge")) {
                throw new IllegalStateException("the test consumer is down (card 6222021234567890123)");
            }
            seen.add(e.topic() + "#" + e.id());
        };
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConsumer.NAME, "itest.flaky");
        props.put(EventConsumer.TOPICS, "wallets.*");
        ServiceRegistration<EventConsumer> reg = bundleContext.registerService(EventConsumer.class, flaky, props);
        try {
            recharge(m, store, "40.00");
            Answer pay = call("POST", "/wallets/payments", "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"amount\":10.00}",
                    bearer(HQ_ADMIN), key());
            assertEquals(pay.toString(), 201, pay.status);

            // The recharge's delivery fails twice (maxAttempts = 2) and ends FAILED; the payment's waits behind it.
            String hq = bearer(HQ_ADMIN);
            await("the recharge's delivery to fail", 60, () -> failedFor(hq, aggregate) != null);
            JsonNode failed = failedFor(hq, aggregate);
            assertEquals("wallets.recharge", failed.get("topic").asText());
            assertEquals(2, failed.get("attempts").asInt());
            assertFalse("a card number reached the stored error", failed.get("lastError").asText().contains("6222021234567890123"));
            assertTrue(seen.toString(), seen.isEmpty());
            Answer pending = call("GET", "/events?consumer=itest.flaky&status=PENDING&size=200", null, hq);
            assertTrue(pending.toString(), contains(pending.json.get("items"), aggregate, "wallets.consume"));

            // Only administrators see or retry the outbox.
            assertEquals(403, call("GET", "/events", null, bearer(CLERK_103)).status);
            assertEquals(403, call("POST", "/events/" + failed.get("id").asLong() + "/retry", null, bearer(CLERK_103)).status);

            failing.set(false);
            Answer retried = call("POST", "/events/" + failed.get("id").asLong() + "/retry", null, hq);
            assertEquals(retried.toString(), 200, retried.status);
            assertEquals("PENDING", retried.json.get("status").asText());
            await("both events delivered", 30, () -> seen.size() == 2);
            assertTrue(seen.toString(), seen.get(0).startsWith("wallets.recharge#") && seen.get(1).startsWith("wallets.consume#"));
            Answer again = call("POST", "/events/" + failed.get("id").asLong() + "/retry", null, hq);
            assertEquals(again.toString(), 409, again.status);
            assertEquals("EVENT_NOT_FAILED", again.json.get("code").asText());
            assertEquals(404, call("POST", "/events/999999999/retry", null, hq).status);
        } finally {
            reg.unregister();
        }
    }

    private JsonNode failedFor(String token, String aggregate) {
        Answer a = call("GET", "/events?status=FAILED&consumer=itest.flaky&size=200", null, token);
        assertEquals(a.toString(), 200, a.status);
        for (JsonNode d : a.json.get("items")) {
            if (d.get("aggregate").asText().equals(aggregate)) {
                return d;
            }
        }
        return null;
    }

    private static boolean contains(JsonNode items, String aggregate, String topic) {
        for (JsonNode d : items) {
            if (d.get("aggregate").asText().equals(aggregate) && d.get("topic").asText().equals(topic)) {
                return true;
            }
        }
        return false;
    }

    private static HoldRequest holdRequest(long member, long store, String amount, Duration expiresIn) {
        HoldRequest r = new HoldRequest();
        r.memberId = member;
        r.storeId = store;
        r.amount = Money.parse(amount);
        r.reference = "SO-HOLD-" + System.nanoTime();
        r.expiresIn = expiresIn;
        return r;
    }
}
