package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A running Tessera seen over HTTP as an integrator client (HTTP Basic). */
final class Tessera {

    static final ObjectMapper JSON = new ObjectMapper();

    final String base;
    final String authorization;
    final HttpClient http;

    Tessera(String base, String client, String secret) {
        this.base = base;
        this.authorization = basic(client, secret);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private Tessera(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same client talking to another address (one node of several, not the balancer). */
    Tessera at(String otherBase) {
        return new Tessera(otherBase, authorization);
    }

    /** The HTTP Basic header of an integrator client. */
    static String basic(String client, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(builder(path).GET().build());
    }

    JsonNode post(String path, String json, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = builder(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b.build());
    }

    /** A POST without a body (an action named by its path and query). */
    JsonNode post(String path) throws IOException, InterruptedException {
        return send(builder(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    JsonNode upload(String path, Path file, String contentType) throws IOException, InterruptedException {
        return send(builder(path).timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(file))
                .header("Content-Type", contentType).build());
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }
}
