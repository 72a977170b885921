package io.tessera.itests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Every REST request the integration tests make and the answer they got, one JSON line each in
 * {@code itests/target/exchanges/<test class>.jsonl}: the contract tests validate them all against
 * the OpenAPI document Tessera serves (saved beside them as {@code openapi.json}). Credentials are
 * recorded as present, never their value.
 */
final class Exchanges {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadLocal<Boolean> OFF = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Exchanges() {
    }

    static Path folder() {
        String dir = System.getProperty("tessera.exchanges");
        return dir == null ? null : Paths.get(dir);
    }

    /** Runs {@code work} without recording its exchanges (waiting for Tessera to publish its API). */
    static void unrecorded(Runnable work) {
        OFF.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            OFF.set(Boolean.FALSE);
        }
    }

    static synchronized void record(String testClass, String method, URI uri, Map<String, List<String>> requestHeaders,
                                    byte[] requestBody, int status, HttpHeaders responseHeaders, byte[] responseBody) {
        Path dir = folder();
        if (dir == null || OFF.get() || !uri.getRawPath().startsWith("/api/v1/") || uri.getRawPath().equals("/api/v1/openapi.json")
                || uri.getRawPath().startsWith("/api/v1/docs")) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("test", testClass);
        line.put("method", method);
        line.put("path", uri.getRawPath());
        line.put("query", uri.getRawQuery());
        ObjectNode headers = line.putObject("requestHeaders");
        requestHeaders.forEach((k, v) -> headers.put(k, k.equalsIgnoreCase("Authorization")
                ? v.get(0).replaceAll("^(\\S+)\\s.*$", "$1 ***") : String.join(",", v)));
        line.put("requestBody", body(requestHeaders.getOrDefault("Content-Type", List.of("")).get(0), requestBody));
        line.put("status", status);
        String contentType = responseHeaders.firstValue("Content-Type").orElse("");
        line.put("responseContentType", contentType);
        line.put("responseBody", body(contentType, responseBody));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(testClass + ".jsonl"), JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void saveDocument(String json) {
        Path dir = folder();
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path doc = dir.resolve("openapi.json");
            if (!Files.exists(doc)) {
                Files.writeString(doc, json, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JSON and text bodies as text; a binary one (an image, a spreadsheet) as a note that it was there:
     * no schema describes its bytes. Null for no body.
     */
    private static String body(String contentType, byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String type = contentType.toLowerCase();
        boolean textual = type.contains("json") || type.startsWith("text/");
        return textual ? new String(body, StandardCharsets.UTF_8) : "(" + body.length + " bytes of " + contentType + ")";
    }
}
