package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Tessera as a client generated from its own OpenAPI document would meet it: every operation gets a
 * request built only from the document (required parameters and fields, their examples, enums and
 * types) and must answer with a status the document lists for it, never a 500. The answers are
 * recorded like every other exchange, so the contract tests check their bodies too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class OpenApiSelfTestIT extends TesseraTestSupport {

    @Before
    public void ready() {
        awaitReady();
    }

    @Test
    public void everyOperationAnswersARequestBuiltFromTheDocumentWithADocumentedStatus() {
        String hq = bearer(HQ_ADMIN);
        Answer served = call("GET", "/openapi.json", null, hq);
        assertEquals(served.toString(), 200, served.status);
        JsonNode doc = served.json;
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> verbs = path.getValue().fieldNames(); verbs.hasNext(); ) {
                operations.add(new String[] {verbs.next(), path.getKey()});
            }
        }
        // Logging out ends the session the other requests use: last.
        operations.sort((a, b) -> Boolean.compare(a[1].endsWith("/logout"), b[1].endsWith("/logout")));
        assertTrue("the document lists the installed domains' operations", operations.size() > 40);
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (String[] o : operations) {
            JsonNode op = doc.get("paths").get(o[1]).get(o[0]);
            Answer a = send(doc, o[0].toUpperCase(), o[1], op, hq, ++n);
            if (a.status == 500 || !op.get("responses").has(String.valueOf(a.status))) {
                wrong.add(o[0].toUpperCase() + " " + o[1] + " -> " + a);
            }
        }
        assertTrue(wrong.size() + " operation(s) answered outside their documented statuses:\n" + String.join("\n", wrong),
                wrong.isEmpty());
    }

    private Answer send(JsonNode doc, String method, String template, JsonNode op, String authorization, int n) {
        String path = template;
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        for (JsonNode p : op.path("parameters")) {
            String name = p.get("name").asText();
            String in = p.get("in").asText();
            String value = String.valueOf(scalar(p.path("schema"), name, n));
            if ("path".equals(in)) {
                path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if ("query".equals(in) && p.path("required").asBoolean()) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            } else if ("header".equals(in) && p.path("required").asBoolean()) {
                headers.put(name, "self-test-" + n + "-" + System.nanoTime());
            }
        }
        byte[] body = null;
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
            headers.put("Content-Type", "application/json");
            body = sample(doc, content.get("application/json").path("schema"), "body", n, 0).toString().getBytes(StandardCharsets.UTF_8);
        } else if (content.fieldNames().hasNext()) {
            String type = content.fieldNames().next();
            headers.put("Content-Type", type);
            body = "卡号,卡类型,余额,所属门店,卡状态\nSELF0001,SV,1.00,103,正常\n".getBytes(StandardCharsets.UTF_8);
        }
        return raw(method, "/api/v1" + path + query, body, headers);
    }

    /** A value of the schema: its example, default or first enum value, else one of its type. */
    private static Object scalar(JsonNode schema, String name, int n) {
        if (schema.has("example")) {
            return schema.get("example").asText();
        }
        if (schema.has("default")) {
            return schema.get("default").asText();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        switch (schema.path("type").asText()) {
            case "integer":
                return 1;
            case "number":
                return "1.00";
            case "boolean":
                return true;
            default:
                return "date".equals(schema.path("format").asText()) ? "2026-01-01"
                        : "date-time".equals(schema.path("format").asText()) ? "2026-01-01T00:00:00+08:00" : name + n;
        }
    }

    private JsonNode sample(JsonNode doc, JsonNode schema, String name, int n, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            return sample(doc, doc.at(ref.substring(1)), name, n, depth);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if ("object".equals(type)) {
            ObjectNode o = JSON.createObjectNode();
            for (JsonNode required : schema.path("required")) {
                String field = required.asText();
                JsonNode fieldSchema = schema.path("properties").path(field);
                if (!fieldSchema.path("readOnly").asBoolean() && depth < 4) {
                    o.set(field, sample(doc, fieldSchema, field, n, depth + 1));
                }
            }
            return o;
        }
        if ("array".equals(type)) {
            ArrayNode a = JSON.createArrayNode();
            if (schema.path("minItems").asInt() > 0) {
                a.add(sample(doc, schema.path("items"), name, n, depth + 1));
            }
            return a;
        }
        Object v = scalar(schema, name, n);
        if ("integer".equals(type)) {
            return JSON.getNodeFactory().numberNode(Long.parseLong(String.valueOf(v)));
        }
        if ("number".equals(type)) {
            return JSON.getNodeFactory().numberNode(new java.math.BigDecimal(String.valueOf(v)));
        }
        if ("boolean".equals(type)) {
            return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(String.valueOf(v)));
        }
        return JSON.getNodeFactory().textNode(String.valueOf(v));
    }
}
