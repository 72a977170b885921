package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sale at the till as a POS makes it: the order created and priced (the member's level discount, since it
 * is paid with stored value; with {@link #withCoupon} also a coupon of 1.00 off the member claimed before), then
 * paid with the member's stored value — two REST calls, each with its own idempotency key. Members of
 * {@link PayBench} (spread over 200 accounts), at a level of 95 %.
 */
final class CheckoutBench {

    private final PayBench members;
    private final Tessera tessera;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Coupons claimed and not used yet, as "couponNo:memberId". */
    private final ConcurrentLinkedQueue<String> coupons = new ConcurrentLinkedQueue<>();

    CheckoutBench(Tessera tessera, PayBench members) {
        this.tessera = tessera;
        this.members = members;
    }

    /** The level of 95 % the sales are priced at (created before the members, who then join it). */
    static void level(Tessera tessera) throws Exception {
        try {
            tessera.post("/levels", "{\"name\":\"压测九五折\",\"threshold\":0,\"discountRate\":0.95}",
                    Map.of("Idempotency-Key", "bench-level-" + System.nanoTime()));
        } catch (IOException e) {
            if (!e.getMessage().contains("LEVEL_THRESHOLD_TAKEN")) {
                throw e;
            }
        }
    }

    /**
     * A coupon template of 1.00 off (no stock limit), activated, and this many of its coupons claimed for the
     * members, 32 claims at a time, their events delivered; figures of the claims.
     */
    Map<String, Object> claimCoupons(int count) throws Exception {
        long template = tessera.post("/coupons/templates", "{\"name\":\"压测结账券\",\"kind\":\"CASH\",\"value\":1.00,"
                + "\"validity\":\"RELATIVE\",\"validDays\":30}", Map.of()).get("id").asLong();
        tessera.post("/coupons/templates/" + template + "/activate", "", Map.of());
        AtomicLong left = new AtomicLong(count);
        Load.Result r = Load.closedLoop(32, 600, (client, seq) -> {
            if (left.decrementAndGet() < 0) {
                throw new Load.Stop();
            }
            long member = members.members.get((int) (seq % members.members.size()));
            HttpResponse<String> a = send("/coupons", "{\"templateId\":" + template + ",\"memberId\":" + member + ",\"storeId\":"
                    + members.storeId + "}", "cc-" + seq + "-" + System.nanoTime());
            if (a.statusCode() != 201) {
                return failure("claim", a);
            }
            coupons.add(Tessera.JSON.readTree(a.body()).get("no").asText() + ":" + member);
            return null;
        }, "coupons claimed");
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("claimed", coupons.size());
        out.put("errors", r.errors);
        Outbox.drain(tessera, r, out); // the claims' events delivered before the sales are measured
        return out;
    }

    /** Coupons claimed and not used yet. */
    int couponsLeft() {
        return coupons.size();
    }

    /** One sale: created (201) and paid (201); null when both were, else the first status and error code. */
    String sale(long memberId, long sequence) throws Exception {
        return sale(memberId, sequence, null);
    }

    private String sale(long memberId, long sequence, String coupon) throws Exception {
        String key = "co-" + sequence + "-" + System.nanoTime();
        // With the coupon, the second line costs 2.00 or more: 1.00 off leaves something to pay after the level discount.
        HttpResponse<String> created = send("/orders", "{\"storeId\":" + members.storeId + ",\"posOrderNo\":\"" + key + "\",\"memberId\":"
                + memberId + ",\"payWith\":[\"MEMBER\"],\"lines\":[{\"sku\":\"6901\",\"name\":\"维生素C\",\"quantity\":2,\"unitPrice\":" + PayBench.amount(999) + "},"
                + "{\"sku\":\"6902\",\"name\":\"口罩\",\"quantity\":1,\"unitPrice\":" + PayBench.amount(coupon == null ? 1 : 200, 999) + "}]"
                + (coupon == null ? "" : ",\"discounts\":[{\"source\":\"COUPON\",\"reference\":\"" + coupon + "\"}]") + "}", key + "-c");
        if (created.statusCode() != 201) {
            return failure("create", created);
        }
        JsonNode order = Tessera.JSON.readTree(created.body());
        HttpResponse<String> paid = send("/orders/" + order.get("orderNo").asText() + "/payments",
                "{\"tenders\":[{\"method\":\"MEMBER\",\"amount\":" + order.get("payable").asText() + "}]}", key + "-p");
        return paid.statusCode() == 201 ? null : failure("pay", paid);
    }

    private HttpResponse<String> send(String path, String body, String key) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(tessera.base + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", tessera.authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static String failure(String step, HttpResponse<String> a) throws IOException {
        JsonNode body = a.body().startsWith("{") ? Tessera.JSON.readTree(a.body()) : null;
        return step + " " + a.statusCode() + (body == null ? "" : " " + body.path("code").asText());
    }

    Load.Op spread() {
        return (client, seq) -> sale(members.members.get((int) (seq % members.members.size())), seq);
    }

    /** Sales each with a coupon of {@link #claimCoupons} (of its member); the loop stops when none is left. */
    Load.Op withCoupon() {
        return (client, seq) -> {
            String coupon = coupons.poll();
            if (coupon == null) {
                throw new Load.Stop();
            }
            String[] c = coupon.split(":");
            return sale(Long.parseLong(c[1]), seq, c[0]);
        };
    }
}
