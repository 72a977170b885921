package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Domains removed and installed again at runtime: their endpoints vanish and return, the rest keeps
 * answering, and no data is lost. Wallets depend on members, so wallets go first and come back last.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT extends TesseraTestSupport {

    @Test
    public void aDomainOnItsWayBackAnswers503WithRetryAfterNot404() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        org.osgi.framework.Bundle points = bundle("tessera-points-impl");
        assertEquals(200, call("GET", "/points/rules", null, hq).status);
        // Its bundle stopped but installed (what a feature refresh does): the paths answer 503, the rest as usual.
        points.stop();
        try {
            awaitUnrecorded("/points to answer 503", 30, () -> call("GET", "/points/rules", null, hq).status == 503);
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(base() + "/api/v1/points/rules")).header("Authorization", hq).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(r.body(), 503, r.statusCode());
            assertEquals("2", r.headers().firstValue("Retry-After").orElse(null));
            assertTrue(r.body(), r.body().contains("\"code\":\"DOMAIN_UNAVAILABLE\""));
            // Before authentication, as a server starting would (a 401 means "here, and wants credentials").
            assertEquals(503, call("GET", "/points/rules", null, null).status);
            assertEquals(200, call("GET", "/stores", null, hq).status);
            assertEquals(404, call("GET", "/no-such-domain/x", null, hq).status);
            // The node says so, and a load balancer sends the work elsewhere meanwhile.
            Answer health = call("GET", "/health", null, null);
            assertEquals(health.toString(), 503, health.status);
            assertEquals(health.toString(), "[\"points\"]", health.json.get("comingBack").toString());
        } finally {
            points.start();
        }
        awaitUnrecorded("/points back", 60, () -> call("GET", "/points/rules", null, hq).status == 200);
    }

    @Test
    public void aDomainUninstalledAndInstalledAgainByHandShowsTillsNo404() throws Exception {
        awaitReady();
        redeployGrace(15);
        String hq = bearer(HQ_ADMIN);
        assertEquals(200, call("GET", "/cards/types", null, hq).status);
        Watch cards = new Watch("/cards/types", hq);
        features.uninstallFeature("tessera-cards");
        Answer away = call("GET", "/cards/types", null, hq);
        assertEquals(away.toString(), 503, away.status);
        assertEquals(away.toString(), "DOMAIN_UNAVAILABLE", away.code());
        Answer health = call("GET", "/health", null, null);
        assertEquals(health.toString(), 503, health.status);
        assertEquals(health.toString(), "[\"cards\"]", health.json.get("comingBack").toString());
        // SOAP too: a Server fault with the same code, and the WSDL waits as well.
        Answer soapAway = soap("cards", "<c:listCardTypes xmlns:c=\"urn:tessera:cards\"/>", hq);
        assertEquals(soapAway.toString(), 503, soapAway.status);
        assertTrue(soapAway.text, soapAway.text.contains("<code>DOMAIN_UNAVAILABLE</code>") && soapAway.text.contains("faultcode"));
        assertEquals(503, getRaw("/soap/cards?wsdl", hq).status);
        features.installFeature("tessera-cards");
        awaitUnrecorded("/cards back", 60, () -> call("GET", "/cards/types", null, hq).status == 200);
        awaitUnrecorded("the node up", 30, () -> call("GET", "/health", null, null).status == 200);
        awaitUnrecorded("/soap/cards back", 30, () -> getRaw("/soap/cards?wsdl", hq).status == 200);
        cards.stop();
        assertEquals("answers to GET /cards/types while cards were away: " + cards.failures, 0, cards.notFound.get());
        assertTrue("GET /cards/types answered 503 while cards were away", cards.unavailable.get() > 0);
        System.out.printf("cards away for %d ms (%d answers of 503, none 404)%n", cards.awayMillis(), cards.unavailable.get());
    }

    /** How long a withdrawn domain answers 503 before 404 (the rest of this class runs with a short one). */
    private void redeployGrace(int seconds) throws Exception {
        org.osgi.service.cm.ConfigurationAdmin admin = bundleContext.getService(bundleContext.getServiceReference(
                org.osgi.service.cm.ConfigurationAdmin.class));
        org.osgi.service.cm.Configuration web = admin.getConfiguration("io.tessera.web", null);
        java.util.Dictionary<String, Object> properties = web.getProperties() == null ? new java.util.Hashtable<>() : web.getProperties();
        properties.put("redeployGraceSeconds", String.valueOf(seconds));
        web.update(properties);
        // Applied by the web settings' @Modified a moment later: asked of the component itself.
        org.osgi.framework.ServiceReference<?> ref = bundleContext.getServiceReference("io.tessera.platform.internal.web.WebSettings");
        Object settings = bundleContext.getService(ref);
        java.lang.reflect.Method grace = settings.getClass().getMethod("redeployGraceSeconds");
        awaitUnrecorded("the grace of " + seconds + " s applied", 30, () -> {
            try {
                return ((Long) grace.invoke(settings)) == seconds;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        bundleContext.ungetService(ref);
    }

    @Test
    public void aSchemaNewerThanTheBuildIsRefusedAndTheHealthCheckSaysSo() throws Exception {
        awaitReady();
        String hq = bearer(HQ_ADMIN);
        org.osgi.framework.Bundle coupons = bundle("tessera-coupons-impl");
        // A newer Tessera ran a change set of the coupons' changelog that this build does not have, keeping the
        // one-version rule: this node still serves coupons (an old node restarted mid-upgrade rejoins).
        withConnection(c -> c.createStatement().executeUpdate("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, "
                + "ORDEREXECUTED, EXECTYPE) VALUES ('coupons-98-from-a-newer-build', 'tessera', 'tessera/coupons', CURRENT_TIMESTAMP, 9998, 'EXECUTED')"));
        try {
            coupons.stop();
            coupons.start();
            awaitUnrecorded("the coupons back on a compatible newer schema", 60, () -> call("GET", "/coupons/templates", null, hq).status == 200);
            assertEquals(200, call("GET", "/health", null, null).status);
            // Then one labelled breaking (a contract step): never served by this build.
            withConnection(c -> c.createStatement().executeUpdate("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, "
                    + "ORDEREXECUTED, EXECTYPE, LABELS) VALUES ('coupons-99-from-a-newer-build', 'tessera', 'tessera/coupons', "
                    + "CURRENT_TIMESTAMP, 9999, 'EXECUTED', 'breaking')"));
            coupons.stop();
            coupons.start();
            awaitUnrecorded("the health check to refuse the coupons' schema", 60, () -> call("GET", "/health", null, null).status == 503);
            Answer health = call("GET", "/health", null, null);
            assertEquals(health.toString(), "DOWN", health.json.get("status").asText());
            assertEquals(health.toString(), "UP", health.json.get("database").asText());
            assertEquals(health.toString(), "[\"tessera-coupons\"]", health.json.get("newerSchemas").toString());
            assertEquals(503, call("GET", "/coupons/templates", null, hq).status);
            assertEquals(200, call("GET", "/stores", null, hq).status);
        } finally {
            withConnection(c -> c.createStatement().executeUpdate("DELETE FROM DATABASECHANGELOG WHERE ID LIKE 'coupons-9_-from-a-newer-build'"));
            coupons.stop();
            coupons.start();
        }
        awaitUnrecorded("the coupons back and the node up", 60, () -> call("GET", "/health", null, null).status == 200
                && call("GET", "/coupons/templates", null, hq).status == 200);
        assertTrue(call("GET", "/health", null, null).json.path("newerSchemas").isMissingNode());
    }

    private org.osgi.framework.Bundle bundle(String symbolicNameEnd) {
        for (org.osgi.framework.Bundle b : bundleContext.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().endsWith(symbolicNameEnd)) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicNameEnd);
    }

    @Test
    public void uninstallAndReinstallCouponsPaymentsWalletsAndMembers() throws Exception {
        awaitReady();
        // Each domain here goes for good before the next: they answer 404 after a second, not after 15.
        redeployGrace(1);
        String clerk = bearer(CLERK_103);
        long store = storeId("103");
        String phone = newPhone();
        Answer created = call("POST", "/members", "{\"phone\":\"" + phone + "\",\"name\":\"李四\",\"storeId\":" + store + "}", clerk);
        assertEquals(created.toString(), 201, created.status);
        long id = created.json.get("id").asLong();
        Answer recharged = call("POST", "/wallets/recharges", "{\"memberId\":" + id + ",\"storeId\":" + store
                + ",\"amount\":123.45,\"method\":\"CASH\"}", clerk, Map.of("Idempotency-Key", "hot-" + phone));
        assertEquals(recharged.toString(), 201, recharged.status);

        String hq = bearer(HQ_ADMIN);
        assertEquals(201, call("POST", "/cards/types", "{\"code\":\"HOT\",\"name\":\"热部署卡\"}", hq).status);

        Answer order = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"HOT-" + phone + "\",\"lines\":[{\"sku\":\"S\","
                + "\"name\":\"热部署\",\"quantity\":1,\"unitPrice\":9.90}]}", clerk, Map.of("Idempotency-Key", "hot-order-" + phone));
        assertEquals(order.toString(), 201, order.status);
        String orderNo = order.json.get("orderNo").asText();

        // Coupons plug into checkout: they go first; checkout goes on without them.
        Answer template = call("POST", "/coupons/templates", "{\"name\":\"热部署券\",\"kind\":\"CASH\",\"value\":5.00,\"validity\":\"RELATIVE\","
                + "\"validDays\":30}", hq);
        assertEquals(template.toString(), 201, template.status);
        long templateId = template.json.get("id").asLong();
        assertEquals(200, call("POST", "/coupons/templates/" + templateId + "/activate", null, hq).status);
        String usedCoupon = couponFor(templateId, id, clerk);
        String heldCoupon = couponFor(templateId, id, clerk);
        String paidWithCoupon = couponOrder(store, id, usedCoupon, clerk);
        assertEquals(201, call("POST", "/orders/" + paidWithCoupon + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":15.00}]}",
                clerk, key()).status);
        String heldByOrder = couponOrder(store, id, heldCoupon, clerk);
        // While domains go and come, what stays keeps answering: the REST server is switched, never down.
        Watch stores = new Watch("/stores", clerk);
        // The terminal's pages go with their feature and come back with it (served from the bundle, no data of their own).
        assertEquals(200, getRaw("/terminal/", null).status);
        features.uninstallFeature("tessera-terminal");
        awaitUnrecorded("/terminal/ to vanish", 60, () -> getRaw("/terminal/js/main.js", null).status == 404);
        features.installFeature("tessera-terminal");
        awaitUnrecorded("/terminal/ to return", 60, () -> getRaw("/terminal/js/main.js", null).status == 200);
        // Reporting goes first (it reads payments and wallets): the sales paid while it is away reach its read model once it is back.
        awaitUnrecorded("the paid sale in the read model", 60, () -> call("GET", "/reports/cashier/orders?storeId=" + store + "&day="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "&size=200", null, hq).text.contains(paidWithCoupon));
        long factsBefore = call("GET", "/reports/read-model", null, hq).json.get("payments").asLong();
        features.uninstallFeature("tessera-reporting");
        awaitUnrecorded("/reports to vanish", 60, () -> call("GET", "/reports/read-model", null, hq).status == 404
                && getRaw("/soap/reporting?wsdl", clerk).status == 404);
        awaitOpenApiWithout("/reports/read-model", clerk);
        // Marketing goes next (it follows members, payments, coupons and points); its activities are back with it.
        Answer activity = call("POST", "/marketing/activities", "{\"type\":\"REFERRAL\",\"name\":\"热部署推荐\",\"startsAt\":\"2026-01-01T00:00:00+08:00\","
                + "\"endsAt\":\"2036-01-01T00:00:00+08:00\",\"trigger\":\"REGISTER\",\"rewards\":[{\"role\":\"REFEREE\",\"kind\":\"POINTS\",\"points\":5}]}", hq);
        assertEquals(activity.toString(), 201, activity.status);
        long activityId = activity.json.get("id").asLong();
        features.uninstallFeature("tessera-marketing");
        awaitUnrecorded("/marketing to vanish", 60, () -> call("GET", "/marketing/activities", null, hq).status == 404
                && getRaw("/soap/marketing?wsdl", clerk).status == 404);
        awaitOpenApiWithout("/marketing/activities", clerk);
        // Points go next (they follow payments): a sale paid meanwhile earns once they are back, from its event.
        Answer rule = call("POST", "/points/rules", "{\"name\":\"热部署积分\",\"kind\":\"SPEND\",\"pointsPerYuan\":1}", hq);
        assertEquals(rule.toString(), 201, rule.status);
        assertEquals(200, call("POST", "/points/rules/" + rule.json.get("id").asLong() + "/activate", null, hq).status);
        features.uninstallFeature("tessera-points");
        awaitUnrecorded("/points to vanish", 60, () -> call("GET", "/points/rules", null, hq).status == 404
                && getRaw("/soap/points?wsdl", clerk).status == 404);
        Answer meanwhile = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"HOT-P-" + phone + "\",\"memberId\":" + id
                + ",\"lines\":[{\"sku\":\"S\",\"name\":\"热部署\",\"quantity\":1,\"unitPrice\":66.00}]}", clerk, key());
        assertEquals(meanwhile.toString(), 201, meanwhile.status);
        String paidMeanwhile = meanwhile.json.get("orderNo").asText();
        assertEquals(201, call("POST", "/orders/" + paidMeanwhile + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":66.00}]}",
                clerk, key()).status);
        features.uninstallFeature("tessera-coupons");
        awaitUnrecorded("/coupons to vanish", 60, () -> call("GET", "/coupons/templates", null, hq).status == 404
                && getRaw("/soap/coupons?wsdl", clerk).status == 404 && call("GET", "/orders/" + orderNo, null, clerk).status == 200);
        Answer withCoupon = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"HOT-C-" + phone + "\",\"memberId\":" + id
                + ",\"lines\":[{\"sku\":\"S\",\"name\":\"热部署\",\"quantity\":1,\"unitPrice\":20.00}],\"discounts\":[{\"source\":\"COUPON\","
                + "\"reference\":\"" + heldCoupon + "\"}]}", clerk, key());
        assertEquals(withCoupon.toString(), "DISCOUNT_NOT_AVAILABLE", withCoupon.code());
        Answer refunded = call("POST", "/orders/" + paidWithCoupon + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", clerk, key());
        assertEquals("a refund goes on without coupons", 201, refunded.status);
        assertEquals(201, call("POST", "/orders/" + heldByOrder + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":15.00}]}",
                clerk, key()).status);

        // The channels depend on payments, payments and cards on wallets: they go first, and wallets keep answering.
        features.uninstallFeature("tessera-payments-wechat");
        features.uninstallFeature("tessera-payments-alipay");
        features.uninstallFeature("tessera-payments");
        awaitUnrecorded("/orders to vanish", 60, () -> call("GET", "/orders/" + orderNo, null, clerk).status == 404
                && call("GET", "/wallets/accounts?memberId=" + id, null, clerk).status == 200);
        awaitOpenApiWithout("/orders", clerk);
        features.uninstallFeature("tessera-cards");
        awaitUnrecorded("/cards to vanish", 60, () -> call("GET", "/cards/types", null, hq).status == 404
                && getRaw("/soap/cards?wsdl", clerk).status == 404 && call("GET", "/wallets/accounts?memberId=" + id, null, clerk).status == 200);
        awaitOpenApiWithout("/cards/types", clerk);

        features.uninstallFeature("tessera-wallets");
        awaitUnrecorded("/wallets to vanish", 60, () -> call("GET", "/wallets/accounts?memberId=" + id, null, clerk).status == 404
                && getRaw("/soap/wallets?wsdl", clerk).status == 404 && call("GET", "/members/" + id, null, clerk).status == 200);
        awaitOpenApiWithout("/wallets/payments", clerk);

        features.uninstallFeature("tessera-members");
        // The REST server is republished without the members resources: wait until it is back for the others.
        awaitUnrecorded("/members to vanish", 60, () -> call("GET", "/members/" + id, null, clerk).status == 404
                && getRaw("/soap/members?wsdl", clerk).status == 404 && call("GET", "/stores", null, clerk).status == 200);
        assertEquals("NOT_FOUND", call("GET", "/members/" + id, null, clerk).code());
        awaitOpenApiWithout("/members", clerk);

        features.installFeature("tessera-members");
        features.installFeature("tessera-wallets");
        features.installFeature("tessera-cards");
        features.installFeature("tessera-payments");
        features.installFeature("tessera-payments-wechat");
        features.installFeature("tessera-payments-alipay");
        features.installFeature("tessera-coupons");
        features.installFeature("tessera-points");
        features.installFeature("tessera-marketing");
        features.installFeature("tessera-reporting");
        awaitUnrecorded("/members to return", 90, () -> call("GET", "/members/" + id, null, clerk).status == 200);
        awaitUnrecorded("/wallets to return", 90, () -> call("GET", "/wallets/accounts?memberId=" + id, null, clerk).status == 200);
        awaitUnrecorded("/soap/members to return", 30, () -> getRaw("/soap/members?wsdl", clerk).status == 200);
        awaitUnrecorded("/soap/wallets to return", 30, () -> getRaw("/soap/wallets?wsdl", clerk).status == 200);
        // Back with its data: the card type created before the uninstall.
        awaitUnrecorded("/cards to return with its data", 90, () -> {
            Answer types = call("GET", "/cards/types", null, hq);
            return types.status == 200 && types.text.contains("热部署卡");
        });
        awaitUnrecorded("/orders to return with its data", 90, () -> call("GET", "/orders/" + orderNo, null, clerk).status == 200);
        awaitUnrecorded("/marketing to return with its data", 90, () -> {
            Answer back = call("GET", "/marketing/activities/" + activityId, null, clerk);
            return back.status == 200 && "热部署推荐".equals(back.json.get("name").asText());
        });
        Answer back = call("GET", "/members/" + id, null, clerk);
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), back.json.get("phone").asText());
        assertEquals("李四", back.json.get("name").asText());
        Answer account = call("GET", "/wallets/accounts?memberId=" + id, null, clerk);
        assertEquals(account.toString(), "123.45", account.json.get(0).get("total").asText());
        // Coupons back, and told what checkout did meanwhile (from its events): the refund gave one coupon back, the other was used.
        awaitUnrecorded("coupons to catch up", 90, () -> {
            Answer used = call("GET", "/coupons/" + usedCoupon, null, clerk);
            Answer held = call("GET", "/coupons/" + heldCoupon, null, clerk);
            return used.status == 200 && "AVAILABLE".equals(used.json.get("state").asText()) && held.status == 200
                    && "USED".equals(held.json.get("state").asText());
        });
        assertEquals(2, call("GET", "/coupons/templates/" + templateId, null, hq).json.get("issued").asLong());
        // Points back with the rule, and the sale paid while they were away has earned (66.00 → 66).
        awaitUnrecorded("points to catch up", 90, () -> {
            Answer earned = call("GET", "/points/earnings?orderNo=" + paidMeanwhile, null, hq);
            return earned.status == 200 && earned.json.path("items").path(0).path("points").asLong() == 66;
        });
        assertEquals(200, getRaw("/soap/points?wsdl", clerk).status);
        // Reporting back, and its read model caught up from the outbox: the two sales paid while it was away.
        awaitUnrecorded("reporting to catch up", 90, () -> {
            Answer model = call("GET", "/reports/read-model", null, hq);
            return model.status == 200 && model.json.get("payments").asLong() >= factsBefore + 2;
        });
        assertEquals(200, getRaw("/soap/reporting?wsdl", clerk).status);
        stores.stop();
        assertTrue("GET /stores was asked during the changes", stores.asked.get() > 20);
        assertEquals("GET /stores while features went and came: " + stores.failures, List.of(), stores.failures);
    }

    /** Asks one path over and over on its own thread and keeps every answer that was not 200. */
    private final class Watch {
        final AtomicInteger asked = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger notFound = new AtomicInteger();
        final AtomicInteger unavailable = new AtomicInteger();
        private volatile long firstFailure;
        private volatile long lastFailure;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Watch(String path, String token) {
            thread = new Thread(() -> Exchanges.unrecorded(() -> {
                while (running.get()) {
                    Answer a = call("GET", path, null, token);
                    asked.incrementAndGet();
                    if (a.status != 200) {
                        lastFailure = System.nanoTime();
                        if (firstFailure == 0) {
                            firstFailure = lastFailure;
                        }
                        if (a.status == 404) {
                            notFound.incrementAndGet();
                        } else if (a.status == 503) {
                            unavailable.incrementAndGet();
                        }
                        if (failures.size() < 20) {
                            failures.add(a.status + " " + a.text);
                        }
                    }
                    LockSupport.parkNanos(20_000_000L);
                }
            }), "hot-deploy-watch");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        long awayMillis() {
            return firstFailure == 0 ? 0 : (lastFailure - firstFailure) / 1_000_000;
        }
    }

    private String couponFor(long templateId, long member, String clerk) {
        Answer c = call("POST", "/coupons", "{\"templateId\":" + templateId + ",\"memberId\":" + member + "}", clerk, key());
        assertEquals(c.toString(), 201, c.status);
        return c.json.get("no").asText();
    }

    private String couponOrder(long store, long member, String coupon, String clerk) {
        Answer o = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"HOT-" + coupon + "\",\"memberId\":" + member
                + ",\"lines\":[{\"sku\":\"S\",\"name\":\"热部署\",\"quantity\":1,\"unitPrice\":20.00}],\"payWith\":[\"CASH\"],"
                + "\"discounts\":[{\"source\":\"COUPON\",\"reference\":\"" + coupon + "\"}]}", clerk, key());
        assertEquals(o.toString(), 201, o.status);
        assertEquals("15.00", o.json.get("payable").asText());
        return o.json.get("orderNo").asText();
    }

    /** The OpenAPI document answers without the path (while a feature goes, the REST server may be republishing). */
    private void awaitOpenApiWithout(String path, String token) {
        awaitUnrecorded("/openapi.json without " + path, 60, () -> {
            Answer a = call("GET", "/openapi.json", null, token);
            return a.status == 200 && a.json != null && a.json.path("paths").path(path).isMissingNode();
        });
    }
}
