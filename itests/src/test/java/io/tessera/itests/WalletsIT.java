package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** Stored value as cashiers, store managers and finance use it; the money rules checked end to end. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WalletsIT extends TesseraTestSupport {

    @Before
    public void ready() {
        awaitReady();
        await("the wallets API", 60, () -> call("GET", "/wallets/packages", null, null).status == 401);
    }

    private Answer money(String path, String body, String token) {
        return call("POST", "/wallets/" + path, body, token, key());
    }

    private Answer recharge(long member, long store, String amount, String token) {
        return money("recharges", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":" + amount
                + ",\"method\":\"WECHAT\"}", token);
    }

    private Answer pay(long member, long store, String amount, String token) {
        return money("payments", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":" + amount
                + ",\"orderNo\":\"SO-" + System.nanoTime() + "\"}", token);
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private JsonNode account(long member) {
        Answer a = call("GET", "/wallets/accounts?memberId=" + member, null, bearer(HQ_ADMIN));
        assertEquals(a.toString(), 200, a.status);
        assertEquals(a.toString(), 1, a.json.size());
        return a.json.get(0);
    }

    @Test
    public void rechargePayRefundReverseStoredValueRefundReturnCard() {
        String hq = bearer(HQ_ADMIN);
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        long m = member(store);
        Answer pkg = call("POST", "/wallets/packages", "{\"name\":\"充100送20-" + m + "\",\"payAmount\":100,\"bonusAmount\":20,"
                + "\"validFrom\":\"2020-01-01\",\"validTo\":\"2099-12-31\"}", hq);
        assertEquals(pkg.toString(), 201, pkg.status);

        Answer r = money("recharges", "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"amount\":100,\"method\":\"WECHAT\","
                + "\"packageId\":" + pkg.json.get("id").asLong() + ",\"cardFee\":5.00}", cashier);
        assertEquals(r.toString(), 201, r.status);
        assertEquals(0, new BigDecimal("120.00").compareTo(dec(r.json.at("/account/total"))));
        assertEquals("RECHARGE", r.json.at("/entry/type").asText());
        long rechargeId = r.json.at("/entry/id").asLong();

        Answer p = pay(m, store, "60.00", cashier);
        assertEquals(p.toString(), 201, p.status);
        assertEquals("-50.00", p.json.at("/entry/principalDelta").asText());
        assertEquals("-10.00", p.json.at("/entry/bonusDelta").asText());
        long payId = p.json.at("/entry/id").asLong();

        Answer tooMuch = money("refunds", "{\"paymentEntryId\":" + payId + ",\"amount\":60.01}", cashier);
        assertEquals(tooMuch.toString(), 422, tooMuch.status);
        assertEquals("REFUND_EXCEEDS_PAYMENT", tooMuch.code());
        Answer refund = money("refunds", "{\"paymentEntryId\":" + payId + ",\"amount\":30.00}", cashier);
        assertEquals(refund.toString(), 201, refund.status);
        assertEquals("25.00", refund.json.at("/entry/principalDelta").asText());
        assertEquals("5.00", refund.json.at("/entry/bonusDelta").asText());

        Answer reverse = money("reversals", "{\"rechargeEntryId\":" + rechargeId + "}", cashier);
        assertEquals(reverse.toString(), 422, reverse.status);
        assertEquals("RECHARGE_ALREADY_SPENT", reverse.code());

        Answer refused = call("POST", "/members/" + m + "/return-card", "{\"confirm\":true}", cashier);
        assertEquals(refused.toString(), 422, refused.status);
        assertEquals("MEMBER_HAS_BALANCE", refused.code());

        Answer sv = money("stored-value-refunds", "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"method\":\"CASH\"}", cashier);
        assertEquals(sv.toString(), 201, sv.status);
        assertEquals("75.00", sv.json.at("/entry/originalAmount").asText());
        assertEquals("0.00", sv.json.at("/account/total").asText());

        Answer returned = call("POST", "/members/" + m + "/return-card", "{\"confirm\":true}", cashier);
        assertEquals(returned.toString(), 200, returned.status);
        assertAccountEqualsJournal(m);
    }

    @Test
    public void rechargeAndPayOverSoapWithRequestIds() {
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        long m = member(store);
        String recharge = "<w:recharge xmlns:w=\"urn:tessera:wallets\"><recharge><memberId>" + m + "</memberId><storeId>" + store
                + "</storeId><amount>30.50</amount><method>ALIPAY</method></recharge><requestId>soap-r-" + m + "</requestId></w:recharge>";
        Answer first = soap("wallets", recharge, cashier);
        assertEquals(first.toString(), 200, first.status);
        assertTrue(first.text, first.text.contains("<principalAfter>30.50</principalAfter>"));
        Answer retry = soap("wallets", recharge, cashier);
        assertEquals(first.text, retry.text);
        Answer bad = soap("wallets", "<w:pay xmlns:w=\"urn:tessera:wallets\"><payment><memberId>" + m + "</memberId><storeId>" + store
                + "</storeId><amount>99.00</amount></payment><requestId>soap-p-" + m + "</requestId></w:pay>", cashier);
        assertTrue(bad.text, bad.text.contains("<tessera:code>WALLET_INSUFFICIENT_BALANCE</tessera:code>"));
        Answer noKey = soap("wallets", "<w:pay xmlns:w=\"urn:tessera:wallets\"><payment><memberId>" + m + "</memberId><storeId>" + store
                + "</storeId><amount>1.00</amount></payment></w:pay>", cashier);
        assertTrue(noKey.text, noKey.text.contains("<tessera:code>IDEMPOTENCY_KEY_REQUIRED</tessera:code>"));
        assertEquals("30.50", account(m).get("total").asText());
        Answer badDate = soap("wallets", "<w:dailyLedger xmlns:w=\"urn:tessera:wallets\"><storeId>" + store
                + "</storeId><from>2026-13-01</from><to>2026-12-01</to></w:dailyLedger>", cashier);
        assertTrue(badDate.text, badDate.text.contains("<tessera:code>DATE_INVALID</tessera:code>"));
        assertTrue(badDate.text, badDate.text.contains("<tessera:field>from</tessera:field>"));
        Answer restDate = call("GET", "/wallets/ledgers/daily?storeId=" + store + "&from=yesterday&to=2026-12-01", null, cashier);
        assertEquals(restDate.toString(), 400, restDate.status);
        assertEquals("from", restDate.field());
    }

    @Test
    public void aWholeUnspentRechargeIsReversedOnce() {
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        long m = member(store);
        long rechargeId = recharge(m, store, "88.88", cashier).json.at("/entry/id").asLong();
        Answer first = money("reversals", "{\"rechargeEntryId\":" + rechargeId + "}", cashier);
        assertEquals(first.toString(), 201, first.status);
        assertEquals("0.00", first.json.at("/account/total").asText());
        Answer second = money("reversals", "{\"rechargeEntryId\":" + rechargeId + "}", cashier);
        assertEquals(second.toString(), 409, second.status);
        assertEquals("RECHARGE_ALREADY_REVERSED", second.code());
        assertAccountEqualsJournal(m);
    }

    @Test
    public void fiftyConcurrentPaymentsOfTheWholeBalanceMakeExactlyOne() throws Exception {
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        long m = member(store);
        assertEquals(201, recharge(m, store, "50.00", cashier).status);
        List<Answer> answers = inParallel(50, i -> pay(m, store, "50.00", cashier));
        long ok = answers.stream().filter(a -> a.status == 201).count();
        assertEquals(answers.toString(), 1, ok);
        for (Answer a : answers) {
            if (a.status != 201) {
                assertEquals(a.toString(), 422, a.status);
                assertEquals("WALLET_INSUFFICIENT_BALANCE", a.code());
            }
        }
        assertEquals("0.00", account(m).get("total").asText());
        assertAccountEqualsJournal(m);
    }

    @Test
    public void theSameKeyTenTimesInParallelMovesMoneyOnce() throws Exception {
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        long m = member(store);
        Map<String, String> key = key();
        String body = "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"amount\":10.00,\"method\":\"CASH\"}";
        List<Answer> answers = inParallel(10, i -> call("POST", "/wallets/recharges", body, cashier, key));
        Set<String> bodies = new HashSet<>();
        for (Answer a : answers) {
            assertEquals(a.toString(), 201, a.status);
            bodies.add(a.json.get("entry").toString());
        }
        assertEquals("identical answers", 1, bodies.size());
        assertEquals("10.00", account(m).get("total").asText());
        assertEquals(1, call("GET", "/wallets/transactions?memberId=" + m, null, cashier).json.get("total").asLong());
        Answer other = call("POST", "/wallets/recharges", body.replace("10.00", "11.00"), cashier, key);
        assertEquals(other.toString(), 409, other.status);
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.code());
    }

    @Test
    public void badAmountsAre400NamingTheFieldAndWriteNothing() {
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        long m = member(store);
        for (String amount : new String[] {"\"1.001\"", "-5", "0", "\"0.00\"", "100000000000000000000", "\"abc\"", "1e3", "null"}) {
            Answer a = money("recharges", "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"amount\":" + amount
                    + ",\"method\":\"CASH\"}", cashier);
            assertEquals(amount + " " + a, 400, a.status);
            assertEquals(amount + " " + a, "amount", a.field());
        }
        Answer noKey = call("POST", "/wallets/recharges", "{\"memberId\":" + m + ",\"storeId\":" + store
                + ",\"amount\":1,\"method\":\"CASH\"}", cashier);
        assertEquals(400, noKey.status);
        assertEquals("Idempotency-Key", noKey.field());
        Answer badMethod = money("recharges", "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"amount\":1,\"method\":\"BITCOIN\"}", cashier);
        assertEquals(400, badMethod.status);
        assertEquals("method", badMethod.field());
        Answer badQuery = call("GET", "/wallets/balances?minBalance=1.005", null, cashier);
        assertEquals(400, badQuery.status);
        assertEquals("minBalance", badQuery.field());
        assertEquals(0, call("GET", "/wallets/transactions?memberId=" + m, null, cashier).json.get("total").asLong());
        assertEquals(0, call("GET", "/wallets/accounts?memberId=" + m, null, cashier).json.size());
    }

    @Test
    public void aClerkOfOneStoreCannotSeeOrMoveAnothersAccounts() {
        long store101 = storeId("101");
        String clerk101 = bearer(CLERK_101);
        String clerk103 = bearer(CLERK_103);
        long m = member(store101);
        Answer r = recharge(m, store101, "20.00", clerk101);
        assertEquals(r.toString(), 201, r.status);
        long rechargeId = r.json.at("/entry/id").asLong();

        assertEquals(403, recharge(m, store101, "1.00", clerk103).status);
        assertEquals(403, pay(m, store101, "1.00", clerk103).status);
        assertEquals(404, money("reversals", "{\"rechargeEntryId\":" + rechargeId + "}", clerk103).status);
        assertEquals(0, call("GET", "/wallets/accounts?memberId=" + m, null, clerk103).json.size());
        assertEquals(403, call("GET", "/wallets/balances?storeId=" + store101, null, clerk103).status);
        assertEquals(0, call("GET", "/wallets/transactions?memberId=" + m, null, clerk103).json.get("total").asLong());
        Answer all = call("GET", "/wallets/balances?size=200", null, clerk103);
        for (JsonNode a : all.json.get("items")) {
            assertTrue(a.toString(), a.get("memberId").asLong() != m);
        }
        assertEquals(403, call("GET", "/wallets/ledgers/daily?storeId=" + store101 + "&from=2026-01-01&to=2026-01-02", null, clerk103).status);
        assertEquals(1, call("GET", "/wallets/transactions?memberId=" + m, null, bearer(FINANCE)).json.get("total").asLong());
    }

    @Test
    public void bankInvariantUnderConcurrentLoad() throws Exception {
        String cashier103 = bearer(CLERK_103);
        String cashier101 = bearer(CLERK_101);
        long s103 = storeId("103");
        long s101 = storeId("101");
        List<long[]> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long store = i % 2 == 0 ? s103 : s101;
            long m = member(store);
            assertEquals(201, recharge(m, store, "100.00", store == s103 ? cashier103 : cashier101).status);
            accounts.add(new long[] {m, store});
        }
        Map<Long, List<Long>> payments = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        inParallel(8, t -> {
            Random random = new Random(t);
            Answer last = null;
            while (System.nanoTime() < deadline) {
                long[] acc = accounts.get(random.nextInt(accounts.size()));
                String token = acc[1] == s103 ? cashier103 : cashier101;
                int fen = 1 + random.nextInt(3000);
                String amount = fen / 100 + "." + String.format("%02d", fen % 100);
                switch (random.nextInt(3)) {
                    case 0:
                        last = recharge(acc[0], acc[1], amount, token);
                        break;
                    case 1:
                        last = pay(acc[0], acc[1], amount, token);
                        if (last.status == 201) {
                            payments.computeIfAbsent(acc[0], k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(last.json.at("/entry/id").asLong());
                        }
                        break;
                    default:
                        List<Long> paid = payments.get(acc[0]);
                        if (paid != null && !paid.isEmpty()) {
                            last = money("refunds", "{\"paymentEntryId\":" + paid.get(random.nextInt(paid.size()))
                                    + ",\"amount\":0.50}", token);
                        }
                        break;
                }
                if (last != null && last.status != 201 && last.status != 422) {
                    throw new AssertionError("unexpected answer " + last);
                }
            }
            return last;
        });
        BigDecimal balances = BigDecimal.ZERO;
        for (long[] acc : accounts) {
            assertAccountEqualsJournal(acc[0]);
            balances = balances.add(dec(account(acc[0]).get("total")));
        }
        for (long store : new long[] {s103, s101}) {
            Answer days = call("GET", "/wallets/ledgers/daily?storeId=" + store + "&from=2026-01-01&to=2099-01-01", null, bearer(FINANCE));
            assertEquals(days.toString(), 400, days.status); // more than 366 days
        }
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        BigDecimal closings = BigDecimal.ZERO;
        BigDecimal allAccounts = BigDecimal.ZERO;
        for (JsonNode s : call("GET", "/stores", null, bearer(HQ_ADMIN)).json) {
            long store = s.get("id").asLong();
            Answer days = call("GET", "/wallets/ledgers/daily?storeId=" + store + "&from=" + today + "&to=" + today, null, bearer(FINANCE));
            assertEquals(days.toString(), 200, days.status);
            for (JsonNode d : days.json) {
                assertEquals(d.toString(), 0, dec(d.get("principalOpening")).add(dec(d.get("principalIn"))).subtract(dec(d.get("principalOut")))
                        .compareTo(dec(d.get("principalClosing"))));
                assertEquals(d.toString(), 0, dec(d.get("bonusOpening")).add(dec(d.get("bonusIn"))).subtract(dec(d.get("bonusOut")))
                        .compareTo(dec(d.get("bonusClosing"))));
                closings = closings.add(dec(d.get("principalClosing"))).add(dec(d.get("bonusClosing")));
            }
            Answer ledger = call("GET", "/wallets/ledgers/general?storeId=" + store, null, bearer(FINANCE));
            assertEquals(ledger.toString(), 0, dec(ledger.json.get("effectiveTotal"))
                    .compareTo(days.json.get(0).get("principalClosing").decimalValue().add(days.json.get(0).get("bonusClosing").decimalValue())));
        }
        for (JsonNode a : call("GET", "/wallets/balances?size=200", null, bearer(FINANCE)).json.get("items")) {
            allAccounts = allAccounts.add(dec(a.get("total")));
        }
        assertEquals("the stores' closings add up to every account's balance", 0, closings.compareTo(allAccounts));
        assertTrue(balances.signum() >= 0);
    }

    /** Balance = sum of the journal, and each row's balances-after chain. */
    private void assertAccountEqualsJournal(long member) {
        JsonNode account = account(member);
        // Every row, page by page (an 8-second load can write more than one page of 200 for one member).
        List<JsonNode> oldestFirst = new ArrayList<>();
        long total;
        int page = 1;
        do {
            Answer rows = call("GET", "/wallets/transactions?memberId=" + member + "&size=200&page=" + page++, null, bearer(FINANCE));
            total = rows.json.get("total").asLong();
            rows.json.get("items").forEach(oldestFirst::add);
        } while (oldestFirst.size() < total);
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal bonus = BigDecimal.ZERO;
        oldestFirst.sort(java.util.Comparator.comparingLong(r -> r.get("accountSeq").asLong()));
        for (int i = 0; i < oldestFirst.size(); i++) {
            assertEquals("no gap in the account's journal", i + 1, oldestFirst.get(i).get("accountSeq").asLong());
        }
        for (JsonNode r : oldestFirst) {
            principal = principal.add(dec(r.get("principalDelta")));
            bonus = bonus.add(dec(r.get("bonusDelta")));
            assertEquals(r.toString(), 0, principal.compareTo(dec(r.get("principalAfter"))));
            assertEquals(r.toString(), 0, bonus.compareTo(dec(r.get("bonusAfter"))));
        }
        assertEquals(account.toString(), 0, principal.compareTo(dec(account.get("principal"))));
        assertEquals(account.toString(), 0, bonus.compareTo(dec(account.get("bonus"))));
    }
}
