package io.tessera.platform.internal.web;

import io.tessera.platform.api.PlatformErrors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Answers 405 with an {@code Allow} header when the most specific path that matches a request has no
 * method for it. JAX-RS would instead try a less specific template with that method: {@code GET
 * /cards/void-exports} would look up a card named "void-exports", {@code PUT /levels/reevaluate}
 * would update a level. Built from the published resources each time the API is rebuilt.
 */
@PreMatching
final class MethodRouting implements ContainerRequestFilter {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?\\}");

    /** One path template and the HTTP methods declared on it. */
    private static final class Route {
        final Pattern pattern;
        final int literals;
        final int variables;
        final Set<String> methods = new TreeSet<>();

        Route(Pattern pattern, int literals, int variables) {
            this.pattern = pattern;
            this.literals = literals;
            this.variables = variables;
        }
    }

    private final List<Route> routes;

    private MethodRouting(List<Route> routes) {
        this.routes = routes;
    }

    static MethodRouting of(List<Object> resources) {
        Map<String, Route> byTemplate = new LinkedHashMap<>();
        for (Routes.Route r : Routes.of(resources)) {
            byTemplate.computeIfAbsent(r.template, MethodRouting::route).methods.add(r.verb);
        }
        List<Route> routes = new ArrayList<>(byTemplate.values());
        routes.sort(Comparator.<Route>comparingInt(r -> -r.literals).thenComparingInt(r -> -r.variables));
        return new MethodRouting(routes);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.OPTIONS.equals(method)) {
            return;
        }
        String path = Routes.trim(request.getUriInfo().getPath(true));
        for (Route r : routes) {
            if (r.pattern.matcher(path).matches()) {
                boolean allowed = r.methods.contains(method) || HttpMethod.HEAD.equals(method) && r.methods.contains(HttpMethod.GET);
                if (!allowed) {
                    request.abortWith(Response.status(405).header("Allow", String.join(", ", r.methods))
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(PlatformErrors.METHOD_NOT_ALLOWED.body(method + " is not allowed here; allowed: "
                                    + String.join(", ", r.methods), null)).build());
                }
                return;
            }
        }
    }

    private static Route route(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        int literals = 0;
        int variables = 0;
        while (m.find()) {
            String literal = template.substring(last, m.start());
            literals += literal.length();
            regex.append(Pattern.quote(literal)).append('(').append(m.group(2) == null ? "[^/]+" : m.group(2)).append(')');
            variables++;
            last = m.end();
        }
        String tail = template.substring(last);
        literals += tail.length();
        regex.append(Pattern.quote(tail));
        return new Route(Pattern.compile(regex.toString()), literals, variables);
    }

}
