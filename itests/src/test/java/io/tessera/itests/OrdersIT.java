package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** Orders over REST: pricing with the level discount, tenders, refunds by units and by amount, retries, refusals. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OrdersIT extends TesseraTestSupport {

    @Before
    public void ready() {
        awaitReady();
        await("the orders API", 60, () -> call("GET", "/orders", null, null).status == 401);
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private Answer create(String body, String token, Map<String, String> key) {
        return call("POST", "/orders", body, token, key);
    }

    private static String order(long store, Long member, String lines, String payWith) {
        return "{\"storeId\":" + store + ",\"posOrderNo\":\"POS-" + System.nanoTime() + "\"" + (member == null ? "" : ",\"memberId\":" + member)
                + ",\"lines\":[" + lines + "],\"payWith\":[" + payWith + "]}";
    }

    private JsonNode walletTotal(long member) {
        Answer a = call("GET", "/wallets/accounts?memberId=" + member, null, bearer(HQ_ADMIN));
        assertEquals(a.toString(), 200, a.status);
        return a.json.get(0).get("total");
    }

    private static void assertLinesAddUp(JsonNode order) {
        BigDecimal payable = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        for (JsonNode l : order.get("lines")) {
            payable = payable.add(dec(l.get("payable")));
            discount = discount.add(dec(l.get("discount")));
            assertEquals(dec(l.get("amount")).subtract(dec(l.get("discount"))), dec(l.get("payable")));
        }
        assertEquals(order.toString(), dec(order.get("payable")), payable);
        assertEquals(order.toString(), dec(order.get("discount")), discount);
    }

    @Test
    public void aMemberPaysWithTheLevelDiscountAndGetsEveryFenBackUnitByUnit() throws Exception {
        String hq = bearer(HQ_ADMIN);
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        Answer level = call("POST", "/levels", "{\"name\":\"九折\",\"threshold\":0,\"discountRate\":0.90}", hq);
        assertTrue(level.toString(), level.status == 201 || "LEVEL_EXISTS".equals(level.code()));
        long m = member(store);
        assertEquals(201, call("POST", "/wallets/recharges", "{\"memberId\":" + m + ",\"storeId\":" + store
                + ",\"amount\":100.00,\"method\":\"CASH\"}", cashier, key()).status);
        Map<String, String> createKey = key();
        String body = order(store, m, "{\"sku\":\"A\",\"name\":\"维生素C\",\"quantity\":2,\"unitPrice\":12.34},"
                + "{\"sku\":\"B\",\"name\":\"口罩\",\"quantity\":1,\"unitPrice\":10.00,\"amount\":10.00}", "\"MEMBER\"");
        Answer created = create(body, cashier, createKey);
        assertEquals(created.toString(), 201, created.status);
        JsonNode o = created.json;
        assertEquals("34.68", o.get("gross").asText());
        assertEquals("31.21", o.get("payable").asText()); // 34.68 × 0.90 = 31.212, half up
        assertEquals("LEVEL", o.at("/discounts/0/source").asText());
        assertLinesAddUp(o);
        assertEquals("the same POS order again is the same order", o.get("orderNo").asText(),
                create(body, cashier, key()).json.get("orderNo").asText());
        Answer conflict = create(body.replace("\"quantity\":2", "\"quantity\":3"), cashier, key());
        assertEquals(conflict.toString(), 409, conflict.status);
        assertEquals("ORDER_NO_CONFLICT", conflict.code());

        String no = o.get("orderNo").asText();
        Answer wrongTender = call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":31.21}]}", cashier, key());
        assertEquals(wrongTender.toString(), 422, wrongTender.status);
        assertEquals("TENDERS_NOT_AS_PRICED", wrongTender.code());
        Answer short_ = call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"MEMBER\",\"amount\":31.20}]}", cashier, key());
        assertEquals("TENDERS_MISMATCH", short_.code());
        Map<String, String> payKey = key();
        Answer paid = call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"MEMBER\",\"amount\":31.21}]}", cashier, payKey);
        assertEquals(paid.toString(), 201, paid.status);
        assertEquals("PAID", paid.json.get("state").asText());
        assertEquals("68.79", walletTotal(m).asText());
        Answer again = call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"MEMBER\",\"amount\":31.21}]}", cashier, payKey);
        assertEquals("a retry answers the first result", paid.json, again.json);
        assertEquals("and moves nothing again", "68.79", walletTotal(m).asText());
        assertEquals("ORDER_NOT_PAYABLE", call("POST", "/orders/" + no + "/payments",
                "{\"tenders\":[{\"method\":\"MEMBER\",\"amount\":31.21}]}", cashier, key()).code());

        BigDecimal lineA = dec(paid.json.at("/lines/0/payable"));
        Answer one = call("POST", "/orders/" + no + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}],\"reason\":\"退一件\"}", cashier, key());
        assertEquals(one.toString(), 201, one.status);
        BigDecimal first = lineA.movePointRight(2).divideToIntegralValue(BigDecimal.valueOf(2)).movePointLeft(2);
        assertEquals(0, first.compareTo(dec(one.json.get("amount"))));
        assertEquals("MEMBER", one.json.at("/tenders/0/method").asText());
        Answer tooMany = call("POST", "/orders/" + no + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":2}]}", cashier, key());
        assertEquals("REFUND_QUANTITY_EXCEEDED", tooMany.code());
        Answer rest = call("POST", "/orders/" + no + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1},{\"lineNo\":2,\"quantity\":1}]}",
                cashier, key());
        assertEquals(rest.toString(), 201, rest.status);
        JsonNode after = call("GET", "/orders/" + no, null, cashier).json;
        assertEquals("REFUNDED", after.get("state").asText());
        assertEquals("31.21", after.get("refunded").asText());
        assertEquals("every fen back", "100.00", walletTotal(m).asText());
        assertEquals(2, call("GET", "/orders/" + no + "/refunds", null, cashier).json.size());
        assertEquals("ORDER_NOT_REFUNDABLE", call("POST", "/orders/" + no + "/refunds", "{\"amount\":0.01}", cashier, key()).code());
    }

    @Test
    public void cashWithChangeAndABankCardSplitARefundInProportion() {
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        Answer created = create(order(store, null, "{\"sku\":\"C\",\"name\":\"血压计\",\"quantity\":1,\"unitPrice\":100.00}", ""), cashier, key());
        assertEquals(created.toString(), 201, created.status);
        assertEquals("no level discount for a guest", "100.00", created.json.get("payable").asText());
        String no = created.json.get("orderNo").asText();
        Answer noRef = call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"POS_CARD\",\"amount\":100.00}]}", cashier, key());
        assertEquals("tenders[0].terminalRef", noRef.field());
        Answer paid = call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":60.00,\"cashReceived\":100.00},"
                + "{\"method\":\"POS_CARD\",\"amount\":40.00,\"terminalRef\":\"T-778\"}]}", cashier, key());
        assertEquals(paid.toString(), 201, paid.status);
        assertEquals("CASH", paid.json.at("/tenders/0/method").asText());
        assertEquals("40.00", paid.json.at("/tenders/0/change").asText());
        Answer refund = call("POST", "/orders/" + no + "/refunds", "{\"amount\":50.00}", cashier, key());
        assertEquals(refund.toString(), 201, refund.status);
        assertEquals("30.00", refund.json.at("/tenders/0/amount").asText());
        assertEquals("20.00", refund.json.at("/tenders/1/amount").asText());
        assertEquals("PARTIALLY_REFUNDED", call("GET", "/orders/" + no, null, cashier).json.get("state").asText());
        Answer wechat = create(order(store, null, "{\"sku\":\"D\",\"name\":\"x\",\"quantity\":1,\"unitPrice\":1.00}", ""), cashier, key());
        Answer channel = call("POST", "/orders/" + wechat.json.get("orderNo").asText() + "/payments",
                "{\"tenders\":[{\"method\":\"WECHAT\",\"amount\":1.00}]}", cashier, key());
        assertEquals(channel.toString(), 503, channel.status);
        assertEquals("CHANNEL_NOT_AVAILABLE", channel.code());
        assertEquals("another store's clerk does not see the order", 404, call("GET", "/orders/" + no, null, bearer(CLERK_101)).status);
    }

    @Test
    public void concurrentPartialRefundsNeverExceedThePayment() throws Exception {
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        String no = create(order(store, null, "{\"sku\":\"E\",\"name\":\"药品\",\"quantity\":4,\"unitPrice\":25.00}", ""), cashier, key())
                .json.get("orderNo").asText();
        assertEquals(201, call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":100.00}]}", cashier, key()).status);
        List<Answer> answers = inParallel(10, i -> call("POST", "/orders/" + no + "/refunds", "{\"amount\":15.00}", cashier, key()));
        long ok = answers.stream().filter(a -> a.status == 201).count();
        assertEquals(answers.toString(), 6, ok);
        for (Answer a : answers) {
            if (a.status != 201) {
                assertEquals(a.toString(), "ORDER_REFUND_EXCEEDS_PAID", a.code());
            }
        }
        JsonNode o = call("GET", "/orders/" + no, null, cashier).json;
        assertEquals("90.00", o.get("refunded").asText());
        assertEquals("90.00", o.at("/tenders/0/refunded").asText());
        BigDecimal lines = BigDecimal.ZERO;
        for (JsonNode l : o.get("lines")) {
            lines = lines.add(dec(l.get("refunded")));
        }
        assertEquals("90.00", lines.toPlainString());
    }

    @Test
    public void aFreeOrderCompletesWithNoTenderAndAClosedOrderCannotBePaid() {
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        String free = create(order(store, null, "{\"sku\":\"G\",\"name\":\"赠品\",\"quantity\":1,\"unitPrice\":0.00}", ""), cashier, key())
                .json.get("orderNo").asText();
        Answer paid = call("POST", "/orders/" + free + "/payments", "{\"tenders\":[]}", cashier, key());
        assertEquals(paid.toString(), 201, paid.status);
        assertEquals("PAID", paid.json.get("state").asText());
        Answer back = call("POST", "/orders/" + free + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", cashier, key());
        assertEquals(back.toString(), 201, back.status);
        assertEquals("REFUNDED", call("GET", "/orders/" + free, null, cashier).json.get("state").asText());

        String no = create(order(store, null, "{\"sku\":\"H\",\"name\":\"x\",\"quantity\":1,\"unitPrice\":5.00}", ""), cashier, key())
                .json.get("orderNo").asText();
        Answer closed = call("POST", "/orders/" + no + "/close", "{\"reason\":\"顾客取消\"}", cashier, key());
        assertEquals(closed.toString(), 200, closed.status);
        assertEquals("CLOSED", closed.json.get("state").asText());
        assertEquals("ORDER_NOT_PAYABLE", call("POST", "/orders/" + no + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":5.00}]}",
                cashier, key()).code());
        Answer listed = call("GET", "/orders?state=CLOSED&storeId=" + store, null, cashier);
        assertEquals(listed.toString(), 200, listed.status);
        assertTrue(listed.json.get("total").asLong() >= 1);
        Answer badLine = create(order(store, null, "{\"sku\":\"I\",\"name\":\"x\",\"quantity\":2,\"unitPrice\":5.00,\"amount\":9.99}", ""), cashier, key());
        assertEquals("LINE_AMOUNT_MISMATCH", badLine.code());
        assertEquals("lines[0].amount", badLine.field());
        Answer noLines = create("{\"storeId\":" + store + ",\"posOrderNo\":\"P1\",\"lines\":[]}", cashier, key());
        assertEquals("ORDER_LINES_INVALID", noLines.code());
        assertEquals(400, create(order(store, null, "{\"sku\":\"J\",\"name\":\"x\",\"quantity\":1.5,\"unitPrice\":5.00}", ""), cashier, key()).status);
    }

    @Test
    public void anOrderOverSoapWithRequestIds() {
        String cashier = bearer(CLERK_103);
        long store = storeId("103");
        String create = "<p:createOrder xmlns:p=\"urn:tessera:payments\"><order><storeId>" + store + "</storeId><posOrderNo>SOAP-"
                + System.nanoTime() + "</posOrderNo><lines><sku>K</sku><name>体温计</name><quantity>2</quantity><unitPrice>12.50</unitPrice>"
                + "</lines></order><requestId>soap-o-" + System.nanoTime() + "</requestId></p:createOrder>";
        Answer created = soap("payments", create, cashier);
        assertEquals(created.toString(), 200, created.status);
        assertTrue(created.text, created.text.contains("<payable>25.00</payable>"));
        assertEquals("a retry with the same requestId answers the same", created.text, soap("payments", create, cashier).text);
        String no = created.text.replaceAll("(?s).*<orderNo>([^<]+)</orderNo>.*", "$1");
        Answer paid = soap("payments", "<p:payOrder xmlns:p=\"urn:tessera:payments\"><orderNo>" + no + "</orderNo><payment><tenders>"
                + "<method>CASH</method><amount>25.00</amount><cashReceived>30.00</cashReceived></tenders></payment><requestId>soap-p-" + no
                + "</requestId></p:payOrder>", cashier);
        assertTrue(paid.text, paid.text.contains("<state>PAID</state>") && paid.text.contains("<change>5.00</change>"));
        Answer noKey = soap("payments", "<p:refundOrder xmlns:p=\"urn:tessera:payments\"><orderNo>" + no + "</orderNo><refund><amount>1.00</amount>"
                + "</refund></p:refundOrder>", cashier);
        assertTrue(noKey.text, noKey.text.contains("<tessera:code>IDEMPOTENCY_KEY_REQUIRED</tessera:code>"));
        Answer got = soap("payments", "<p:getOrder xmlns:p=\"urn:tessera:payments\"><orderNo>" + no + "</orderNo></p:getOrder>", cashier);
        assertTrue(got.text, got.text.contains("<state>PAID</state>"));
        assertTrue(getRaw("/soap/payments?wsdl", cashier).text.contains("refundOrder"));
    }
}
