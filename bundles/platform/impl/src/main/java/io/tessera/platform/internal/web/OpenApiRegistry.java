package io.tessera.platform.internal.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the OpenAPI fragment each domain bundle carries at {@value #ENTRY} (generated at build
 * time from its JAX-RS annotations) and merges those of the active bundles into one document, so
 * the document always describes exactly the endpoints that are installed.
 */
@Component(service = OpenApiRegistry.class)
public class OpenApiRegistry {

    static final String ENTRY = "META-INF/openapi/openapi.json";
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiRegistry.class);

    private final Map<String, JsonNode> fragments = new TreeMap<>();
    private volatile List<Object> resources = List.of();
    private BundleTracker<String> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                URL url = bundle.getEntry(ENTRY);
                if (url == null) {
                    return null;
                }
                try (InputStream in = url.openStream()) {
                    JsonNode doc = Json.MAPPER.readTree(in);
                    synchronized (fragments) {
                        fragments.put(bundle.getSymbolicName(), doc);
                    }
                    return bundle.getSymbolicName();
                } catch (IOException e) {
                    LOG.warn("Ignoring unreadable OpenAPI fragment of {}", bundle.getSymbolicName(), e);
                    return null;
                }
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String name) {
                synchronized (fragments) {
                    fragments.remove(name);
                }
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** The resources the REST server publishes now (the conventions are read from their methods). */
    void published(List<Object> current) {
        resources = List.copyOf(current);
    }

    public List<String> domains() {
        synchronized (fragments) {
            return new ArrayList<>(fragments.keySet());
        }
    }

    public JsonNode merged() {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Tessera API");
        info.put("description", "Membership, stored value, coupons and points. Operators authenticate with "
                + "`Authorization: Bearer <token>`, the token from POST /auth/login; integrators with HTTP Basic client credentials.");
        info.put("version", "v1");
        doc.putArray("servers").addObject().put("url", "/api/v1");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        ObjectNode security = ((ObjectNode) doc.get("components")).putObject("securitySchemes");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer");
        security.putObject("basic").put("type", "http").put("scheme", "basic");
        doc.putArray("security").add(Json.MAPPER.createObjectNode().set("bearer", Json.MAPPER.createArrayNode()))
                .add(Json.MAPPER.createObjectNode().set("basic", Json.MAPPER.createArrayNode()));
        synchronized (fragments) {
            for (JsonNode fragment : fragments.values()) {
                copyFields(fragment.path("paths"), paths);
                copyFields(fragment.path("components").path("schemas"), schemas);
            }
        }
        OpenApiConventions.apply(doc, resources);
        return doc;
    }

    private static void copyFields(JsonNode from, ObjectNode to) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            to.set(e.getKey(), e.getValue());
        }
    }
}
