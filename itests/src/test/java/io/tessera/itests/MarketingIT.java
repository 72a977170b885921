package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Marketing through the real distribution: a referral named at registration rewards both members once — the
 * referee's points through the points domain, the referrer's coupon through the coupons domain — even when the
 * registration event is delivered again; a FIRST_PAYMENT referral waits for the referee's first paid sale; refusals
 * answered with their codes; an activity's rewards locked once it runs; SOAP reads the same.
 * Each test has its own store's activity (the newest running activity covering the store counts).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class MarketingIT extends TesseraTestSupport {

    @Test
    public void aReferralAtRegistrationRewardsBothOnceEvenWhenTheEventIsDeliveredAgain() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        long store = storeId("103");
        long template = couponTemplate("{\"name\":\"推荐人10元券\",\"kind\":\"CASH\",\"value\":10.00,\"validity\":\"RELATIVE\",\"validDays\":30}", hq);
        long activity = activity(store, "REGISTER", template, null, hq);

        long referrer = member(store);
        Answer code = call("GET", "/marketing/referrals/codes/" + referrer, null, bearer(CLERK_103));
        assertEquals(code.toString(), 200, code.status);
        String referralCode = code.json.get("code").asText();
        assertEquals(8, referralCode.length());

        Answer registered = call("POST", "/members", "{\"phone\":\"" + newPhone() + "\",\"name\":\"新会员\",\"storeId\":" + store
                + ",\"referralCode\":\"" + referralCode.toLowerCase() + "\"}", hq);
        assertEquals(registered.toString(), 201, registered.status);
        long referee = registered.json.get("id").asLong();

        awaitUnrecorded("both rewards given", 60, () -> doneRewards(activity, hq) == 2);
        JsonNode referral = call("GET", "/marketing/referrals/" + referee, null, hq).json;
        assertEquals("REWARDED", referral.get("state").asText());
        assertEquals(referrer, referral.get("referrerId").asLong());
        assertEquals(100, points(referee, hq));
        JsonNode coupons = call("GET", "/coupons?memberId=" + referrer, null, hq).json;
        assertEquals(coupons.toString(), 1, coupons.get("total").asLong());
        assertEquals("ACTIVITY", coupons.at("/items/0/issueType").asText());
        JsonNode rewards = call("GET", "/marketing/rewards?activityId=" + activity, null, hq).json;
        for (JsonNode r : rewards.get("items")) {
            assertTrue(r.toString(), r.get("source").asText().startsWith("referral:" + referee));
            assertTrue(r.toString(), "REFERRER".equals(r.get("role").asText()) ? r.hasNonNull("couponNo") : r.hasNonNull("earningId"));
        }

        // As if the registration's delivery had failed after its work committed: an operator sends it again.
        long delivery = withConnection(c -> {
            try (var s = c.prepareStatement("SELECT d.ID FROM PLT_EVENT_DELIVERY d JOIN PLT_EVENT e ON e.ID = d.EVENT_ID"
                    + " WHERE d.CONSUMER = 'marketing.referrals' AND e.AGGREGATE = ? AND e.TOPIC = 'members.registered'")) {
                s.setString(1, "member:" + referee);
                var rs = s.executeQuery();
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        });
        assertEquals(1, sql("UPDATE PLT_EVENT_DELIVERY SET STATUS = 'FAILED' WHERE ID = " + delivery));
        Answer retried = call("POST", "/events/" + delivery + "/retry", null, hq);
        assertEquals(retried.toString(), 200, retried.status);
        awaitUnrecorded("the delivery again", 30, () -> call("GET", "/events?consumer=marketing.referrals&size=100", null, hq)
                .json.path("items").findValues("id").stream().anyMatch(id -> id.asLong() == delivery));
        awaitUnrecorded("the delivery done", 30, () -> withConnectionQuietly("SELECT STATUS FROM PLT_EVENT_DELIVERY WHERE ID = " + delivery)
                .equals("DONE"));
        awaitRewardRun();
        assertEquals(2, call("GET", "/marketing/rewards?activityId=" + activity, null, hq).json.get("total").asLong());
        assertEquals(100, points(referee, hq));
        assertEquals(1, call("GET", "/coupons?memberId=" + referrer, null, hq).json.get("total").asLong());
        assertEquals(1, call("GET", "/marketing/activities/" + activity, null, hq).json.get("used").asLong());

        // Rewards locked now; the budget may change, never below what was used.
        Answer locked = call("PUT", "/marketing/activities/" + activity, activityBody(store, "REGISTER", template, 200), hq);
        assertEquals(locked.toString(), "ACTIVITY_LOCKED", locked.code());
        assertEquals("rewards", locked.field());
        Answer audit = call("GET", "/marketing/activities/" + activity + "/audit", null, hq);
        assertEquals(audit.toString(), 200, audit.status);
        assertTrue(audit.text, audit.json.size() >= 2);
    }

    @Test
    public void aFirstPaymentReferralWaitsForTheRefereesFirstSaleAndRefusalsSayWhy() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        String clerk = bearer(CLERK_101);
        long store = storeId("101");
        long template = couponTemplate("{\"name\":\"首单推荐券\",\"kind\":\"CASH\",\"value\":5.00,\"validity\":\"RELATIVE\",\"validDays\":30}", hq);
        long activity = activity(store, "FIRST_PAYMENT", template, 5L, hq);
        Answer notHq = call("POST", "/marketing/activities", activityBody(store, "REGISTER", template, 100), clerk);
        assertEquals(notHq.toString(), 403, notHq.status);

        long referrer = member(store);
        String referralCode = call("GET", "/marketing/referrals/codes/" + referrer, null, clerk).json.get("code").asText();
        long referee = member(store);
        // Named soon after registering, through the API.
        Answer self = call("POST", "/marketing/referrals", "{\"refereeId\":" + referrer + ",\"code\":\"" + referralCode + "\"}", clerk, key());
        assertEquals(self.toString(), "REFERRAL_SELF", self.code());
        String typo = referralCode.substring(0, 7) + (referralCode.charAt(7) == '0' ? '1' : '0');
        Answer mistyped = call("POST", "/marketing/referrals", "{\"refereeId\":" + referee + ",\"code\":\"" + typo + "\"}", clerk, key());
        assertEquals(mistyped.toString(), 400, mistyped.status);
        assertEquals("REFERRAL_CODE_INVALID", mistyped.code());
        assertEquals("code", mistyped.field());
        Answer bound = call("POST", "/marketing/referrals", "{\"refereeId\":" + referee + ",\"code\":\"" + referralCode + "\"}", clerk, key());
        assertEquals(bound.toString(), 201, bound.status);
        assertEquals("BOUND", bound.json.get("state").asText());
        Answer again = call("POST", "/marketing/referrals", "{\"refereeId\":" + referee + ",\"code\":\"" + referralCode + "\"}", clerk, key());
        assertEquals(again.toString(), "REFERRAL_ALREADY_REFERRED", again.code());
        // The older member cannot name the newer one back.
        String refereeCode = call("GET", "/marketing/referrals/codes/" + referee, null, clerk).json.get("code").asText();
        Answer loop = call("POST", "/marketing/referrals", "{\"refereeId\":" + referrer + ",\"code\":\"" + refereeCode + "\"}", clerk, key());
        assertEquals(loop.toString(), "REFERRAL_LOOP", loop.code());

        assertEquals(0, call("GET", "/marketing/rewards?activityId=" + activity, null, hq).json.get("total").asLong());
        Answer order = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"MKT-" + System.nanoTime() + "\",\"memberId\":" + referee
                + ",\"lines\":[{\"sku\":\"M1\",\"name\":\"维生素\",\"quantity\":1,\"unitPrice\":20.00}]}", clerk, key());
        assertEquals(order.toString(), 201, order.status);
        Answer paid = call("POST", "/orders/" + order.json.get("orderNo").asText() + "/payments",
                "{\"tenders\":[{\"method\":\"CASH\",\"amount\":20.00}]}", clerk, key());
        assertEquals(paid.toString(), 201, paid.status);
        awaitUnrecorded("the rewards of the first sale", 60, () -> doneRewards(activity, hq) == 2);
        assertEquals("REWARDED", call("GET", "/marketing/referrals/" + referee, null, clerk).json.get("state").asText());
        assertEquals(1, call("GET", "/marketing/referrals?referrerId=" + referrer, null, clerk).json.get("total").asLong());

        Answer listed = soap("marketing", "<m:listActivities xmlns:m=\"urn:tessera:marketing\"><status>ACTIVE</status></m:listActivities>", hq);
        assertEquals(listed.toString(), 200, listed.status);
        assertTrue(listed.text, listed.text.contains("<name>推荐有礼 " + store + "</name>") && listed.text.contains("<trigger>FIRST_PAYMENT</trigger>"));
        Answer soapCode = soap("marketing", "<m:referralCode xmlns:m=\"urn:tessera:marketing\"><memberId>" + referrer + "</memberId></m:referralCode>", clerk);
        assertEquals(soapCode.toString(), 200, soapCode.status);
        assertTrue(soapCode.text, soapCode.text.contains("<code>" + referralCode + "</code>"));
        Answer soapSelf = soap("marketing", "<m:bindReferral xmlns:m=\"urn:tessera:marketing\"><binding><refereeId>" + referrer + "</refereeId><code>"
                + referralCode + "</code></binding><requestId>soap-self-" + System.nanoTime() + "</requestId></m:bindReferral>", clerk);
        assertEquals(soapSelf.toString(), 500, soapSelf.status);
        assertTrue(soapSelf.text, soapSelf.text.contains("REFERRAL_SELF"));
    }

    @Test
    public void aDirectSendRewardsEachMemberOfTheSegmentOnceAndReportsWhoGotWhat() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        long store = storeId("201");
        for (int i = 0; i < 3; i++) {
            member(store);
        }
        long inStore = call("GET", "/members?storeId=" + store + "&size=1", null, hq).json.get("total").asLong();
        long template = couponTemplate("{\"name\":\"会员日5元券\",\"kind\":\"CASH\",\"value\":5.00,\"validity\":\"RELATIVE\",\"validDays\":30}", hq);
        Answer created = call("POST", "/marketing/activities", "{\"type\":\"COUPON_SEND\",\"name\":\"会员日送券\",\"startsAt\":\""
                + OffsetDateTime.now().minusDays(1) + "\",\"endsAt\":\"" + OffsetDateTime.now().plusDays(30) + "\",\"perMemberLimit\":1,"
                + "\"rewards\":[{\"role\":\"RECIPIENT\",\"kind\":\"COUPON\",\"templateId\":" + template + "}]}", hq);
        assertEquals(created.toString(), 201, created.status);
        long activity = created.json.get("id").asLong();
        String segment = "{\"kind\":\"STORE\",\"storeId\":" + store + "}";
        Answer draft = call("POST", "/marketing/sends", "{\"activityId\":" + activity + ",\"segment\":" + segment + "}", hq, key());
        assertEquals(draft.toString(), "ACTIVITY_NOT_ACTIVE", draft.code());
        assertEquals(200, call("POST", "/marketing/activities/" + activity + "/activate", null, hq).status);
        Answer badSegment = call("POST", "/marketing/sends", "{\"activityId\":" + activity + ",\"segment\":{\"kind\":\"SPEND\",\"fromMonth\":\"2026-13\"}}",
                hq, key());
        assertEquals(badSegment.toString(), "SEND_INVALID", badSegment.code());
        assertEquals("segment.fromMonth", badSegment.field());
        Answer notHq = call("POST", "/marketing/sends", "{\"activityId\":" + activity + ",\"segment\":" + segment + "}", bearer(CLERK_101), key());
        assertEquals(notHq.toString(), 403, notHq.status);

        Map<String, String> key = key();
        Answer send = call("POST", "/marketing/sends", "{\"activityId\":" + activity + ",\"segment\":" + segment + "}", hq, key);
        assertEquals(send.toString(), 201, send.status);
        long sendId = send.json.get("id").asLong();
        JsonNode job = awaitJob(send.json.get("jobId").asLong(), hq);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        JsonNode done = call("GET", "/marketing/sends/" + sendId, null, hq).json;
        assertEquals(done.toString(), "DONE", done.get("state").asText());
        assertEquals(inStore, done.get("reached").asLong());
        assertEquals(inStore, done.get("rewarded").asLong());
        assertEquals(inStore, call("GET", "/coupons/templates/" + template, null, hq).json.get("issued").asLong());
        String report = new String(download("/jobs/" + job.get("id").asLong() + "/result", hq).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(report, inStore + 1, report.lines().count());
        assertTrue(report, report.contains("REWARDED"));
        // The same request again answers the same send; a second send finds everyone at the activity's limit of one.
        assertEquals(sendId, call("POST", "/marketing/sends", "{\"activityId\":" + activity + ",\"segment\":" + segment + "}", hq, key)
                .json.get("id").asLong());
        Answer again = call("POST", "/marketing/sends", "{\"activityId\":" + activity + ",\"segment\":" + segment + "}", hq, key());
        awaitJob(again.json.get("jobId").asLong(), hq);
        JsonNode second = call("GET", "/marketing/sends/" + again.json.get("id").asLong(), null, hq).json;
        assertEquals(second.toString(), 0, second.get("rewarded").asLong());
        assertEquals(inStore, second.get("skipped").asLong());
        assertEquals(inStore, call("GET", "/coupons/templates/" + template, null, hq).json.get("issued").asLong());

        // Later: scheduled, and cancelled before it runs.
        Answer later = call("POST", "/marketing/sends", "{\"activityId\":" + activity + ",\"segment\":{\"kind\":\"ALL\"},\"runAt\":\""
                + OffsetDateTime.now().plusDays(1) + "\"}", hq, key());
        assertEquals(later.toString(), "SCHEDULED", later.json.get("state").asText());
        Answer cancelled = call("POST", "/marketing/sends/" + later.json.get("id").asLong() + "/cancel", null, hq);
        assertEquals(cancelled.toString(), "CANCELLED", cancelled.json.get("state").asText());
        Answer twice = call("POST", "/marketing/sends/" + later.json.get("id").asLong() + "/cancel", null, hq);
        assertEquals(twice.toString(), "SEND_STATE_INVALID", twice.code());
        Answer soapSend = soap("marketing", "<m:getSend xmlns:m=\"urn:tessera:marketing\"><sendId>" + sendId + "</sendId></m:getSend>", hq);
        assertTrue(soapSend.text, soapSend.status == 200 && soapSend.text.contains("<state>DONE</state>"));
    }

    @Test
    public void aRechargePromotionGivesTheTierReachedOnceAtTheCounterAndForAPaidRechargeOrder() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        String clerk = bearer(CLERK_103);
        long store = storeId("103");
        long member = member(store);
        JsonNode level = call("GET", "/members/" + member, null, clerk).json.get("levelId");
        String levels = level == null ? "[]" : "[" + level.asLong() + "]";
        long template = couponTemplate("{\"name\":\"充值礼20元券\",\"kind\":\"CASH\",\"value\":20.00,\"validity\":\"RELATIVE\",\"validDays\":30}", hq);
        String window = "\"startsAt\":\"" + OffsetDateTime.now().minusDays(1) + "\",\"endsAt\":\"" + OffsetDateTime.now().plusDays(30) + "\"";
        Answer misplaced = call("POST", "/marketing/activities", "{\"type\":\"COUPON_SEND\",\"name\":\"x\"," + window
                + ",\"rewards\":[{\"role\":\"RECIPIENT\",\"kind\":\"BONUS\",\"amount\":5.00}]}", hq);
        assertEquals(misplaced.toString(), "ACTIVITY_INVALID", misplaced.code());
        assertEquals("rewards[0].kind", misplaced.field());
        long low = rechargeActivity("{\"type\":\"RECHARGE\",\"name\":\"充200送10\"," + window + ",\"storeIds\":[" + store + "],\"rechargeFrom\":200.00,"
                + "\"rewards\":[{\"role\":\"RECIPIENT\",\"kind\":\"BONUS\",\"amount\":10.00}]}", hq);
        long high = rechargeActivity("{\"type\":\"RECHARGE\",\"name\":\"充500送50\"," + window + ",\"storeIds\":[" + store + "],\"levelIds\":" + levels
                + ",\"rechargeFrom\":500.00,\"perMemberLimit\":1,\"rewards\":[{\"role\":\"RECIPIENT\",\"kind\":\"BONUS\",\"amount\":50.00},"
                + "{\"role\":\"RECIPIENT\",\"kind\":\"COUPON\",\"templateId\":" + template + "}]}", hq);

        // At the counter: the highest tier reached, its bonus in the recharge's own journal row.
        Answer first = call("POST", "/wallets/recharges", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":520.00,\"method\":\"CASH\"}",
                clerk, key());
        assertEquals(first.toString(), 201, first.status);
        assertEquals(high, first.json.get("promotionId").asLong());
        assertEquals("充500送50", first.json.get("promotionName").asText());
        assertEquals("50.00", first.json.at("/entry/bonusDelta").asText());
        assertEquals("520.00", first.json.at("/entry/principalDelta").asText());
        // The member had the high tier once: the next recharge reaches the lower one.
        Answer second = call("POST", "/wallets/recharges", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":500.00,\"method\":\"CASH\"}",
                clerk, key());
        assertEquals(second.toString(), low, second.json.get("promotionId").asLong());
        assertEquals("10.00", second.json.at("/entry/bonusDelta").asText());
        Answer small = call("POST", "/wallets/recharges", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":199.99,\"method\":\"CASH\"}",
                clerk, key());
        assertTrue(small.toString(), small.status == 201 && !small.json.has("promotionId"));
        assertEquals("60.00", call("GET", "/wallets/accounts?memberId=" + member, null, clerk).json.at("/0/bonus").asText());

        // A recharge order paid at the till earns the same way.
        long other = member(store);
        Answer order = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"MKT-R-" + System.nanoTime() + "\",\"memberId\":" + other
                + ",\"kind\":\"RECHARGE\",\"lines\":[{\"sku\":\"RECHARGE\",\"name\":\"充值\",\"quantity\":1,\"unitPrice\":600.00}]}", clerk, key());
        assertEquals(order.toString(), 201, order.status);
        Answer paid = call("POST", "/orders/" + order.json.get("orderNo").asText() + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":600.00}]}",
                clerk, key());
        assertEquals(paid.toString(), 201, paid.status);
        JsonNode account = call("GET", "/wallets/accounts?memberId=" + other, null, clerk).json.get(0);
        assertEquals(account.toString(), "50.00", account.get("bonus").asText());

        awaitRewardRun();
        JsonNode rewards = call("GET", "/marketing/rewards?activityId=" + high, null, hq).json;
        assertEquals(rewards.toString(), 4, rewards.get("total").asLong());
        for (JsonNode r : rewards.get("items")) {
            assertEquals(r.toString(), "DONE", r.get("state").asText());
            assertTrue(r.toString(), r.get("source").asText().startsWith("recharge:"));
        }
        assertEquals(1, call("GET", "/coupons?memberId=" + member, null, hq).json.get("total").asLong());
        assertEquals(1, call("GET", "/coupons?memberId=" + other, null, hq).json.get("total").asLong());
        assertEquals(2, call("GET", "/marketing/activities/" + high, null, hq).json.get("used").asLong());
        assertEquals(1, call("GET", "/marketing/activities/" + low, null, hq).json.get("used").asLong());
        Answer locked = call("PUT", "/marketing/activities/" + low, "{\"type\":\"RECHARGE\",\"name\":\"充200送10\"," + window + ",\"storeIds\":[" + store
                + "],\"rechargeFrom\":100.00,\"rewards\":[{\"role\":\"RECIPIENT\",\"kind\":\"BONUS\",\"amount\":10.00}]}", hq);
        assertEquals(locked.toString(), "ACTIVITY_LOCKED", locked.code());
        assertEquals("rechargeFrom", locked.field());
        // Ended, so that other tests' recharges in this store earn nothing from it.
        assertEquals(200, call("POST", "/marketing/activities/" + low + "/end", null, hq).status);
        assertEquals(200, call("POST", "/marketing/activities/" + high + "/end", null, hq).status);
    }

    private long rechargeActivity(String body, String hq) {
        Answer created = call("POST", "/marketing/activities", body, hq);
        assertEquals(created.toString(), 201, created.status);
        long id = created.json.get("id").asLong();
        assertEquals(200, call("POST", "/marketing/activities/" + id + "/activate", null, hq).status);
        return id;
    }

    private long couponTemplate(String body, String hq) {
        Answer t = call("POST", "/coupons/templates", body, hq);
        assertEquals(t.toString(), 201, t.status);
        long id = t.json.get("id").asLong();
        assertEquals(200, call("POST", "/coupons/templates/" + id + "/activate", null, hq).status);
        return id;
    }

    private static String activityBody(long store, String trigger, long template, long refereePoints) {
        return "{\"type\":\"REFERRAL\",\"name\":\"推荐有礼 " + store + "\",\"startsAt\":\"" + OffsetDateTime.now().minusDays(1) + "\",\"endsAt\":\""
                + OffsetDateTime.now().plusDays(30) + "\",\"storeIds\":[" + store + "],\"trigger\":\"" + trigger + "\",\"perMemberLimit\":10,"
                + "\"rewards\":[{\"role\":\"REFEREE\",\"kind\":\"POINTS\",\"points\":" + refereePoints + "},"
                + "{\"role\":\"REFERRER\",\"kind\":\"COUPON\",\"templateId\":" + template + "}]}";
    }

    private long activity(long store, String trigger, long template, Long budget, String hq) {
        String body = activityBody(store, trigger, template, 100);
        if (budget != null) {
            body = body.replace("\"perMemberLimit\"", "\"budget\":" + budget + ",\"perMemberLimit\"");
        }
        Answer created = call("POST", "/marketing/activities", body, hq);
        assertEquals(created.toString(), 201, created.status);
        assertEquals("DRAFT", created.json.get("status").asText());
        long id = created.json.get("id").asLong();
        Answer active = call("POST", "/marketing/activities/" + id + "/activate", null, hq);
        assertEquals(active.toString(), "ACTIVE", active.json.get("status").asText());
        return id;
    }

    /** Until the delivery task "marketing.rewards" has finished a run that started after now. */
    private void awaitRewardRun() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
        LocalDateTime next = withConnection(c -> {
            try (var s = c.prepareStatement("SELECT NEXT_RUN FROM PLT_LEASE WHERE NAME = 'task.marketing.rewards'")) {
                var rs = s.executeQuery();
                assertTrue("the task has run before", rs.next());
                return rs.getTimestamp(1).toLocalDateTime();
            }
        });
        LocalDateTime after = next.isAfter(now) ? next : now;
        awaitUnrecorded("a run of marketing.rewards", 60, () -> {
            try {
                return withConnection(c -> {
                    try (var s = c.prepareStatement("SELECT COUNT(*) FROM PLT_LEASE WHERE NAME = 'task.marketing.rewards' AND LAST_RUN_AT > ?")) {
                        s.setTimestamp(1, Timestamp.valueOf(after));
                        var rs = s.executeQuery();
                        rs.next();
                        return rs.getInt(1) == 1;
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long doneRewards(long activity, String hq) {
        return call("GET", "/marketing/rewards?activityId=" + activity + "&state=DONE", null, hq).json.get("total").asLong();
    }

    private long points(long member, String hq) {
        return call("GET", "/points/accounts?memberId=" + member, null, hq).json.path(0).path("available").asLong();
    }
}
