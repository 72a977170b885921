package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A sale at the till as a POS makes it: the order created and priced (the member's level discount, since it
 * is paid with stored value), then paid with the member's stored value — two REST calls, each with its own
 * idempotency key. Members of {@link PayBench} (spread over 200 accounts), at a level of 95 %.
 */
final class CheckoutBench {

    private final PayBench members;
    private final Tessera tessera;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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

    /** One sale: created (201) and paid (201); null when both were, else the first status and error code. */
    String sale(long memberId, long sequence) throws Exception {
        String key = "co-" + sequence + "-" + System.nanoTime();
        HttpResponse<String> created = send("/orders", "{\"storeId\":" + members.storeId + ",\"posOrderNo\":\"" + key + "\",\"memberId\":"
                + memberId + ",\"payWith\":[\"MEMBER\"],\"lines\":[{\"sku\":\"6901\",\"name\":\"维生素C\",\"quantity\":2,\"unitPrice\":" + PayBench.amount(999) + "},"
                + "{\"sku\":\"6902\",\"name\":\"口罩\",\"quantity\":1,\"unitPrice\":" + PayBench.amount(999) + "}]}", key + "-c");
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
}
