package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

/**
 * The WeChat Pay and Alipay channels against their local simulators (each a small HTTP server speaking the
 * channel's protocol with its own keys, installed beside Tessera for this test): split tenders, signed
 * notifications applied once whatever their repetition and order, forged or wrong ones refused, timeouts
 * resolved by the query, recharges credited once, concurrent refunds, and a channel feature uninstalled and
 * installed again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ChannelsIT extends TesseraTestSupport {

    private static Sims.Pair sims;

    @Inject
    private ConfigurationAdmin configs;

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(OptionUtils.combine(super.config(), Sims.options()),
                // Ask the channels about undecided payments every 2 s (each is still first asked 10 s after it started).
                editConfigurationFilePut("etc/io.tessera.scheduler.cfg", "payments.channels.check.interval", "PT2S"));
    }

    @Before
    public void ready() throws Exception {
        awaitReady();
        if (sims == null) {
            sims = Sims.startConfigured(Files.createTempDirectory("tessera-sims").toFile(), configs, base());
        }
        awaitChannels(sims);
    }

    private String order(long store, Long member, String amount, String kind, String payWith) {
        String body = "{\"storeId\":" + store + ",\"posOrderNo\":\"POS-" + System.nanoTime() + "\"" + (member == null ? "" : ",\"memberId\":" + member)
                + (kind == null ? "" : ",\"kind\":\"" + kind + "\"")
                + ",\"lines\":[{\"sku\":\"A\",\"name\":\"维生素\",\"quantity\":1,\"unitPrice\":" + amount + "}],\"payWith\":[" + payWith + "]}";
        Answer a = call("POST", "/orders", body, bearer(CLERK_103), key());
        assertEquals(a.toString(), 201, a.status);
        return a.json.get("orderNo").asText();
    }

    private Answer pay(String orderNo, String tenders) {
        return call("POST", "/orders/" + orderNo + "/payments", "{\"tenders\":[" + tenders + "]}", bearer(CLERK_103), key());
    }

    private JsonNode order(String orderNo) {
        Answer a = call("GET", "/orders/" + orderNo, null, bearer(CLERK_103));
        assertEquals(a.toString(), 200, a.status);
        return a.json;
    }

    private JsonNode account(long member) {
        Answer a = call("GET", "/wallets/accounts?memberId=" + member, null, bearer(HQ_ADMIN));
        assertEquals(a.toString(), 200, a.status);
        return a.json.get(0);
    }

    private long fundedMember(long store, String amount) {
        long m = member(store);
        assertEquals(201, call("POST", "/wallets/recharges", "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"amount\":" + amount
                + ",\"method\":\"CASH\"}", bearer(CLERK_103), key()).status);
        return m;
    }

    private long paidEvents(String orderNo) throws Exception {
        return withConnection(c -> {
            try (var st = c.prepareStatement("SELECT COUNT(*) FROM PLT_EVENT WHERE TOPIC = 'payments.order_paid' AND AGGREGATE = ?")) {
                st.setString(1, "order:" + orderNo);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String channelTender(JsonNode order, String field) {
        for (JsonNode t : order.get("tenders")) {
            if (t.hasNonNull("outTradeNo")) {
                return t.get(field).asText();
            }
        }
        throw new AssertionError("no channel tender in " + order);
    }

    @Test
    public void aCustomerWhoPaysThroughAChannelBecomesAMemberOnceAndTheirNextPaymentIsTheSameMembers() throws Exception {
        long store = storeId("103");
        String hq = bearer(HQ_ADMIN);
        Answer created = call("POST", "/marketing/activities", "{\"type\":\"PAY_TO_JOIN\",\"name\":\"支付即会员\",\"startsAt\":\""
                + OffsetDateTime.now().minusDays(1) + "\",\"endsAt\":\"" + OffsetDateTime.now().plusDays(30) + "\",\"storeIds\":[" + store
                + "],\"budget\":10,\"rewards\":[{\"role\":\"RECIPIENT\",\"kind\":\"POINTS\",\"points\":30}]}", hq);
        assertEquals(created.toString(), 201, created.status);
        long activity = created.json.get("id").asLong();
        assertEquals(200, call("POST", "/marketing/activities/" + activity + "/activate", null, hq).status);
        try {
            for (Sims.Sim s : sims.both()) {
                String payer = s.name() + "-payer-" + System.nanoTime();
                String first = s.authCode();
                s.payer(first, payer);
                String no = order(store, null, "25.00", null, "");
                Answer paid = pay(no, "{\"method\":\"" + s.method() + "\",\"amount\":25.00,\"authCode\":\"" + first + "\"}");
                assertEquals(paid.toString(), 201, paid.status);
                assertEquals("PAID", paid.json.get("state").asText());
                long member = paid.json.get("memberId").asLong();
                JsonNode m = call("GET", "/members/" + member, null, bearer(CLERK_103)).json;
                assertEquals(m.toString(), "PAY", m.get("channel").asText());
                assertTrue(m.toString(), !m.has("phone"));

                String second = s.authCode();
                s.payer(second, payer);
                String again = order(store, null, "8.00", null, "");
                Answer paidAgain = pay(again, "{\"method\":\"" + s.method() + "\",\"amount\":8.00,\"authCode\":\"" + second + "\"}");
                assertEquals(s.name() + ": the same payer is the same member", member, paidAgain.json.get("memberId").asLong());

                await(s.name() + " welcome points", 60, () -> call("GET", "/marketing/rewards?activityId=" + activity + "&memberId=" + member, null, hq)
                        .json.at("/items/0/state").asText().equals("DONE"));
                Answer phone = call("PATCH", "/members/" + member, "{\"phone\":\"" + newPhone() + "\"}", bearer(CLERK_103));
                assertEquals(phone.toString(), 200, phone.status);
                Answer twice = call("PATCH", "/members/" + member, "{\"phone\":\"" + newPhone() + "\"}", bearer(CLERK_103));
                assertEquals(twice.toString(), "MEMBER_PHONE_SET", twice.code());
            }
            assertEquals("one member per payer", 2, call("GET", "/marketing/activities/" + activity, null, hq).json.get("used").asLong());
        } finally {
            call("POST", "/marketing/activities/" + activity + "/end", null, hq);
        }
        // No activity running: a new payer stays no member.
        Sims.Sim s = sims.both().get(0);
        String code = s.authCode();
        s.payer(code, "newcomer-" + System.nanoTime());
        String no = order(store, null, "5.00", null, "");
        Answer paid = pay(no, "{\"method\":\"" + s.method() + "\",\"amount\":5.00,\"authCode\":\"" + code + "\"}");
        assertEquals(paid.toString(), "PAID", paid.json.get("state").asText());
        assertTrue(paid.toString(), !paid.json.has("memberId"));
    }

    @Test
    public void aMemberCardIsPushedSignedAfterEachChangeAndAgainUntilTheReceiverTakesIt() throws Exception {
        long store = storeId("103");
        String hq = bearer(HQ_ADMIN);
        String secret = "card-secret-0123456789";
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        AtomicInteger refuseNext = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ObjectMapper json = new ObjectMapper();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/cards", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("Tessera-Timestamp");
            String expected = "v1=" + hmacHex(secret, timestamp + "." + body);
            int status;
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Tessera-Signature"))) {
                status = 401;
            } else if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused.incrementAndGet();
                status = 503;
            } else {
                received.add(json.readTree(body));
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        org.osgi.service.cm.Configuration webhook = configs.getConfiguration("io.tessera.marketing.webhook", "?");
        try {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/cards");
            props.put("secret", secret);
            webhook.update(props);
            String cardBody = "{\"channel\":\"webhook\",\"name\":\"泰瑟拉会员卡\"}";
            await("the webhook card channel", 60, () -> call("GET", "/marketing/cards", null, hq).json.size() > 0
                    || call("POST", "/marketing/cards", cardBody, hq).status == 201);
            long card = call("GET", "/marketing/cards", null, hq).json.get(0).get("id").asLong();
            Answer second = call("POST", "/marketing/cards", cardBody, hq);
            assertEquals(second.toString(), "CARD_EXISTS", second.code());

            long m = fundedMember(store, "100.00");
            Answer opened = call("POST", "/marketing/cards/" + card + "/members", "{\"memberId\":" + m + "}", bearer(CLERK_103));
            assertEquals(opened.toString(), 201, opened.status);
            assertEquals(1, opened.json.get("version").asLong());
            await("the first push", 60, () -> received.stream().anyMatch(r -> r.get("memberId").asLong() == m));
            JsonNode first = received.stream().filter(r -> r.get("memberId").asLong() == m).findFirst().orElseThrow();
            assertEquals(first.toString(), "100.00", first.get("balance").decimalValue().setScale(2).toPlainString());
            assertEquals("泰瑟拉会员卡", first.get("cardName").asText());
            await("the name locked", 30, () -> call("GET", "/marketing/cards/" + card, null, hq).json.has("firstPushAt"));
            Answer renamed = call("PUT", "/marketing/cards/" + card, "{\"channel\":\"webhook\",\"name\":\"新名字\"}", hq);
            assertEquals(renamed.toString(), "CARD_NAME_LOCKED", renamed.code());
            assertEquals("name", renamed.field());

            // The receiver is down for two tries: the outbox pushes again until it takes the card as it is now.
            // (The card may have been pushed at version 2 already: the funding recharge's event can reach it after the opening.)
            long pushedBefore = received.stream().filter(r -> r.get("memberId").asLong() == m).mapToLong(r -> r.get("version").asLong()).max()
                    .orElse(0);
            refuseNext.set(2);
            assertEquals(201, call("POST", "/wallets/recharges", "{\"memberId\":" + m + ",\"storeId\":" + store
                    + ",\"amount\":50.00,\"method\":\"CASH\"}", bearer(CLERK_103), key()).status);
            await("the push after the recharge", 60, () -> received.stream().anyMatch(r -> r.get("memberId").asLong() == m
                    && r.get("version").asLong() > pushedBefore && "150.00".equals(r.get("balance").decimalValue().setScale(2).toPlainString())));
            assertEquals(2, refused.get());
            JsonNode last = received.get(received.size() - 1);
            assertEquals(last.toString(), "150.00", last.get("balance").decimalValue().setScale(2).toPlainString());
            await("pushed as it is", 30, () -> {
                JsonNode mc = call("GET", "/marketing/cards/" + card + "/members/" + m, null, bearer(CLERK_103)).json;
                return mc.get("pushedVersion").asLong() == mc.get("version").asLong();
            });
            Answer soapCard = soap("marketing", "<m:getMemberCard xmlns:m=\"urn:tessera:marketing\"><cardId>" + card + "</cardId><memberId>" + m
                    + "</memberId></m:getMemberCard>", hq);
            assertTrue(soapCard.text, soapCard.status == 200 && soapCard.text.contains("<cardCode>"));
        } finally {
            webhook.delete();
            receiver.stop(0);
        }
    }

    private static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void aSplitTenderWhoseChannelRefusesReleasesTheHoldAndNothingIsCharged() {
        long store = storeId("103");
        for (Sims.Sim s : sims.both()) {
            long m = fundedMember(store, "100.00");
            String no = order(store, m, "50.00", null, "\"MEMBER\",\"" + s.method() + "\"");
            String refused = s.authCode();
            s.script(refused, "FAIL");
            Answer a = pay(no, "{\"method\":\"MEMBER\",\"amount\":20.00},{\"method\":\"" + s.method() + "\",\"amount\":30.00,\"authCode\":\"" + refused + "\"}");
            assertEquals(a.toString(), "CHANNEL_REFUSED", a.code());
            JsonNode acc = account(m);
            assertEquals(s.name(), "100.00", acc.get("total").asText());
            assertEquals(s.name() + ": the hold is released", "100.00", acc.get("available").asText());
            JsonNode o = order(no);
            assertEquals("CREATED", o.get("state").asText());
            assertEquals("CANCELLED", o.at("/tenders/0/status").asText());
            assertEquals("FAILED", o.at("/tenders/1/status").asText());
            Answer paid = pay(no, "{\"method\":\"MEMBER\",\"amount\":20.00},{\"method\":\"" + s.method() + "\",\"amount\":30.00,\"authCode\":\"" + s.authCode() + "\"}");
            assertEquals(paid.toString(), 201, paid.status);
            assertEquals("PAID", paid.json.get("state").asText());
            assertEquals("0.18", paid.json.at("/tenders/3/fee").asText()); // 30.00 × 0.60 %
            assertEquals("80.00", account(m).get("total").asText());
            assertEquals("the channel took 30.00", 3000, s.amountFen(paid.json.at("/tenders/3/outTradeNo").asText()));
        }
    }

    @Test
    public void tenCopiesOfANotificationInParallelPayTheOrderOnceAndForgedOrWrongOnesChangeNothing() throws Exception {
        long store = storeId("103");
        for (Sims.Sim s : sims.both()) {
            String no = order(store, null, "12.34", null, "");
            Answer waiting = pay(no, "{\"method\":\"" + s.method() + "\",\"amount\":12.34}");
            assertEquals(waiting.toString(), 202, waiting.status);
            assertEquals("PENDING", waiting.json.at("/tenders/0/status").asText());
            assertTrue(waiting.toString(), waiting.json.at("/tenders/0/codeUrl").asText().length() > 10);
            String out = waiting.json.at("/tenders/0/outTradeNo").asText();
            s.autoNotify(false);
            s.pay(out);
            Object genuine = s.paymentNotification(out);
            assertEquals(s.name() + " forged", 401, s.deliver(s.forged(genuine)));
            assertEquals(s.name() + " another amount", 400, s.deliver(s.withAmount(out, 1)));
            assertEquals("CREATED", order(no).get("state").asText());
            List<Answer> answers = inParallel(10, i -> new Answer(s.deliver(genuine), null));
            for (Answer a : answers) {
                assertTrue(s.name() + " " + answers, a.status == 200 || a.status == 204);
            }
            JsonNode paid = order(no);
            assertEquals("PAID", paid.get("state").asText());
            assertEquals(1, paidEvents(no));
            assertEquals("0.07", paid.at("/tenders/0/fee").asText()); // 12.34 × 0.60 % = 0.07404
        }
    }

    @Test
    public void aRefundNotificationBeforeThePaymentsAndConcurrentRefundsNeverExceedWhatWasPaid() throws Exception {
        long store = storeId("103");
        for (Sims.Sim s : sims.both()) {
            long m = fundedMember(store, "100.00");
            String no = order(store, m, "50.00", null, "\"MEMBER\",\"" + s.method() + "\"");
            s.autoNotify(false);
            Answer paid = pay(no, "{\"method\":\"MEMBER\",\"amount\":20.00},{\"method\":\"" + s.method() + "\",\"amount\":30.00,\"authCode\":\"" + s.authCode() + "\"}");
            assertEquals(paid.toString(), 201, paid.status);
            String out = paid.json.at("/tenders/1/outTradeNo").asText();
            s.settleRefundsAutomatically(false);
            List<Answer> answers = inParallel(10, i -> call("POST", "/orders/" + no + "/refunds", "{\"amount\":7.00}", bearer(CLERK_103), key()));
            long ok = answers.stream().filter(a -> a.status == 201 || a.status == 202).count();
            assertEquals(answers.toString(), 7, ok);
            for (Answer a : answers) {
                if (a.status >= 400) {
                    assertEquals(a.toString(), "ORDER_REFUND_EXCEEDS_PAID", a.code());
                }
            }
            // Every refund part through the channel: settled at the channel, its notification (if the channel has them) first.
            long channelFen = 0;
            for (Answer a : answers) {
                for (JsonNode part : a.status < 400 ? a.json.get("tenders") : JSON.createArrayNode()) {
                    if (part.hasNonNull("outRefundNo")) {
                        String refundNo = part.get("outRefundNo").asText();
                        channelFen += new java.math.BigDecimal(part.get("amount").asText()).movePointRight(2).longValueExact();
                        s.settleRefund(refundNo);
                        Object notice = s.refundNotification(refundNo);
                        if (notice != null) {
                            assertEquals(200 / 100, s.deliver(notice) / 100);
                        }
                    }
                }
            }
            // The payment's own notification, late: applied before, nothing changes.
            int late = s.deliver(s.paymentNotification(out));
            assertTrue(String.valueOf(late), late == 200 || late == 204);
            assertEquals(1, paidEvents(no));
            long expected = channelFen;
            await(s.name() + " refunds confirmed", 60, () -> {
                JsonNode refunds = call("GET", "/orders/" + no + "/refunds", null, bearer(CLERK_103)).json;
                for (JsonNode r : refunds) {
                    if (!"SUCCEEDED".equals(r.get("state").asText())) {
                        return false;
                    }
                }
                return refunds.size() == 7;
            });
            assertEquals(expected, s.refundedFen(out));
            JsonNode o = order(no);
            assertEquals("49.00", o.get("refunded").asText());
            assertEquals("PARTIALLY_REFUNDED", o.get("state").asText());
            assertEquals("the member got back what the stored-value tender gave, no more", "1.00",
                    new java.math.BigDecimal(o.at("/tenders/0/amount").asText()).subtract(new java.math.BigDecimal(o.at("/tenders/0/refunded").asText())).add(
                            new java.math.BigDecimal(o.at("/tenders/1/amount").asText()).subtract(new java.math.BigDecimal(o.at("/tenders/1/refunded").asText())))
                            .toPlainString());
        }
    }

    @Test
    public void aChannelThatTimesOutLeavesThePaymentUnknownUntilTheQueryKnowsAndItCannotBePaidTwiceMeanwhile() {
        long store = storeId("103");
        for (Sims.Sim s : sims.both()) {
            long m = fundedMember(store, "50.00");
            String no = order(store, m, "25.00", null, "\"MEMBER\",\"" + s.method() + "\"");
            String slow = s.authCode();
            s.script(slow, "TIMEOUT");
            // No notification either (Alipay would send one while the answer is late): only the query can tell.
            s.autoNotify(false);
            s.answerDelay(Duration.ofSeconds(5));
            Answer a = pay(no, "{\"method\":\"MEMBER\",\"amount\":5.00},{\"method\":\"" + s.method() + "\",\"amount\":20.00,\"authCode\":\"" + slow + "\"}");
            assertEquals(a.toString(), 202, a.status);
            assertEquals("UNKNOWN", a.json.at("/tenders/1/status").asText());
            assertEquals("the stored value is held meanwhile", "45.00", account(m).get("available").asText());
            Answer twice = pay(no, "{\"method\":\"CASH\",\"amount\":25.00}");
            assertEquals(twice.toString(), "PAYMENT_IN_PROGRESS", twice.code());
            await(s.name() + " resolved by the query", 90, () -> "PAID".equals(order(no).get("state").asText()));
            assertEquals("45.00", account(m).get("total").asText());
            assertEquals("SUCCEEDED", order(no).at("/tenders/1/status").asText());
        }
    }

    @Test
    public void aRechargePaidByQrCodeIsCreditedOnceWhenPaidNotWhenTheCodeIsShown() {
        long store = storeId("103");
        for (Sims.Sim s : sims.both()) {
            long m = fundedMember(store, "10.00");
            String no = order(store, m, "100.00", "RECHARGE", "");
            Answer waiting = pay(no, "{\"method\":\"" + s.method() + "\",\"amount\":100.00}");
            assertEquals(waiting.toString(), 202, waiting.status);
            assertEquals("10.00", account(m).get("total").asText());
            String out = waiting.json.at("/tenders/0/outTradeNo").asText();
            s.autoNotify(true);
            s.pay(out);
            await(s.name() + " recharge paid", 60, () -> "PAID".equals(order(no).get("state").asText()));
            assertEquals("110.00", account(m).get("total").asText());
            int again = s.deliver(s.paymentNotification(out));
            assertTrue(String.valueOf(again), again == 200 || again == 204);
            assertEquals("credited once", "110.00", account(m).get("total").asText());
            assertNotNull(order(no).get("walletEntryId"));
        }
    }

    @Test
    public void aStoresOperatorSeesOnlyTheAccountsServingTheirStoreAndNoSecret() {
        Answer hq = call("GET", "/payments/channels", null, bearer(HQ_ADMIN));
        Answer clerk103 = call("GET", "/payments/channels", null, bearer(CLERK_103));
        Answer clerk101 = call("GET", "/payments/channels", null, bearer(CLERK_101));
        for (Answer a : List.of(hq, clerk103, clerk101)) {
            assertEquals(a.toString(), 200, a.status);
            assertEquals(a.toString(), 2, a.json.size());
            assertTrue(a.toString(), !a.text.contains("PRIVATE KEY") && !a.text.contains("apiV3Key"));
        }
        assertEquals(1, clerk103.json.at("/0/accounts").size());
        assertEquals("[\"103\"]", clerk103.json.at("/0/accounts/0/stores").toString());
        assertEquals("store 101 is served by no account here", 0, clerk101.json.at("/0/accounts").size());
        assertEquals(0, clerk101.json.at("/1/accounts").size());
    }

    @Test
    public void uninstallingAChannelFeatureRemovesItsNotifyAddressAndKeepsItsOrders() throws Exception {
        long store = storeId("103");
        Sims.Sim s = sims.both().get(0);
        String no = order(store, null, "8.00", null, "");
        assertEquals(201, pay(no, "{\"method\":\"" + s.method() + "\",\"amount\":8.00,\"authCode\":\"" + s.authCode() + "\"}").status);
        features.uninstallFeature("tessera-payments-" + s.name());
        await("the notify address is gone", 60, () -> s.deliver(s.paymentNotification(channelTender(order(no), "outTradeNo"))) == 404);
        String other = order(store, null, "8.00", null, "");
        assertEquals("CHANNEL_NOT_AVAILABLE", pay(other, "{\"method\":\"" + s.method() + "\",\"amount\":8.00,\"authCode\":\"" + s.authCode() + "\"}").code());
        assertEquals("PAID", order(no).get("state").asText());
        features.installFeature("tessera-payments-" + s.name());
        await("the notify address is back", 60, () -> s.deliver(s.paymentNotification(channelTender(order(no), "outTradeNo"))) / 100 == 2);
        Answer again = pay(other, "{\"method\":\"" + s.method() + "\",\"amount\":8.00,\"authCode\":\"" + s.authCode() + "\"}");
        assertEquals(again.toString(), 201, again.status);
    }
}
