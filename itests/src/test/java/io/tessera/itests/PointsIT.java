package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Points through real checkouts and refunds: earned after payment through the outbox (once, even when the
 * event is delivered again), explained when nothing is earned, taken back by refunds in proportion, owed
 * when already spent and settled by the next earning; the account always equals its journal and its lots.
 * Each test has its own store's rule (the most specific rule wins), so the tests do not meet.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PointsIT extends TesseraTestSupport {

    @Configuration
    @Override
    public Option[] config() {
        // Birthdays are looked for every 2 s here (every hour as shipped).
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/io.tessera.scheduler.cfg", "points.birthday.interval", "PT2S"));
    }

    @Test
    public void aBirthdayEarnsItsActivityPointsOnceAYear() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        long store = storeId("102");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        rule("{\"name\":\"生日送积分\",\"kind\":\"ACTIVITY\",\"activity\":\"BIRTHDAY\",\"fixedPoints\":8,\"storeIds\":[" + store + "]}", hq);
        Answer born = call("POST", "/members", "{\"phone\":\"" + newPhone() + "\",\"name\":\"寿星\",\"storeId\":" + store + ",\"birthday\":\""
                + today.minusYears(30) + "\"}", hq);
        assertEquals(born.toString(), 201, born.status);
        long member = born.json.get("id").asLong();
        Answer found = call("GET", "/members?bornOn=" + String.format("%02d-%02d", today.getMonthValue(), today.getDayOfMonth()), null, hq);
        assertTrue(found.text, found.status == 200 && found.json.get("items").findValues("id").stream().anyMatch(id -> id.asLong() == member));
        assertEquals("bornOn", call("GET", "/members?bornOn=13-01", null, hq).field());

        awaitUnrecorded("birthday points", 30, () -> call("GET", "/points/accounts?memberId=" + member, null, hq).json.path(0).path("available").asLong() == 8);
        // Later runs of the day find the year's earning.
        Timestamp seen = lastRun("task.points.birthday");
        awaitUnrecorded("two more runs", 30, () -> {
            Timestamp now = lastRun("task.points.birthday");
            return now != null && seen != null && now.getTime() - seen.getTime() >= 3000;
        });
        assertEquals(8, account(member, hq).get("available").asLong());
        JsonNode earnings = call("GET", "/points/earnings?memberId=" + member, null, hq).json;
        assertEquals(earnings.toString(), 1, earnings.get("items").findValues("sourceRef").stream()
                .filter(r -> r.asText().equals("BIRTHDAY:" + member + ":" + today.getYear())).count());
    }

    private Timestamp lastRun(String lease) {
        try {
            return withConnection(c -> {
                try (var s = c.prepareStatement("SELECT LAST_RUN_AT FROM PLT_LEASE WHERE NAME = ?")) {
                    s.setString(1, lease);
                    var rs = s.executeQuery();
                    return rs.next() ? rs.getTimestamp(1) : null;
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void earnedAfterPaymentTakenBackByRefundsOwedWhenSpentAndSettledByTheNextOrder() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        String clerk = bearer(CLERK_103);
        long store = storeId("103");
        long rule = rule("{\"name\":\"103 每元1分\",\"kind\":\"SPEND\",\"pointsPerYuan\":1,\"tenderMode\":\"EXCEPT\",\"tenders\":[\"MEMBER\"],"
                + "\"storeIds\":[" + store + "]}", hq);
        long member = member(store);

        String order = paidOrder(store, member, 3, "100.00", clerk);
        JsonNode earning = earningOf(order, clerk);
        assertEquals(earning.toString(), "EARNED", earning.get("outcome").asText());
        assertEquals(300, earning.get("points").asLong());
        assertEquals(rule, earning.get("ruleId").asLong());
        assertEquals("300.00", earning.get("base").asText());
        assertEquals(300, account(member, clerk).get("available").asLong());

        // One unit of three back: 100.00 of the 300.00 that earned → ⌊300 × 100 / 300⌋ = 100 points.
        refund(order, 1, clerk);
        awaitUnrecorded("the take-back", 30, () -> account(member, clerk).get("available").asLong() == 200);

        // Headquarters takes 150 (the lots that expire first: the order's own lot), then the rest is refunded:
        // 200 more to take back, 50 left in the lot → 50 taken, 150 owed (NEGATIVE, the default).
        Answer adjusted = call("POST", "/points/adjustments", "{\"memberId\":" + member + ",\"points\":-150,\"reason\":\"补录错误\"}", hq, key());
        assertEquals(adjusted.toString(), 201, adjusted.status);
        assertEquals(50, adjusted.json.get("availableAfter").asLong());
        refund(order, 2, clerk);
        awaitUnrecorded("the debt", 30, () -> account(member, clerk).get("debt").asLong() == 150);
        JsonNode owing = account(member, clerk);
        assertEquals(-150, owing.get("available").asLong());
        Answer spend = call("POST", "/points/adjustments", "{\"memberId\":" + member + ",\"points\":-1,\"reason\":\"试扣\"}", hq, key());
        assertEquals(spend.toString(), "POINTS_ACCOUNT_IN_DEBT", spend.code());

        // The next order earns 200: 150 settle the debt, 50 are left to spend.
        String next = paidOrder(store, member, 2, "100.00", clerk);
        assertEquals(200, earningOf(next, clerk).get("points").asLong());
        awaitUnrecorded("the settlement", 30, () -> account(member, clerk).get("available").asLong() == 50);
        JsonNode settled = account(member, clerk);
        assertEquals(0, settled.get("debt").asLong());
        assertJournalAddsUp(member, hq);
        JsonNode journal = call("GET", "/points/journal?memberId=" + member + "&size=100", null, hq).json;
        assertTrue(journal.toString(), journal.toString().contains("\"SETTLE\"") && journal.toString().contains("\"TAKE_BACK\""));
    }

    @Test
    public void anOrderWithoutARuleSaysWhyAndTheSimulationAnswersBeforehand() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        String clerk = bearer(CLERK_101);
        long store = storeId("101");
        long member = member(store);
        String order = paidOrder(store, member, 1, "58.00", clerk);
        JsonNode earning = earningOf(order, clerk);
        assertEquals("NO_RULE", earning.get("outcome").asText());
        assertEquals(0, earning.get("points").asLong());
        assertTrue(earning.get("explanation").asText(), earning.get("explanation").asText().contains("store " + store));

        Answer simulated = call("POST", "/points/rules/simulate", "{\"storeId\":" + store + ",\"tenders\":[{\"method\":\"CASH\",\"amount\":58.00}]}",
                clerk);
        assertEquals(simulated.toString(), 200, simulated.status);
        assertEquals("NO_RULE", simulated.json.get("outcome").asText());
        Answer invalid = call("POST", "/points/rules", "{\"name\":\"坏规则\",\"kind\":\"SPEND\",\"pointsPerYuan\":1.00001}", hq);
        assertEquals(invalid.toString(), "POINTS_RULE_INVALID", invalid.code());
        assertEquals("pointsPerYuan", invalid.json.get("field").asText());
        Answer notHq = call("POST", "/points/rules", "{\"name\":\"店规则\",\"kind\":\"SPEND\",\"pointsPerYuan\":1}", clerk);
        assertEquals(notHq.toString(), 403, notHq.status);

        rule("{\"name\":\"101 双倍\",\"kind\":\"SPEND\",\"pointsPerYuan\":2,\"storeIds\":[" + store + "],\"capPerOrder\":100}", hq);
        Answer now = call("POST", "/points/rules/simulate", "{\"storeId\":" + store + ",\"tenders\":[{\"method\":\"CASH\",\"amount\":58.00}]}", clerk);
        assertEquals(now.toString(), "EARNED", now.json.get("outcome").asText());
        assertEquals(100, now.json.get("points").asLong());
        assertEquals(116, now.json.get("computed").asLong());
    }

    @Test
    public void anEventDeliveredAgainEarnsOnce() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        long store = storeId("102");
        rule("{\"name\":\"102 每元1分\",\"kind\":\"SPEND\",\"pointsPerYuan\":1,\"storeIds\":[" + store + "]}", hq);
        long member = member(store);
        String order = paidOrder(store, member, 1, "88.00", hq);
        assertEquals(88, earningOf(order, hq).get("points").asLong());
        // As if the delivery had failed after its work committed: an operator sends it again.
        long delivery = withConnection(c -> {
            try (var s = c.prepareStatement("SELECT d.ID FROM PLT_EVENT_DELIVERY d JOIN PLT_EVENT e ON e.ID = d.EVENT_ID"
                    + " WHERE d.CONSUMER = 'points.orders' AND e.AGGREGATE = ? AND e.TOPIC = 'payments.order_paid'")) {
                s.setString(1, "order:" + order);
                var rs = s.executeQuery();
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(1, sql("UPDATE PLT_EVENT_DELIVERY SET STATUS = 'FAILED' WHERE ID = " + delivery));
        Answer retried = call("POST", "/events/" + delivery + "/retry", null, hq);
        assertEquals(retried.toString(), 200, retried.status);
        awaitUnrecorded("the delivery again", 30, () -> "DONE".equals(call("GET", "/events?consumer=points.orders&size=100", null, hq)
                .json.path("items").findValues("id").stream().anyMatch(id -> id.asLong() == delivery) ? "DONE" : ""));
        assertEquals(88, account(member, hq).get("available").asLong());
        long orderEarnings = 0;
        for (JsonNode e : call("GET", "/points/earnings?orderNo=" + order, null, hq).json.get("items")) {
            orderEarnings += "ORDER".equals(e.get("sourceType").asText()) ? 1 : 0;
        }
        assertEquals(1, orderEarnings);
        assertJournalAddsUp(member, hq);
    }

    @Test
    public void pointsPayPartOfAnOrderWithinTheShareAndComeBackOnRefundAndClose() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        // Store 201 has no earning rule: the balances below move by points spent and given back only.
        String clerk = hq;
        long store = storeId("201");
        long member = member(store);
        Answer granted = call("POST", "/points/adjustments", "{\"memberId\":" + member + ",\"points\":10000,\"reason\":\"开卡赠送\"}", hq, key());
        assertEquals(granted.toString(), 201, granted.status);

        // 100 points make 1.00, at most half of the order: 12000 on 200.00 is too many.
        Answer tooMany = pointsOrder(store, member, 12000, clerk);
        assertEquals(tooMany.toString(), "POINTS_SHARE_EXCEEDED", tooMany.code());
        assertEquals("discounts.quantity", tooMany.json.get("field").asText());
        assertTrue(tooMany.json.get("message").asText(), tooMany.json.get("message").asText().contains("at most 10000 points"));
        Answer guest = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"PTS-G-" + System.nanoTime() + "\",\"lines\":[{\"sku\":\"P1\","
                + "\"name\":\"维生素\",\"quantity\":1,\"unitPrice\":10.00}],\"discounts\":[{\"source\":\"POINTS\",\"quantity\":100}]}", clerk, key());
        assertEquals(guest.toString(), "POINTS_MEMBER_REQUIRED", guest.code());

        Answer order = pointsOrder(store, member, 6000, clerk);
        assertEquals(order.toString(), 201, order.status);
        assertEquals("140.00", order.json.get("payable").asText());
        assertEquals(4000, account(member, clerk).get("available").asLong());
        assertEquals("POINTS_INSUFFICIENT", pointsOrder(store, member, 5000, clerk).code());
        String no = order.json.get("orderNo").asText();
        assertEquals(201, call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":140.00}]}", clerk, key()).status);

        // One of the two units back: the line's refunded share (70.00 of 140.00) gives back half its 6000 points.
        Answer refund = call("POST", "/orders/" + no + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", clerk, key());
        assertEquals(refund.toString(), 201, refund.status);
        assertEquals("70.00", refund.json.get("amount").asText());
        JsonNode reversal = refund.json.get("reversals").get(0);
        assertEquals(reversal.toString(), "POINTS", reversal.get("source").asText());
        assertEquals("PUT_BACK", reversal.get("action").asText());
        assertEquals(3000, reversal.get("quantity").asLong());
        assertEquals(7000, account(member, clerk).get("available").asLong());
        Answer rest = call("POST", "/orders/" + no + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", clerk, key());
        assertEquals(rest.toString(), 201, rest.status);
        assertEquals(10000, account(member, clerk).get("available").asLong());

        // An order closed unpaid gives its points back.
        Answer unpaid = pointsOrder(store, member, 5000, clerk);
        assertEquals(unpaid.toString(), 201, unpaid.status);
        assertEquals(5000, account(member, clerk).get("available").asLong());
        Answer closed = call("POST", "/orders/" + unpaid.json.get("orderNo").asText() + "/close", "{\"reason\":\"顾客放弃\"}", clerk, key());
        assertEquals(closed.toString(), 200, closed.status);
        assertEquals(10000, account(member, clerk).get("available").asLong());
        assertJournalAddsUp(member, hq);
        JsonNode check = call("GET", "/points/check", null, hq).json;
        assertEquals(check.toString(), 0, check.get("violations").size());
    }

    @Test
    public void theMallExchangesPointsForACouponInOneTransactionOrNotAtAll() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        long store = storeId("201");
        long first = member(store);
        long second = member(store);
        for (long m : new long[] {first, second}) {
            assertEquals(201, call("POST", "/points/adjustments", "{\"memberId\":" + m + ",\"points\":2000,\"reason\":\"积分商城测试\"}", hq, key()).status);
        }
        long scarce = couponTemplate("{\"name\":\"10元券（限1张）\",\"kind\":\"CASH\",\"value\":10.00,\"validity\":\"RELATIVE\",\"validDays\":30,"
                + "\"stock\":1,\"pointsExchangeable\":true,\"pointsPrice\":500}", hq);
        long plenty = couponTemplate("{\"name\":\"5元券\",\"kind\":\"CASH\",\"value\":5.00,\"validity\":\"RELATIVE\",\"validDays\":30,"
                + "\"pointsExchangeable\":true,\"pointsPrice\":300}", hq);

        Answer mall = call("GET", "/points/mall?memberId=" + first + "&storeId=" + store, null, hq);
        assertEquals(mall.toString(), 200, mall.status);
        assertEquals(mall.toString(), 2, mall.json.size());
        assertTrue(mall.toString(), mall.json.get(0).get("affordable").asBoolean());

        Map<String, String> k = key();
        Answer exchanged = call("POST", "/points/exchanges", "{\"memberId\":" + first + ",\"templateId\":" + scarce + ",\"pointsPrice\":500,"
                + "\"storeId\":" + store + "}", hq, k);
        assertEquals(exchanged.toString(), 201, exchanged.status);
        assertEquals(1500, exchanged.json.get("availableAfter").asLong());
        String couponNo = exchanged.json.get("couponNo").asText();
        Answer coupon = call("GET", "/coupons/" + couponNo, null, hq);
        assertEquals(coupon.toString(), first, coupon.json.get("memberId").asLong());
        assertEquals("AVAILABLE", coupon.json.get("state").asText());
        Answer again = call("POST", "/points/exchanges", "{\"memberId\":" + first + ",\"templateId\":" + scarce + ",\"pointsPrice\":500,"
                + "\"storeId\":" + store + "}", hq, k);
        assertEquals(again.toString(), exchanged.json.get("exchangeNo").asText(), again.json.get("exchangeNo").asText());
        assertEquals(couponNo, again.json.get("couponNo").asText());
        assertEquals(1500, account(first, hq).get("available").asLong());

        // Out of stock: the coupons refuse, and the points taken in the same transaction come back with it.
        Answer none = call("POST", "/points/exchanges", "{\"memberId\":" + second + ",\"templateId\":" + scarce + ",\"pointsPrice\":500}", hq, key());
        assertEquals(none.toString(), "COUPON_OUT_OF_STOCK", none.code());
        Answer stale = call("POST", "/points/exchanges", "{\"memberId\":" + second + ",\"templateId\":" + plenty + ",\"pointsPrice\":250}", hq, key());
        assertEquals(stale.toString(), "COUPON_POINTS_PRICE_CHANGED", stale.code());
        assertEquals(2000, account(second, hq).get("available").asLong());
        assertEquals(1, call("GET", "/points/journal?memberId=" + second, null, hq).json.get("total").asLong());
        assertEquals(1, call("GET", "/points/exchanges?memberId=" + first, null, hq).json.get("total").asLong());
        JsonNode check = call("GET", "/points/check", null, hq).json;
        assertEquals(check.toString(), 0, check.get("violations").size());

        // The liability figures add up: the chain's outstanding at this month's end is every account's points.
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        awaitUnrecorded("the statistics to follow", 30, () -> {
            JsonNode months = call("GET", "/points/stats/monthly?from=" + month + "&to=" + month, null, hq).json;
            long outstanding = call("GET", "/points/check", null, hq).json.get("outstanding").asLong();
            return months.get(0).get("outstanding").asLong() == outstanding;
        });
        JsonNode thisMonth = call("GET", "/points/stats/monthly?from=" + month + "&to=" + month, null, hq).json.get(0);
        assertTrue(thisMonth.toString(), thisMonth.get("issued").asLong() > 0 && thisMonth.get("spent").asLong() >= 500);
        JsonNode top = call("GET", "/points/stats/top-earners?from=" + month + "&to=" + month + "&size=5", null, hq).json;
        assertTrue(top.toString(), top.size() > 0 && top.get(0).get("earned").asLong() >= top.get(top.size() - 1).get("earned").asLong());
        assertEquals(403, call("GET", "/points/stats/monthly?from=" + month + "&to=" + month, null, bearer(CLERK_103)).status);
        Answer storeMonth = call("GET", "/points/stats/monthly?from=" + month + "&to=" + month + "&storeId=" + storeId("103"), null, bearer(CLERK_103));
        assertEquals(storeMonth.toString(), 200, storeMonth.status);
        Answer badMonth = call("GET", "/points/stats/monthly?from=2026-13&to=" + month, null, hq);
        assertEquals(badMonth.toString(), 400, badMonth.status);
    }

    @Test
    public void aRechargeAndARegistrationEarnTheirActivityPointsAndAReversalTakesThemBack() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        long store = storeId("102");
        rule("{\"name\":\"充值送积分\",\"kind\":\"ACTIVITY\",\"activity\":\"RECHARGE\",\"pointsPerYuan\":0.5,\"storeIds\":[" + store + "]}", hq);
        long member = member(store);
        Answer recharge = call("POST", "/wallets/recharges", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":300.00,"
                + "\"method\":\"CASH\"}", hq, key());
        assertEquals(recharge.toString(), 201, recharge.status);
        long entry = recharge.json.at("/entry/id").asLong();
        awaitUnrecorded("recharge points", 30, () -> call("GET", "/points/accounts?memberId=" + member, null, hq).json.path(0).path("available").asLong() == 150);
        Answer earning = call("GET", "/points/earnings?memberId=" + member, null, hq);
        assertTrue(earning.toString(), earning.text.contains("RECHARGE:" + entry));
        // The recharge undone: its points go too (they came from nothing else).
        Answer reversed = call("POST", "/wallets/reversals", "{\"rechargeEntryId\":" + entry + "}", hq, key());
        assertEquals(reversed.toString(), 201, reversed.status);
        awaitUnrecorded("recharge points taken back", 30, () -> account(member, hq).get("available").asLong() == 0);
        assertEquals(0, account(member, hq).get("debt").asLong());
        assertJournalAddsUp(member, hq);

        // Registering earns the REGISTER activity's points, once (store 201's own welcome rule).
        long welcomeStore = storeId("201");
        long welcome = rule("{\"name\":\"注册送积分\",\"kind\":\"ACTIVITY\",\"activity\":\"REGISTER\",\"fixedPoints\":20,\"storeIds\":[" + welcomeStore + "]}", hq);
        long newcomer = member(welcomeStore);
        awaitUnrecorded("registration points", 30, () -> call("GET", "/points/accounts?memberId=" + newcomer, null, hq).json.path(0).path("available").asLong() == 20);
        assertTrue(call("GET", "/points/earnings?memberId=" + newcomer, null, hq).text.contains("REGISTER:" + newcomer));
        // Stopped again: the other tests' members of store 201 start from 0.
        assertEquals(200, call("POST", "/points/rules/" + welcome + "/stop", null, hq).status);
    }

    private long couponTemplate(String body, String hq) {
        Answer t = call("POST", "/coupons/templates", body, hq);
        assertEquals(t.toString(), 201, t.status);
        long id = t.json.get("id").asLong();
        assertEquals(200, call("POST", "/coupons/templates/" + id + "/activate", null, hq).status);
        return id;
    }

    /** An order of two units at 100.00 paying {@code points} points (cash for the rest). */
    private Answer pointsOrder(long store, long member, long points, String token) {
        return call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"PTS-T-" + System.nanoTime() + "\",\"memberId\":" + member
                + ",\"payWith\":[\"CASH\"],\"lines\":[{\"sku\":\"P2\",\"name\":\"鱼油\",\"quantity\":2,\"unitPrice\":100.00}],"
                + "\"discounts\":[{\"source\":\"POINTS\",\"quantity\":" + points + "}]}", token, key());
    }

    private long rule(String body, String hq) {
        Answer created = call("POST", "/points/rules", body, hq);
        assertEquals(created.toString(), 201, created.status);
        long id = created.json.get("id").asLong();
        Answer active = call("POST", "/points/rules/" + id + "/activate", null, hq);
        assertEquals(active.toString(), "ACTIVE", active.json.get("status").asText());
        return id;
    }

    /** An order of {@code units} × {@code price}, paid in cash. */
    private String paidOrder(long store, long member, int units, String price, String token) {
        Answer o = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"PTS-" + System.nanoTime() + "\",\"memberId\":" + member
                + ",\"lines\":[{\"sku\":\"P1\",\"name\":\"维生素\",\"quantity\":" + units + ",\"unitPrice\":" + price + "}]}", token, key());
        assertEquals(o.toString(), 201, o.status);
        String no = o.json.get("orderNo").asText();
        Answer paid = call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":" + o.json.get("payable").asText()
                + "}]}", token, key());
        assertEquals(paid.toString(), 201, paid.status);
        return no;
    }

    private void refund(String order, int units, String token) {
        Answer r = call("POST", "/orders/" + order + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":" + units + "}]}", token, key());
        assertEquals(r.toString(), 201, r.status);
    }

    /** The order's own earning (beside it, a member's first order also has its FIRST_PURCHASE activity). */
    private JsonNode earningOf(String order, String token) {
        awaitUnrecorded("the earning of " + order, 30, () -> call("GET", "/points/earnings?orderNo=" + order, null, token).json.path("total").asLong() > 0);
        for (JsonNode e : call("GET", "/points/earnings?orderNo=" + order, null, token).json.get("items")) {
            if ("ORDER".equals(e.get("sourceType").asText())) {
                return e;
            }
        }
        throw new AssertionError("no ORDER earning for " + order);
    }

    private JsonNode account(long member, String token) {
        Answer a = call("GET", "/points/accounts?memberId=" + member, null, token);
        assertEquals(a.toString(), 200, a.status);
        return a.json.get(0);
    }

    /** The account's balance is the sum of its journal rows and of its lots (the debt lot aside). */
    private void assertJournalAddsUp(long member, String hq) {
        JsonNode account = account(member, hq);
        JsonNode journal = call("GET", "/points/journal?memberId=" + member + "&size=100", null, hq).json;
        long sum = 0;
        long pending = 0;
        for (JsonNode j : journal.get("items")) {
            sum += j.get("availableDelta").asLong();
            pending += j.get("pendingDelta").asLong();
        }
        assertEquals(journal.toString(), account.get("available").asLong(), sum);
        assertEquals(account.get("pending").asLong(), pending);
        long lots = 0;
        for (JsonNode l : call("GET", "/points/lots?memberId=" + member + "&status=ACTIVE&size=100", null, hq).json.get("items")) {
            lots += l.get("remaining").asLong();
        }
        assertEquals(account.get("available").asLong() + account.get("debt").asLong(), lots);
    }
}
