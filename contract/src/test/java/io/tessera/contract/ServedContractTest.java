package io.tessera.contract;

import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The OpenAPI document is the contract: every REST request the integration tests made, and every
 * answer Tessera gave, is validated against the document Tessera served during that run.
 * <ul>
 * <li>an answer must be documented: its status, its content type and its body's schema, errors
 * included (additional properties are violations);</li>
 * <li>a request Tessera accepted (2xx) must be valid by the document: what the document forbids,
 * Tessera must refuse. Requests the tests sent malformed on purpose were refused, with a documented
 * error: only the answer is checked for those.</li>
 * </ul>
 */
public class ServedContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void everyRecordedExchangeMatchesTheServedDocument() throws IOException {
        Path dir = Paths.get(System.getProperty("tessera.exchanges", "../itests/target/exchanges"));
        Path doc = dir.resolve("openapi.json");
        assumeTrue("no exchanges recorded (integration tests skipped)", Files.exists(doc));
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(Files.readString(doc))
                .withLevelResolver(LevelResolver.create().withDefaultLevel(ValidationReport.Level.ERROR)
                        // The document's servers say /api/v1: paths are matched below it.
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        List<String> violations = new ArrayList<>();
        Map<String, Integer> checkedByStatus = new TreeMap<>();
        TreeSet<String> operations = new TreeSet<>();
        int exchanges = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".jsonl")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode x = JSON.readTree(line);
                exchanges++;
                int status = x.get("status").asInt();
                checkedByStatus.merge(String.valueOf(status), 1, Integer::sum);
                ValidationReport report = validator.validate(request(x), response(x));
                for (ValidationReport.Message m : report.getMessages()) {
                    if (m.getLevel() != ValidationReport.Level.ERROR || expected(m, status)) {
                        continue;
                    }
                    violations.add(x.get("test").asText() + ": " + x.get("method").asText() + " " + x.get("path").asText()
                            + (x.hasNonNull("query") ? "?" + x.get("query").asText() : "") + " -> " + status + ": ["
                            + m.getKey() + "] " + m.getMessage());
                }
                operations.add(x.get("method").asText() + " " + x.get("path").asText().replaceAll("/\\d+(?=/|$)", "/{n}"));
            }
        }
        System.out.println("Contract: " + exchanges + " exchanges (" + checkedByStatus + ") over " + operations.size()
                + " paths, " + violations.size() + " violation(s)");
        assertTrue("no exchange recorded", exchanges > 0);
        assertTrue(violations.size() + " exchange(s) do not match the served OpenAPI document:\n"
                + violations.stream().limit(80).collect(Collectors.joining("\n")), violations.isEmpty());
    }

    /**
     * What a refused request may violate: its own schema (the tests sent it malformed on purpose) —
     * and, when no route or method exists for it (404/405), the document's paths and methods.
     */
    private static boolean expected(ValidationReport.Message m, int status) {
        String key = m.getKey();
        boolean refused = status >= 400 && status < 500;
        if (refused && key.startsWith("validation.request")) {
            return true;
        }
        return (status == 404 || status == 405) && (key.equals("validation.request.path.missing")
                || key.equals("validation.request.operation.notAllowed"));
    }

    private static Request request(JsonNode x) {
        String path = x.get("path").asText().substring("/api/v1".length());
        SimpleRequest.Builder b = new SimpleRequest.Builder(x.get("method").asText(), path);
        if (x.hasNonNull("query")) {
            for (String pair : x.get("query").asText().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                b.withQueryParam(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        x.get("requestHeaders").fields().forEachRemaining(h -> b.withHeader(h.getKey(), h.getValue().asText()));
        if (x.hasNonNull("requestBody")) {
            b.withBody(x.get("requestBody").asText());
        }
        return b.build();
    }

    private static SimpleResponse response(JsonNode x) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(x.get("status").asInt());
        String type = x.path("responseContentType").asText("");
        if (!type.isEmpty()) {
            b.withContentType(type);
        }
        if (x.hasNonNull("responseBody")) {
            b.withBody(x.get("responseBody").asText());
        }
        return b.build();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
