package io.tessera.terminal.internal;

import java.net.URL;
import java.util.Map;
import java.util.regex.Pattern;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.osgi.framework.Bundle;

/**
 * The terminal's files, read from the bundle's {@code web/} folder: {@code /terminal/} is the single page
 * ({@code index.html}), the rest are its modules, styles, message files and libraries. Only known kinds of
 * file, only plain relative names.
 */
@Path("/")
public class TerminalFiles {

    static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "json", "application/json; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    /** Letters, digits, dots, dashes and underscores in each segment; no segment starting with a dot. */
    static final Pattern NAME = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final Bundle bundle;

    TerminalFiles(Bundle bundle) {
        this.bundle = bundle;
    }

    @GET
    public Response index(@Context UriInfo uri) {
        if (!uri.getAbsolutePath().getPath().endsWith("/")) {
            // The page loads its modules relative to itself: it must be read as /terminal/.
            return Response.seeOther(uri.getAbsolutePathBuilder().path("/").build()).build();
        }
        return file("index.html");
    }

    @GET
    @Path("{file: .+}")
    public Response file(@PathParam("file") String file) {
        String type = typeOf(file);
        URL entry = type == null ? null : bundle.getEntry("web/" + file);
        if (entry == null) {
            return Response.status(404).type("text/plain; charset=UTF-8").entity("Not found").build();
        }
        StreamingOutput body = out -> {
            try (var in = entry.openStream()) {
                in.transferTo(out);
            }
        };
        // Libraries change only with their version in the bundle; the terminal's own files with each release.
        String cache = file.startsWith("lib/") ? "max-age=86400" : "no-cache";
        return Response.ok(body, type).header("Cache-Control", cache).build();
    }

    /** The content type of a servable name, or null when the name is not one the terminal serves. */
    static String typeOf(String file) {
        if (file == null || !NAME.matcher(file).matches()) {
            return null;
        }
        int dot = file.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(file.substring(dot + 1));
    }
}
