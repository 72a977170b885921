package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Member payments over REST as a POS sends them: authenticated, each with its own idempotency key,
 * an amount of 0.01 to 19.99 off a member's stored value (journal row, daily ledger, idempotency record), spread over
 * many accounts or all on one hot account. The amounts differ as a till's do: with one amount for every payment (0.01
 * until 2026-12-07) a statement whose amount was written into its text was compiled once, not once per payment.
 */
final class PayBench {

    final Tessera tessera;
    final long storeId;
    final List<Long> members = new ArrayList<>();
    long hotMember;
    private final HttpClient http;
    private final String prefix = UUID.randomUUID().toString().substring(0, 8);

    PayBench(Tessera tessera, int memberCount) throws Exception {
        this.tessera = tessera;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long store = -1;
        for (JsonNode s : tessera.get("/stores")) {
            if ("103".equals(s.get("code").asText())) {
                store = s.get("id").asLong();
            }
        }
        this.storeId = store;
        for (int i = 0; i <= memberCount; i++) {
            String phone = String.format("166%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            JsonNode m = tessera.post("/members", "{\"phone\":\"" + phone + "\",\"name\":\"压测会员\",\"storeId\":" + storeId + "}",
                    Map.of("Idempotency-Key", prefix + "-m-" + i));
            long id = m.get("id").asLong();
            tessera.post("/wallets/recharges", "{\"memberId\":" + id + ",\"storeId\":" + storeId
                    + ",\"amount\":" + (i == 0 ? "10000000.00" : "100000.00") + ",\"method\":\"CASH\"}",
                    Map.of("Idempotency-Key", prefix + "-r-" + i));
            if (i == 0) {
                hotMember = id;
            } else {
                members.add(id);
            }
        }
    }

    /** One payment; null when answered 201, else the status and error code. */
    String pay(long memberId, long sequence) throws Exception {
        String key = prefix + "-p-" + sequence + "-" + System.nanoTime();
        HttpRequest r = HttpRequest.newBuilder(URI.create(tessera.base + "/api/v1/wallets/payments"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", tessera.authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"memberId\":" + memberId + ",\"storeId\":" + storeId
                        + ",\"amount\":" + amount(1999) + ",\"orderNo\":\"" + key + "\"}")).build();
        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() == 201) {
            return null;
        }
        JsonNode body = a.body().startsWith("{") ? Tessera.JSON.readTree(a.body()) : null;
        return a.statusCode() + (body == null ? "" : " " + body.path("code").asText());
    }

    /** A random amount of 0.01 to {@code maxFen} fen, as JSON. */
    static String amount(int maxFen) {
        return amount(1, maxFen);
    }

    /** A random amount of {@code minFen} to {@code maxFen} fen, as JSON. */
    static String amount(int minFen, int maxFen) {
        int fen = ThreadLocalRandom.current().nextInt(minFen, maxFen + 1);
        return fen / 100 + "." + (fen % 100 < 10 ? "0" : "") + fen % 100;
    }

    /**
     * GET /api/v1/health: an HTTP request through Jetty and CXF that reads nothing, the ceiling of any
     * REST call on this machine (client and server share its cores).
     */
    Load.Op health() {
        HttpRequest r = HttpRequest.newBuilder(URI.create(tessera.base + "/api/v1/health")).timeout(Duration.ofSeconds(60)).GET().build();
        return (client, seq) -> {
            HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
            return a.statusCode() == 200 ? null : String.valueOf(a.statusCode());
        };
    }

    Load.Op spread() {
        return (client, seq) -> pay(members.get((int) (seq % members.size())), seq);
    }

    Load.Op hot() {
        return (client, seq) -> pay(hotMember, seq);
    }
}
