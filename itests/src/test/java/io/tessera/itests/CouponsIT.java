package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** Coupons through real checkouts: each kind's money per line, a coupon that covers an order, claims under load, two tills, refunds. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CouponsIT extends TesseraTestSupport {

    private static final String ALL_KINDS = "\"stackKinds\":[\"EXCHANGE\",\"SINGLE_ITEM\",\"THRESHOLD\",\"CASH\",\"DISCOUNT\"]";

    @Before
    public void ready() {
        awaitReady();
    }

    /** A new active template of HQ; {@code terms} are its kind's fields (JSON members, no braces). */
    private long template(String name, String terms) {
        String hq = bearer(HQ_ADMIN);
        Answer t = call("POST", "/coupons/templates", "{\"name\":\"" + name + "\"," + terms
                + ",\"validity\":\"RELATIVE\",\"validDays\":30}", hq);
        assertEquals(t.toString(), 201, t.status);
        assertEquals("DRAFT", t.json.get("status").asText());
        long id = t.json.get("id").asLong();
        Answer active = call("POST", "/coupons/templates/" + id + "/activate", null, hq);
        assertEquals(active.toString(), 200, active.status);
        return id;
    }

    private String claim(long template, long member) {
        Answer c = call("POST", "/coupons", "{\"templateId\":" + template + ",\"memberId\":" + member + "}", bearer(CLERK_103), key());
        assertEquals(c.toString(), 201, c.status);
        assertEquals("AVAILABLE", c.json.get("state").asText());
        return c.json.get("no").asText();
    }

    private static String order(long store, long member, String lines, String... coupons) {
        StringBuilder d = new StringBuilder();
        for (String c : coupons) {
            d.append(d.length() == 0 ? "" : ",").append("{\"source\":\"COUPON\",\"reference\":\"").append(c).append("\"}");
        }
        return "{\"storeId\":" + store + ",\"posOrderNo\":\"CPN-" + System.nanoTime() + "\",\"memberId\":" + member + ",\"lines\":[" + lines
                + "],\"payWith\":[\"CASH\"],\"discounts\":[" + d + "]}";
    }

    private Answer payCash(String orderNo, String amount) {
        String tenders = amount.equals("0.00") ? "[]" : "[{\"method\":\"CASH\",\"amount\":" + amount + "}]";
        return call("POST", "/orders/" + orderNo + "/payments", "{\"tenders\":" + tenders + "}", bearer(CLERK_103), key());
    }

    private String state(String couponNo) {
        Answer c = call("GET", "/coupons/" + couponNo, null, bearer(CLERK_103));
        assertEquals(c.toString(), 200, c.status);
        return c.json.get("state").asText();
    }

    private static List<String> payables(JsonNode order) {
        return java.util.stream.StreamSupport.stream(order.get("lines").spliterator(), false).map(l -> l.get("payable").asText()).toList();
    }

    @Test
    public void aCouponLargerThanTheOrderMakesItZeroAndAFullRefundGivesItBack() {
        long store = storeId("103");
        long m = member(store);
        String no = claim(template("十元代金券", "\"kind\":\"CASH\",\"value\":10.00"), m);
        String body = order(store, m, "{\"sku\":\"X\",\"name\":\"棉签\",\"quantity\":1,\"unitPrice\":8.00}", no);
        Map<String, String> createKey = key();
        Answer created = call("POST", "/orders", body, bearer(CLERK_103), createKey);
        assertEquals(created.toString(), 201, created.status);
        assertEquals("a retry answers the first order, though its coupon is now held by it", created.json,
                call("POST", "/orders", body, bearer(CLERK_103), createKey).json);
        assertEquals("the same POS order again is the same order", created.json.get("orderNo"),
                call("POST", "/orders", body, bearer(CLERK_103), key()).json.get("orderNo"));
        assertEquals("0.00", created.json.get("payable").asText());
        assertEquals("8.00", created.json.at("/discounts/0/amount").asText());
        assertEquals("RESERVED", state(no));
        String orderNo = created.json.get("orderNo").asText();
        Answer paid = payCash(orderNo, "0.00");
        assertEquals(paid.toString(), 201, paid.status);
        assertEquals("USED", state(no));
        Answer refund = call("POST", "/orders/" + orderNo + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", bearer(CLERK_103), key());
        assertEquals(refund.toString(), 201, refund.status);
        assertEquals("RETURNED", refund.json.at("/reversals/0/action").asText());
        assertEquals("AVAILABLE", state(no));
        JsonNode history = call("GET", "/coupons/" + no, null, bearer(CLERK_103)).json.get("history");
        assertEquals("[\"CLAIMED\",\"RESERVED\",\"USED\",\"RETURNED\"]", JSON.valueToTree(
                java.util.stream.StreamSupport.stream(history.spliterator(), false).map(h -> h.get("type").asText()).toList()).toString());
    }

    @Test
    public void aPartialRefundBelowTheThresholdKeepsBackTheDiscountOnWhatIsKeptAndTheLastRefundGivesItBack() {
        long store = storeId("103");
        long m = member(store);
        String no = claim(template("满100减20", "\"kind\":\"THRESHOLD\",\"value\":20.00,\"minSpend\":100.00"), m);
        Answer created = call("POST", "/orders", order(store, m, "{\"sku\":\"A\",\"name\":\"维生素\",\"quantity\":2,\"unitPrice\":30.00},"
                + "{\"sku\":\"B\",\"name\":\"血压计\",\"quantity\":1,\"unitPrice\":50.00}", no), bearer(CLERK_103), key());
        assertEquals(created.toString(), 201, created.status);
        assertEquals("90.00", created.json.get("payable").asText());
        assertEquals(List.of("49.09", "40.91"), payables(created.json));
        String orderNo = created.json.get("orderNo").asText();
        assertEquals(201, payCash(orderNo, "90.00").status);
        Answer first = call("POST", "/orders/" + orderNo + "/refunds", "{\"lines\":[{\"lineNo\":2,\"quantity\":1}]}", bearer(CLERK_103), key());
        assertEquals(first.toString(), 201, first.status);
        assertEquals("the customer keeps 60.00 of goods, below 100.00: A's 10.91 discount is kept back", "30.00", first.json.get("amount").asText());
        assertEquals("CLAWED_BACK", first.json.at("/reversals/0/action").asText());
        assertEquals("-10.91", first.json.at("/reversals/0/adjustment").asText());
        assertEquals("AVAILABLE", state(no));
        Answer oneA = call("POST", "/orders/" + orderNo + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", bearer(CLERK_103), key());
        assertEquals(oneA.toString(), 201, oneA.status);
        assertEquals("24.54, and 5.46 of the 10.91 kept: the A kept owes only its half", "30.00", oneA.json.get("amount").asText());
        assertEquals("GIVEN_BACK", oneA.json.at("/reversals/0/action").asText());
        Answer rest = call("POST", "/orders/" + orderNo + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", bearer(CLERK_103), key());
        assertEquals(rest.toString(), 201, rest.status);
        assertEquals("24.55 and the last 5.45 kept back", "30.00", rest.json.get("amount").asText());
        JsonNode after = call("GET", "/orders/" + orderNo, null, bearer(CLERK_103)).json;
        assertEquals("REFUNDED", after.get("state").asText());
        assertEquals("90.00", after.get("refunded").asText());
    }

    @Test
    public void exchangeSingleItemAndDiscountStackInTheirOrderToTheFenOnEveryLine() {
        long store = storeId("103");
        long m = member(store);
        String exchange = claim(template("口罩兑换券", "\"kind\":\"EXCHANGE\",\"skus\":[\"B\"]," + ALL_KINDS), m);
        String single = claim(template("维生素每件减3元", "\"kind\":\"SINGLE_ITEM\",\"value\":3.00,\"maxUnits\":2,\"skus\":[\"A\"]," + ALL_KINDS), m);
        String discount = claim(template("九折券最多减5元", "\"kind\":\"DISCOUNT\",\"discountRate\":0.9,\"discountCap\":5.00," + ALL_KINDS), m);
        Answer created = call("POST", "/orders", order(store, m, "{\"sku\":\"A\",\"name\":\"维生素\",\"quantity\":3,\"unitPrice\":10.00},"
                + "{\"sku\":\"B\",\"name\":\"口罩\",\"quantity\":1,\"unitPrice\":25.00},{\"sku\":\"C\",\"name\":\"体温计\",\"quantity\":1,\"unitPrice\":40.00}",
                discount, single, exchange), bearer(CLERK_103), key());
        assertEquals(created.toString(), 201, created.status);
        // B free (25.00); A 2 units × 3.00; then 10 % of A 24.00 + C 40.00 = 6.40, capped at 5.00: A 1.87, C 3.13
        assertEquals(List.of("22.13", "0.00", "36.87"), payables(created.json));
        assertEquals("59.00", created.json.get("payable").asText());
        Map<String, String> taken = new HashMap<>();
        for (JsonNode d : created.json.get("discounts")) {
            taken.put(d.get("reference").asText(), d.get("amount").asText());
        }
        assertEquals(Map.of(exchange, "25.00", single, "6.00", discount, "5.00"), taken);
        assertEquals(201, payCash(created.json.get("orderNo").asText(), "59.00").status);
        assertEquals("USED", state(discount));
    }

    @Test
    public void refusalsNameTheirReason() {
        long store = storeId("103");
        long m = member(store);
        long other = member(store);
        String no = claim(template("满50减5", "\"kind\":\"THRESHOLD\",\"value\":5.00,\"minSpend\":50.00"), m);
        String line = "{\"sku\":\"A\",\"name\":\"维生素\",\"quantity\":1,\"unitPrice\":30.00}";
        Answer below = call("POST", "/orders", order(store, m, line, no), bearer(CLERK_103), key());
        assertEquals(below.toString(), "COUPON_BELOW_MINIMUM_SPEND", below.code());
        assertTrue(below.text, below.text.contains("short by 20.00"));
        assertEquals("COUPON_NOT_OWNER", call("POST", "/orders", order(store, other, line, no), bearer(CLERK_103), key()).code());
        String bad = no.substring(0, 17) + ((no.charAt(17) - '0' + 1) % 10);
        assertEquals("COUPON_NO_INVALID", call("POST", "/orders", order(store, m, line, bad), bearer(CLERK_103), key()).code());
        Answer locked = call("PUT", "/coupons/templates/" + call("GET", "/coupons/" + no, null, bearer(HQ_ADMIN)).json.get("templateId").asLong(),
                "{\"name\":\"满50减6\",\"kind\":\"THRESHOLD\",\"value\":6.00,\"minSpend\":50.00,\"validity\":\"RELATIVE\",\"validDays\":30}",
                bearer(HQ_ADMIN));
        assertEquals(locked.toString(), "COUPON_TEMPLATE_LOCKED", locked.code());
        assertEquals("value", locked.field());
    }

    @Test
    public void fiveHundredConcurrentClaimsOnAStockOfOneHundredMakeExactlyOneHundred() throws Exception {
        long store = storeId("103");
        long template = template("限量100张", "\"kind\":\"CASH\",\"value\":1.00,\"stock\":100,\"perMemberLimit\":3");
        long[] members = new long[50];
        for (int i = 0; i < members.length; i++) {
            members[i] = member(store);
        }
        String clerk = bearer(CLERK_103);
        List<Answer> answers = inParallel(500, i -> call("POST", "/coupons", "{\"templateId\":" + template + ",\"memberId\":" + members[i % 50] + "}",
                clerk, key()));
        Map<Long, Integer> perMember = new HashMap<>();
        int issued = 0;
        for (Answer a : answers) {
            if (a.status == 201) {
                issued++;
                perMember.merge(a.json.get("memberId").asLong(), 1, Integer::sum);
            } else {
                assertTrue(a.toString(), "COUPON_OUT_OF_STOCK".equals(a.code()) || "COUPON_MEMBER_LIMIT_REACHED".equals(a.code()));
            }
        }
        assertEquals(100, issued);
        assertTrue(perMember.toString(), perMember.values().stream().allMatch(n -> n <= 3));
        assertEquals(100, call("GET", "/coupons/templates/" + template, null, bearer(HQ_ADMIN)).json.get("issued").asLong());
        assertEquals(100, call("GET", "/coupons?templateId=" + template + "&size=1", null, clerk).json.get("total").asLong());
    }

    @Test
    public void oneCouponAtTwoTillsAtOnceGoesToOneOrderAndAnExpiredOneComesBackExpired() throws Exception {
        long store = storeId("103");
        long m = member(store);
        String no = claim(template("五元券", "\"kind\":\"CASH\",\"value\":5.00"), m);
        String clerk = bearer(CLERK_103);
        List<Answer> tills = inParallel(2, i -> call("POST", "/orders", order(store, m, "{\"sku\":\"A\",\"name\":\"维生素\",\"quantity\":1,\"unitPrice\":20.00}",
                no), clerk, key()));
        Answer won = tills.get(0).status == 201 ? tills.get(0) : tills.get(1);
        Answer lost = tills.get(0).status == 201 ? tills.get(1) : tills.get(0);
        assertEquals(tills.toString(), 201, won.status);
        assertEquals(lost.toString(), 409, lost.status);
        assertEquals("COUPON_ALREADY_RESERVED", lost.code());
        String orderNo = won.json.get("orderNo").asText();
        assertEquals(201, payCash(orderNo, "15.00").status);
        assertEquals(1, sqlUnchecked("UPDATE CPN_COUPON SET VALID_TO = {d '2020-01-01'} WHERE COUPON_NO = '" + no + "'"));
        Answer refund = call("POST", "/orders/" + orderNo + "/refunds", "{\"amount\":15.00}", clerk, key());
        assertEquals(refund.toString(), 201, refund.status);
        assertEquals("EXPIRED", state(no));
    }

    @Test
    public void recordsStatisticsAndTheirExportAnswerTheBackOffice() throws Exception {
        long store = storeId("103");
        long m = member(store);
        String hq = bearer(HQ_ADMIN);
        String name = "记录券" + System.nanoTime();
        long t = template(name, "\"kind\":\"CASH\",\"value\":3.00");
        String used = claim(t, m);
        claim(t, m);
        Answer created = call("POST", "/orders", order(store, m, "{\"sku\":\"A\",\"name\":\"维生素\",\"quantity\":1,\"unitPrice\":10.00}", used),
                bearer(CLERK_103), key());
        String orderNo = created.json.get("orderNo").asText();
        assertEquals(201, payCash(orderNo, "7.00").status);
        JsonNode[] record = new JsonNode[1];
        await("the redemption record with its payment method", 30, () -> {
            Answer a = call("GET", "/coupons/records/redemptions?couponNo=" + used, null, hq);
            record[0] = a.json;
            return a.status == 200 && a.json.get("total").asLong() == 1 && "CASH".equals(a.json.at("/items/0/payMethod").asText());
        });
        JsonNode r = record[0].at("/items/0");
        assertEquals(name, r.get("templateName").asText());
        assertEquals("测试会员", r.get("memberName").asText());
        assertEquals("CASH", r.get("kind").asText());
        assertEquals("POS", r.get("source").asText());
        assertEquals(orderNo, r.get("orderNo").asText());
        assertEquals("3.00", r.get("discount").asText());
        assertTrue(r.toString(), r.get("storeName").asText().length() > 0);
        assertEquals(1, call("GET", "/coupons/records/redemptions?templateName=" + java.net.URLEncoder.encode(name, "UTF-8")
                + "&payMethod=CASH&source=POS&kind=CASH&storeId=" + store, null, hq).json.get("total").asLong());
        assertEquals(0, call("GET", "/coupons/records/redemptions?templateId=" + t + "&payMethod=WECHAT", null, hq).json.get("total").asLong());
        assertEquals(2, call("GET", "/coupons/records/claims?templateId=" + t, null, hq).json.get("total").asLong());
        assertEquals("FIELD_INVALID", call("GET", "/coupons/records/redemptions?payMethod=BITCOIN", null, hq).code());

        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        await("the month's statistics", 30, () -> {
            Answer a = call("GET", "/coupons/stats?from=" + month + "&to=" + month + "&templateId=" + t, null, hq);
            return a.status == 200 && a.json.size() == 1 && a.json.at("/0/claimed").asLong() == 2 && a.json.at("/0/redeemed").asLong() == 1
                    && "3.00".equals(a.json.at("/0/discount").asText());
        });
        Answer perTemplate = call("GET", "/coupons/stats?from=" + month + "&to=" + month + "&perTemplate=true", null, hq);
        assertTrue(perTemplate.text, perTemplate.text.contains("\"templateName\":\"" + name + "\""));
        assertEquals("RANGE_INVALID", call("GET", "/coupons/stats?from=2020-01&to=2030-12", null, hq).code());
        assertEquals("FIELD_INVALID", call("GET", "/coupons/stats?from=2026-13&to=2026-12", null, hq).code());

        for (String format : List.of("csv", "xlsx")) {
            Answer export = call("POST", "/coupons/records/redemptions/export?format=" + format + "&templateId=" + t, null, hq);
            assertEquals(export.toString(), 202, export.status);
            JsonNode job = awaitJob(export.json.get("id").asLong(), hq);
            assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
            byte[] file = download("/jobs/" + job.get("id").asLong() + "/result", hq).body();
            if (format.equals("csv")) {
                String text = new String(file, java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(text, text.startsWith("\uFEFF模板ID,模板名称,核销门店,会员姓名,券类型,支付方式,核销来源,订单号,券号,优惠金额,核销时间"));
                assertTrue(text, text.contains(orderNo + "," + used + ",3.00,"));
            } else {
                assertTrue("an XLSX file is a zip", file.length > 100 && file[0] == 'P' && file[1] == 'K');
            }
        }
        assertEquals("FIELD_INVALID", call("POST", "/coupons/records/redemptions/export?format=pdf", null, hq).code());
    }

    @Test
    public void sendingGiftingAndSoap() throws Exception {
        long store = storeId("103");
        long a = member(store);
        long b = member(store);
        String hq = bearer(HQ_ADMIN);
        long t = template("定向赠送券", "\"kind\":\"CASH\",\"value\":2.00,\"giftable\":true,\"perMemberLimit\":1");
        Map<String, String> sendKey = key();
        Answer sent = call("POST", "/coupons/sends", "{\"templateId\":" + t + ",\"memberIds\":[" + a + "," + b + "]}", hq, sendKey);
        assertEquals(sent.toString(), 201, sent.status);
        assertEquals(2, sent.json.get("sent").size());
        Answer again = call("POST", "/coupons/sends", "{\"templateId\":" + t + ",\"memberIds\":[" + a + "," + b + "]}", hq, sendKey);
        assertEquals("a retry sends nobody a second coupon", sent.json.at("/sent/0/no").asText(), again.json.at("/sent/0/no").asText());
        Answer more = call("POST", "/coupons/sends", "{\"templateId\":" + t + ",\"memberIds\":[" + a + "]}", hq, key());
        assertEquals("COUPON_MEMBER_LIMIT_REACHED", more.json.at("/refused/0/code").asText());
        assertEquals("COUPON_SEND_INVALID", call("POST", "/coupons/sends", "{\"templateId\":" + t + "}", hq, key()).code());

        long everyone = template("全员券", "\"kind\":\"CASH\",\"value\":1.00");
        Answer segment = call("POST", "/coupons/sends", "{\"templateId\":" + everyone + ",\"registeredStoreId\":" + store + "}", hq, key());
        assertEquals(segment.toString(), 202, segment.status);
        JsonNode job = awaitJob(segment.json.at("/job/id").asLong(), hq);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        assertTrue(job.toString(), job.at("/counters/sent").asLong() >= 2);
        assertEquals(job.at("/counters/sent").asLong(), call("GET", "/coupons?templateId=" + everyone + "&size=1", null, hq).json.get("total").asLong());

        String no = sent.json.at("/sent/0/no").asText();
        long owner = sent.json.at("/sent/0/memberId").asLong();
        long other = owner == a ? b : a;
        Answer gift = call("POST", "/coupons/" + no + "/gift", "{\"fromMemberId\":" + owner + ",\"toMemberId\":" + other + "}", bearer(CLERK_103), key());
        assertEquals(gift.toString(), 200, gift.status);
        assertEquals(other, gift.json.get("memberId").asLong());
        assertTrue(gift.json.get("gifted").asBoolean());
        assertEquals("COUPON_NOT_OWNER", call("POST", "/coupons/" + no + "/gift", "{\"fromMemberId\":" + owner + ",\"toMemberId\":" + other + "}",
                bearer(CLERK_103), key()).code());
        String plain = claim(everyone, member(store));
        assertEquals("COUPON_NOT_GIFTABLE", call("POST", "/coupons/" + plain + "/gift", "{\"fromMemberId\":"
                + call("GET", "/coupons/" + plain, null, hq).json.get("memberId").asLong() + ",\"toMemberId\":" + a + "}", bearer(CLERK_103), key()).code());

        Answer soapClaim = soap("coupons", "<c:claimCoupon xmlns:c=\"urn:tessera:coupons\"><claim><templateId>" + everyone + "</templateId><memberId>"
                + b + "</memberId></claim><requestId>soap-" + System.nanoTime() + "</requestId></c:claimCoupon>", bearer(CLERK_103));
        assertEquals(soapClaim.toString(), 200, soapClaim.status);
        assertTrue(soapClaim.text, soapClaim.text.contains("<state>AVAILABLE</state>"));
        Answer fault = soap("coupons", "<c:getCoupon xmlns:c=\"urn:tessera:coupons\"><couponNo>123</couponNo></c:getCoupon>", bearer(CLERK_103));
        assertEquals(500, fault.status);
        assertTrue(fault.text, fault.text.contains("COUPON_NO_INVALID"));

        String voidBody = "{\"reason\":\"活动结束\"}";
        assertEquals("COUPON_TEMPLATE_STATE_INVALID", call("POST", "/coupons/templates/" + everyone + "/void-coupons", voidBody, hq).code());
        assertEquals(200, call("POST", "/coupons/templates/" + everyone + "/stop", null, hq).status);
        assertEquals("a stopped template makes no new coupons", "COUPON_TEMPLATE_NOT_ACTIVE", call("POST", "/coupons", "{\"templateId\":"
                + everyone + ",\"memberId\":" + a + "}", bearer(CLERK_103), key()).code());
        Answer voiding = call("POST", "/coupons/templates/" + everyone + "/void-coupons", voidBody, hq);
        assertEquals(voiding.toString(), 202, voiding.status);
        assertEquals("SUCCEEDED", awaitJob(voiding.json.get("id").asLong(), hq).get("status").asText());
        assertEquals(0, call("GET", "/coupons?templateId=" + everyone + "&state=AVAILABLE&size=1", null, hq).json.get("total").asLong());
        assertEquals("VOID", state(plain));
    }

    private int sqlUnchecked(String statement) {
        try {
            return sql(statement);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
