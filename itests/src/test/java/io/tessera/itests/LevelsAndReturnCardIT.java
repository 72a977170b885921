package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.audit.AuditService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
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
import org.osgi.service.cm.ConfigurationAdmin;

/** Member levels over REST (upgrade, re-evaluation, deletion rules, the yearly review) and the card return (退卡). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LevelsAndReturnCardIT extends TesseraTestSupport {

    @Inject
    private AuditService audit;

    @Inject
    private ConfigurationAdmin configs;

    @Configuration
    @Override
    public Option[] config() {
        // The yearly review's task looks every 2 s (hourly in the distribution).
        return OptionUtils.combine(super.config(), editConfigurationFilePut("etc/io.tessera.scheduler.cfg", "members.levels.review.interval", "PT2S"));
    }

    @Before
    public void ready() {
        awaitReady();
    }

    private long member(String token) {
        Answer a = call("POST", "/members", "{\"phone\":\"" + newPhone() + "\",\"name\":\"王五\",\"storeId\":" + storeId("103") + "}", token);
        assertEquals(a.toString(), 201, a.status);
        return a.json.get("id").asLong();
    }

    private long level(String name, long threshold, String rate) {
        Answer a = call("POST", "/levels", "{\"name\":\"" + name + "\",\"threshold\":" + threshold + ",\"discountRate\":" + rate + "}",
                bearer(HQ_ADMIN));
        assertEquals(a.toString(), 201, a.status);
        return a.json.get("id").asLong();
    }

    private JsonNode get(long memberId) {
        Answer a = call("GET", "/members/" + memberId, null, bearer(HQ_ADMIN));
        assertEquals(a.toString(), 200, a.status);
        return a.json;
    }

    private void grant(long memberId, long amount, String reference) {
        Answer a = call("POST", "/members/" + memberId + "/experience",
                "{\"amount\":" + amount + ",\"source\":\"TEST\",\"reference\":\"" + reference + "\"}", bearer(HQ_ADMIN));
        assertEquals(a.toString(), 200, a.status);
    }

    @Test
    public void levelsFollowExperienceAndRuleChanges() {
        String clerk = bearer(CLERK_103);
        long base = level("普通会员", 0, "1.00");
        long gold = level("金卡会员", 1000, "0.95");
        long m = member(clerk);
        assertEquals(base, get(m).get("levelId").asLong());

        grant(m, 600, "order-1");
        grant(m, 600, "order-1"); // the same reference again adds nothing
        assertEquals(600, get(m).get("experience").asLong());
        grant(m, 500, "order-2");
        JsonNode upgraded = get(m);
        assertEquals(1100, upgraded.get("experience").asLong());
        assertEquals(gold, upgraded.get("levelId").asLong());
        assertEquals("金卡会员", upgraded.get("levelName").asText());

        // A new level under the member's experience: re-evaluation moves them up at once.
        long silver = level("银卡会员", 300, "0.98");
        long other = member(clerk);
        grant(other, 400, "order-3");
        assertEquals(silver, get(other).get("levelId").asLong());
        Answer raise = call("PUT", "/levels/" + silver, "{\"threshold\":350}", bearer(HQ_ADMIN));
        assertEquals(raise.toString(), 200, raise.status);
        assertEquals(silver, get(other).get("levelId").asLong());
        Answer lowerGold = call("PUT", "/levels/" + gold, "{\"threshold\":390}", bearer(HQ_ADMIN));
        assertEquals(lowerGold.toString(), 200, lowerGold.status);
        assertEquals("members who already had more experience than the new threshold move up", gold,
                get(other).get("levelId").asLong());

        // Bad level input and clerk writes are refused.
        Answer badRate = call("POST", "/levels", "{\"name\":\"x\",\"threshold\":9,\"discountRate\":1.5}", bearer(HQ_ADMIN));
        assertEquals(400, badRate.status);
        assertEquals("discountRate", badRate.field());
        assertEquals(403, call("POST", "/levels", "{\"name\":\"y\",\"threshold\":10,\"discountRate\":0.9}", clerk).status);
        Answer sameThreshold = call("POST", "/levels", "{\"name\":\"z\",\"threshold\":0,\"discountRate\":0.9}", bearer(HQ_ADMIN));
        assertEquals(sameThreshold.toString(), 409, sameThreshold.status);

        // A level members hold is deleted only by moving them.
        Answer refused = call("DELETE", "/levels/" + gold, null, bearer(HQ_ADMIN));
        assertEquals(refused.toString(), 409, refused.status);
        assertEquals("LEVEL_IN_USE", refused.code());
        assertEquals(204, call("DELETE", "/levels/" + gold + "?moveTo=" + silver, null, bearer(HQ_ADMIN)).status);
        assertEquals(silver, get(m).get("levelId").asLong());
        // A raised threshold never takes a level away (only upgrades follow a rule change).
        Answer raised = call("PUT", "/levels/" + silver, "{\"threshold\":5000}", bearer(HQ_ADMIN));
        assertEquals(raised.toString(), 200, raised.status);
        assertEquals(silver, get(m).get("levelId").asLong());
    }

    @Test
    public void theYearlyReviewMovesAQuietMemberDownOnceAndTheNextSaleDoesNotMoveThemStraightBack() throws Exception {
        long diamond = level("钻石会员", 800_000, "0.90");
        long black = level("黑钻会员", 900_000, "0.85");
        long m = member(bearer(HQ_ADMIN));
        grant(m, 900_000, "review-1");
        assertEquals(black, get(m).get("levelId").asLong());
        // A quiet year: 850,000 of the experience came since the last review.
        assertEquals(1, sql("UPDATE MBR_MEMBER SET PERIOD_EXPERIENCE = 850000 WHERE ID = " + m));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        org.osgi.service.cm.Configuration members = configs.getConfiguration("io.tessera.members", "?");
        Dictionary<String, Object> before = members.getProperties();
        Dictionary<String, Object> yearly = new Hashtable<>();
        for (String k : Collections.list(before.keys())) {
            yearly.put(k, before.get(k));
        }
        yearly.put("levels.review", "YEARLY");
        yearly.put("levels.reviewOn", String.format("%02d-%02d", today.getMonthValue(), today.getDayOfMonth()));
        members.update(yearly);
        try {
            awaitUnrecorded("the review of the year", 60, () -> withConnectionQuietly("SELECT COUNT(*) FROM MBR_LEVEL_REVIEW WHERE REVIEW_YEAR = "
                    + today.getYear()).equals("1"));
            JsonNode reviewed = get(m);
            assertEquals(diamond, reviewed.get("levelId").asLong());
            assertEquals("the experience stays", 900_000, reviewed.get("experience").asLong());
            // Through the new year levels follow the period's experience: 60,000 is not 900,000.
            grant(m, 60_000, "review-2");
            assertEquals(diamond, get(m).get("levelId").asLong());
            assertEquals(1, Integer.parseInt(withConnectionQuietly("SELECT COUNT(*) FROM MBR_LEVEL_REVIEW")));
        } finally {
            yearly.put("levels.review", "NONE");
            members.update(yearly);
        }
    }

    @Test
    public void aSaleGivesExperienceAndItsRefundTakesItsShareBackWithoutADowngrade() {
        String clerk = bearer(CLERK_103);
        long store = storeId("103");
        long m = member(clerk);
        Answer order = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"EXP-" + System.nanoTime() + "\",\"memberId\":" + m
                + ",\"payWith\":[\"CASH\"],\"lines\":[{\"sku\":\"E1\",\"name\":\"体检套餐\",\"quantity\":2,\"unitPrice\":617.28}]}", clerk, key());
        assertEquals(order.toString(), 201, order.status);
        String no = order.json.get("orderNo").asText();
        String payable = order.json.get("payable").asText();
        assertEquals(201, call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":" + payable + "}]}",
                clerk, key()).status);
        long expected = new java.math.BigDecimal(payable).longValue();
        awaitUnrecorded("experience from the sale", 30, () -> get(m).get("experience").asLong() == expected);
        long levelAfterSale = get(m).path("levelId").asLong(-1);
        // Half back: ⌊experience × refunded / paid⌋ taken back, the level kept.
        assertEquals(201, call("POST", "/orders/" + no + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", clerk, key()).status);
        awaitUnrecorded("experience taken back", 30, () -> get(m).get("experience").asLong() == expected - expected / 2);
        assertEquals(levelAfterSale, get(m).path("levelId").asLong(-1));
        assertEquals(201, call("POST", "/orders/" + no + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", clerk, key()).status);
        awaitUnrecorded("all of it taken back", 30, () -> get(m).get("experience").asLong() == 0);
    }

    @Test
    public void returningACardErasesPersonalDataAfterConfirmation() {
        String manager = bearer(MANAGER_103);
        long m = member(manager);
        String phone = get(m).get("phone").asText();

        Answer unconfirmed = call("POST", "/members/" + m + "/return-card", "{\"reason\":\"moving away\"}", manager);
        assertEquals(unconfirmed.toString(), 400, unconfirmed.status);
        assertEquals("confirm", unconfirmed.field());
        assertEquals(phone, get(m).get("phone").asText());

        Answer longReason = call("POST", "/members/" + m + "/return-card", "{\"confirm\":true,\"reason\":\"" + "长".repeat(501) + "\"}", manager);
        assertEquals(400, longReason.status);
        assertEquals("reason", longReason.field());

        Answer returned = call("POST", "/members/" + m + "/return-card", "{\"confirm\":true,\"reason\":\"moving away\"}", manager);
        assertEquals(returned.toString(), 200, returned.status);
        JsonNode erased = get(m);
        assertEquals("RETURNED", erased.get("status").asText());
        assertFalse(erased.has("phone"));
        assertFalse(erased.has("name"));
        assertTrue(erased.get("memberNo").asText().startsWith("M"));
        assertEquals(404, call("GET", "/members/by-phone/" + phone, null, manager).status);
        Answer again = call("POST", "/members/" + m + "/return-card", "{\"confirm\":true}", manager);
        assertEquals(again.toString(), 422, again.status);
        assertEquals("MEMBER_RETURNED", again.code());
        // The phone is free for a new registration.
        Answer fresh = call("POST", "/members", "{\"phone\":\"" + phone + "\",\"name\":\"新会员\",\"storeId\":" + storeId("103") + "}", manager);
        assertEquals(fresh.toString(), 201, fresh.status);
    }

    @Test
    public void profileEditIsAuditedAndValidated() {
        String clerk = bearer(CLERK_103);
        long m = member(clerk);
        Answer edited = call("PATCH", "/members/" + m, "{\"name\":\"王五五\",\"birthday\":\"1985-02-03\"}", clerk);
        assertEquals(edited.toString(), 200, edited.status);
        assertEquals("王五五", edited.json.get("name").asText());
        assertEquals("1985-02-03", edited.json.get("birthday").asText());
        Answer future = call("PATCH", "/members/" + m, "{\"birthday\":\"2999-01-01\"}", clerk);
        assertEquals(400, future.status);
        assertEquals("birthday", future.field());

        List<AuditEntry> trail = audit.recent("member", String.valueOf(m), 10);
        assertEquals("register and one edit; the refused edit left no trace", 2, trail.size());
        AuditEntry edit = trail.get(0);
        assertEquals("member.update", edit.getAction());
        assertEquals("operator:E10301", edit.getActor());
        assertTrue(edit.getBefore(), edit.getBefore().contains("\"name\":\"王五\""));
        assertTrue(edit.getAfter(), edit.getAfter().contains("\"name\":\"王五五\""));
        assertFalse("no full phone in the audit trail", edit.getAfter().matches(".*\\d{11}.*"));
    }
}
