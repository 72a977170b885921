package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coupons over REST: claims (each a conditional update on the member's counter and the template's stock),
 * a stock of 1,000 claimed by 64 clients at once (the figure is the time to run it out; exactly 1,000 issued is
 * checked), a sale with a coupon (order priced with it, paid in cash: the coupon reserved and used), and the
 * back office's reads (a page of redemption records, ten years of monthly statistics).
 */
final class CouponBench {

    private final Tessera tessera;
    private final PayBench members;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String prefix = UUID.randomUUID().toString().substring(0, 8);

    private CouponBench(Tessera tessera, PayBench members) {
        this.tessera = tessera;
        this.members = members;
    }

    static Map<String, Object> run(Tessera tessera) throws Exception {
        CouponBench b = new CouponBench(tessera, new PayBench(tessera, 200));
        Map<String, Object> out = new LinkedHashMap<>();
        long unlimited = b.template("压测代金券", "\"kind\":\"CASH\",\"value\":1.00");
        ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
        for (int clients : new int[] {8, 32}) {
            out.put("claim" + clients, Load.closedLoop(clients, 20, (c, seq) -> b.claim(unlimited, b.member(seq), claimed), "claim").toMap());
        }
        long stocked = b.template("压测限量券", "\"kind\":\"CASH\",\"value\":1.00,\"stock\":1000");
        AtomicLong issued = new AtomicLong();
        long started = System.nanoTime();
        Load.Result race = Load.closedLoop(64, 600, (c, seq) -> {
            if (issued.get() >= 1000) {
                throw new Load.Stop();
            }
            String r = b.claim(stocked, b.member(seq), null);
            if (r == null) {
                issued.incrementAndGet();
            }
            return r == null || r.contains("COUPON_OUT_OF_STOCK") ? null : r;
        }, "stock race");
        Map<String, Object> stock = new LinkedHashMap<>();
        stock.put("clients", 64);
        stock.put("secondsToRunOut", Main.round((System.nanoTime() - started) / 1e9));
        stock.put("issued", tessera.get("/coupons/templates/" + stocked).get("issued").asLong());
        stock.put("answered201", issued.get());
        stock.put("errors", race.errors);
        out.put("stockOf1000", stock);
        out.put("saleWithCoupon8", Load.closedLoop(8, 20, (c, seq) -> b.sale(claimed.poll()), "sale with coupon").toMap());
        out.put("redemptionPage", Load.closedLoop(4, 10, (c, seq) -> b.read("/coupons/records/redemptions?size=50"), "records").toMap());
        String to = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String from = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(119).toString();
        out.put("stats120Months", Load.closedLoop(4, 10, (c, seq) -> b.read("/coupons/stats?from=" + from + "&to=" + to + "&perTemplate=true"),
                "stats").toMap());
        return out;
    }

    private long member(long sequence) {
        List<Long> all = members.members;
        return all.get((int) (sequence % all.size()));
    }

    private long template(String name, String terms) throws Exception {
        JsonNode t = tessera.post("/coupons/templates", "{\"name\":\"" + name + "\"," + terms + ",\"validity\":\"RELATIVE\",\"validDays\":30}",
                Map.of());
        long id = t.get("id").asLong();
        tessera.post("/coupons/templates/" + id + "/activate", "", Map.of());
        return id;
    }

    /** One claim; null when 201 (its coupon and member kept for a sale), else the status and code. */
    private String claim(long template, long member, ConcurrentLinkedQueue<String> keep) throws Exception {
        HttpResponse<String> a = post("/coupons", "{\"templateId\":" + template + ",\"memberId\":" + member + ",\"storeId\":" + members.storeId
                + "}", prefix + "-c-" + UUID.randomUUID());
        if (a.statusCode() != 201) {
            return failure(a);
        }
        if (keep != null) {
            JsonNode c = Tessera.JSON.readTree(a.body());
            keep.add(c.get("no").asText() + ":" + c.get("memberId").asLong());
        }
        return null;
    }

    /** A sale of 3.00 with a coupon of 1.00 off, paid 2.00 in cash: created (coupon reserved), paid (coupon used). */
    private String sale(String coupon) throws Exception {
        if (coupon == null) {
            throw new Load.Stop();
        }
        String[] c = coupon.split(":");
        String key = prefix + "-s-" + UUID.randomUUID();
        HttpResponse<String> created = post("/orders", "{\"storeId\":" + members.storeId + ",\"posOrderNo\":\"" + key + "\",\"memberId\":" + c[1]
                + ",\"payWith\":[\"CASH\"],\"lines\":[{\"sku\":\"6901\",\"name\":\"维生素C\",\"quantity\":1,\"unitPrice\":3.00}],"
                + "\"discounts\":[{\"source\":\"COUPON\",\"reference\":\"" + c[0] + "\"}]}", key + "-c");
        if (created.statusCode() != 201) {
            return "create " + failure(created);
        }
        String orderNo = Tessera.JSON.readTree(created.body()).get("orderNo").asText();
        HttpResponse<String> paid = post("/orders/" + orderNo + "/payments", "{\"tenders\":[{\"method\":\"CASH\",\"amount\":2.00}]}", key + "-p");
        return paid.statusCode() == 201 ? null : "pay " + failure(paid);
    }

    private String read(String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(tessera.base + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", tessera.authorization).GET().build();
        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
        return a.statusCode() == 200 ? null : failure(a);
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(tessera.base + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", tessera.authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static String failure(HttpResponse<String> a) throws Exception {
        JsonNode body = a.body().startsWith("{") ? Tessera.JSON.readTree(a.body()) : null;
        return a.statusCode() + (body == null ? "" : " " + body.path("code").asText());
    }
}
