package io.tessera.platform.internal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.PublicEndpoint;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every operation of the merged OpenAPI document says because of how the platform answers,
 * read from the published resource methods themselves, so the document cannot drift from them:
 * the error responses and their body (ApiError), the success status, which operations are open
 * (security as {@link AuthFilter} enforces it), which take a body (413/415, required body), and the
 * types of the query parameters every domain reads through {@code QueryParams} (page, size, ids,
 * amounts, dates). An operation whose resource is not published is left out: the document describes
 * what answers now.
 */
final class OpenApiConventions {

    private static final Map<String, String> ERRORS = new LinkedHashMap<>();
    private static final java.util.Set<String> HTTP_METHODS = java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options");

    static {
        ERRORS.put("400", "The request is malformed: a field or parameter is missing, of the wrong type or out of range (code and field say which)");
        ERRORS.put("401", "No valid credentials (Bearer token or Basic client credential)");
        ERRORS.put("403", "The caller's role or stores do not allow this");
        ERRORS.put("404", "No such record, or one the caller may not see");
        ERRORS.put("405", "This path (a more specific one than a template that also matches it) has no such method: see the Allow header");
        ERRORS.put("409", "A conflict: a unique value taken, or an idempotency key used for another request or operation");
        ERRORS.put("413", "The request body is larger than the configured limit");
        ERRORS.put("415", "The body is not of a content type the operation accepts (JSON: application/json, UTF-8)");
        ERRORS.put("422", "Well-formed, but a business rule refuses it (e.g. insufficient balance)");
        ERRORS.put("429", "Too many requests (e.g. SMS codes): try again later");
        ERRORS.put("500", "An unexpected error; the message carries a reference to quote");
        ERRORS.put("503", "Something the operation needs is not available now (e.g. a payment channel whose feature is not installed, a domain's settings not loaded, the domain itself being installed or restarted: DOMAIN_UNAVAILABLE with Retry-After): try again later");
    }

    private OpenApiConventions() {
    }

    static void apply(ObjectNode doc, List<Object> resources) {
        ObjectNode schemas = (ObjectNode) doc.with("components").with("schemas");
        schemas.set("ApiError", apiError(doc));
        Map<String, Method> methods = methods(resources);
        Map<String, Integer> names = new java.util.HashMap<>();
        methods.values().forEach(m -> names.merge(m.getName(), 1, Integer::sum));
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                Method m = methods.get(op.getKey().toUpperCase(Locale.ROOT) + " " + trim(path.getKey()));
                if (m == null && HTTP_METHODS.contains(op.getKey())) {
                    // Its bundle is active but its resource is not published (yet, or any more): not served.
                    ops.remove();
                    continue;
                }
                if (m != null && op.getValue().isObject()) {
                    ObjectNode o = (ObjectNode) op.getValue();
                    // Grouped by resource, named by method: unique across domains (client generators need it).
                    String tag = tag(m);
                    o.putArray("tags").add(tag);
                    o.put("operationId", names.get(m.getName()) == 1 ? m.getName()
                            : Character.toLowerCase(tag.charAt(0)) + tag.substring(1) + Character.toUpperCase(m.getName().charAt(0))
                            + m.getName().substring(1));
                    operation(doc, o, m);
                }
            }
            if (!path.getValue().fieldNames().hasNext()) {
                paths.remove();
            }
        }
    }

    private static void operation(ObjectNode doc, ObjectNode op, Method m) {
        boolean open = m.isAnnotationPresent(PublicEndpoint.class) || m.getDeclaringClass().isAnnotationPresent(PublicEndpoint.class);
        if (open) {
            op.putArray("security");
        }
        ObjectNode responses = op.with("responses");
        JsonNode fallback = responses.remove("default");
        boolean annotated = responses.fieldNames().hasNext();
        if (!annotated) {
            boolean empty = m.getReturnType() == void.class;
            ObjectNode ok = responses.putObject(empty ? "204" : "200");
            ok.put("description", empty ? "Done" : "OK");
            if (!empty && fallback != null && fallback.path("content").path("application/json").has("schema")) {
                ok.set("content", fallback.get("content"));
            }
        }
        boolean body = Routes.takesBody(m);
        for (Map.Entry<String, String> e : ERRORS.entrySet()) {
            String status = e.getKey();
            if (open && (status.equals("401") || status.equals("403")) || !body && (status.equals("413") || status.equals("415"))
                    || responses.has(status)) {
                continue;
            }
            ObjectNode r = responses.putObject(status);
            r.put("description", e.getValue());
            if (status.equals("503")) {
                ObjectNode retry = r.with("headers").with("Retry-After");
                retry.put("description", "Seconds to wait before trying again (DOMAIN_UNAVAILABLE: the domain is coming back)");
                retry.with("schema").put("type", "integer");
            }
            r.with("content").with("application/json").with("schema").put("$ref", "#/components/schemas/ApiError");
        }
        if (body && op.has("requestBody")) {
            ((ObjectNode) op.get("requestBody")).put("required", true);
        }
        for (JsonNode p : op.path("parameters")) {
            if (p.isObject()) {
                parameter((ObjectNode) p);
            }
        }
    }

    /** The types QueryParams reads, by the parameter names every domain uses for them. */
    private static void parameter(ObjectNode p) {
        String name = p.path("name").asText();
        String in = p.path("in").asText();
        ObjectNode schema = p.with("schema");
        if (!"string".equals(schema.path("type").asText()) || schema.has("enum") || schema.has("format") || schema.has("pattern")) {
            return;
        }
        if (("query".equals(in) || "path".equals(in)) && (name.equals("id") || name.endsWith("Id"))) {
            schema.removeAll().put("type", "integer").put("format", "int64");
        } else if ("query".equals(in) && name.equals("page")) {
            schema.removeAll().put("type", "integer").put("format", "int32").put("minimum", 1).put("maximum", Page.MAX_PAGE).put("default", 1);
        } else if ("query".equals(in) && name.equals("size")) {
            schema.removeAll().put("type", "integer").put("format", "int32").put("minimum", 1).put("maximum", Page.MAX_SIZE).put("default", 20);
        } else if ("path".equals(in) && name.equals("index")) {
            schema.removeAll().put("type", "integer").put("format", "int32").put("minimum", 1);
        } else if ("query".equals(in) && (name.equals("minBalance") || name.equals("maxBalance") || name.endsWith("Amount"))) {
            schema.removeAll().put("type", "string").put("pattern", "^-?\\d{1,17}(\\.\\d{1,2})?$").put("example", "100.00");
        } else if ("query".equals(in) && (name.equals("from") || name.equals("to") || name.endsWith("Date"))) {
            schema.put("format", "date");
        }
    }

    private static ObjectNode apiError(ObjectNode doc) {
        ObjectNode s = doc.objectNode();
        s.put("type", "object");
        s.put("description", "Every refusal: a stable code from the domain's catalogue, a human message, and the field at fault when there is one");
        s.putArray("required").add("code").add("message");
        ObjectNode props = s.putObject("properties");
        props.putObject("code").put("type", "string").put("example", "WALLET_INSUFFICIENT_BALANCE");
        props.putObject("message").put("type", "string");
        props.putObject("field").put("type", "string").put("example", "amount");
        s.put("additionalProperties", false);
        return s;
    }

    private static Map<String, Method> methods(List<Object> resources) {
        Map<String, Method> byRoute = new LinkedHashMap<>();
        for (Routes.Route r : Routes.of(resources)) {
            byRoute.put(r.verb + " " + trim(r.template), r.method);
        }
        return byRoute;
    }

    /** "Wallets" for WalletsResource. */
    private static String tag(Method m) {
        String name = m.getDeclaringClass().getSimpleName();
        return name.endsWith("Resource") && name.length() > "Resource".length() ? name.substring(0, name.length() - "Resource".length()) : name;
    }

    /** A template as the document writes it: no slashes around it, variables without their expressions. */
    private static String trim(String path) {
        return Routes.trim(path.replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}"));
    }
}
