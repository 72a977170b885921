package io.tessera.platform.internal.rest;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Swagger UI for people at {@code /api/v1/docs/}, reading the live document ({@code openapi.json}):
 * the files of the Swagger UI WebJar (a bundle of the platform feature), with an initializer of
 * Tessera's own. Behind the same authentication as the document (a browser asks for a client's
 * credentials).
 */
@Component(service = DocsResource.class)
@Path("docs")
@Hidden
public class DocsResource {

    static final String WEBJAR = "org.webjars.swagger-ui";
    private static final String INITIALIZER = "window.onload = function () {\n"
            + "  window.ui = SwaggerUIBundle({ url: '../openapi.json', dom_id: '#swagger-ui', deepLinking: true,\n"
            + "    validatorUrl: null, presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });\n"
            + "};\n";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8", "js",
            "application/javascript; charset=UTF-8", "css", "text/css; charset=UTF-8", "png", "image/png");

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @GET
    @Path("{file: .*}")
    public Response file(@PathParam("file") String file, @Context UriInfo uri) {
        if (file.isEmpty() && !uri.getPath().endsWith("/")) {
            // The page loads its files relative to itself: it must be read as .../docs/.
            return Response.seeOther(uri.getAbsolutePathBuilder().path("/").build()).build();
        }
        String name = file.isEmpty() ? "index.html" : file;
        if ("swagger-initializer.js".equals(name)) {
            return Response.ok(INITIALIZER.getBytes(StandardCharsets.UTF_8), TYPES.get("js")).build();
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        URL entry = type == null || name.contains("/") || name.contains("..") ? null : find(name);
        if (entry == null) {
            return Response.status(404).build();
        }
        return Response.ok((javax.ws.rs.core.StreamingOutput) out -> {
            try (var in = entry.openStream()) {
                in.transferTo(out);
            }
        }, type).header("Cache-Control", "max-age=3600").build();
    }

    private URL find(String name) {
        for (Bundle b : context.getBundles()) {
            if (WEBJAR.equals(b.getSymbolicName())) {
                return b.getEntry("META-INF/resources/webjars/swagger-ui/" + b.getVersion().getMajor() + "." + b.getVersion().getMinor() + "."
                        + b.getVersion().getMicro() + "/" + name);
            }
        }
        return null;
    }
}
