package io.tessera.platform.internal.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

/**
 * The REST routes of the published resources, read from their JAX-RS annotations: for each, the HTTP
 * method, the path template as declared (class path + method path, no leading or trailing slash,
 * variables with their regular expressions) and the Java method. Method routing (405) and the
 * OpenAPI conventions read the same routes.
 */
final class Routes {

    /** One resource method: {@code verb} on {@code template}. */
    static final class Route {
        final String verb;
        final String template;
        final Method method;

        Route(String verb, String template, Method method) {
            this.verb = verb;
            this.template = template;
            this.method = method;
        }
    }

    private Routes() {
    }

    static List<Route> of(List<Object> resources) {
        Map<String, Route> routes = new LinkedHashMap<>();
        for (Object resource : resources) {
            Path base = resource.getClass().getAnnotation(Path.class);
            for (Method m : resource.getClass().getMethods()) {
                String verb = httpMethod(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    String a = trim(base == null ? "" : base.value());
                    String b = trim(sub == null ? "" : sub.value());
                    String template = a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
                    routes.put(verb + " " + template, new Route(verb, template, m));
                }
            }
        }
        return List.copyOf(routes.values());
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** A method takes a body when one of its parameters carries no JAX-RS annotation. */
    static boolean takesBody(Method method) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            if (Arrays.stream(annotations).noneMatch(a -> a.annotationType().getName().startsWith("javax.ws.rs."))) {
                return true;
            }
        }
        return false;
    }

    static String trim(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
