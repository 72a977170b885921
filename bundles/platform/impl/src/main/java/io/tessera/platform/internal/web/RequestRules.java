package io.tessera.platform.internal.web;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.web.BodyLimit;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.MediaType;

/**
 * What a REST request's body must be before anything reads it: no larger than the limit (413, also
 * while a body of unknown length streams in), and of a content type the method declares — a
 * concrete type, never a wildcard, and for JSON no charset but UTF-8 (415). A method that takes
 * no body ignores one.
 */
final class RequestRules {

    /** What a resource method declares about its body, read once per method (not on every request). */
    private record Declared(BodyLimit upload, boolean takesBody, List<MediaType> consumes) {
    }

    private final WebSettings settings;
    /** Per published method; a new instance comes with every rebuild of the REST server. */
    private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

    RequestRules(WebSettings settings) {
        this.settings = settings;
    }

    void check(ContainerRequestContext request, Method method) {
        if (method == null) {
            return;
        }
        Declared d = declared.computeIfAbsent(method, m -> new Declared(m.getAnnotation(BodyLimit.class), Routes.takesBody(m), consumes(m)));
        long limit = d.upload() == null ? settings.maxBodyBytes() : settings.maxBodyBytes(d.upload().name(), d.upload().defaultBytes());
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        if (!d.takesBody()) {
            return;
        }
        String contentType = request.getHeaderString("Content-Type");
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (contentType == null && !hasBody) {
            return;
        }
        checkContentType(contentType, d.consumes());
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    static void checkContentType(String header, List<MediaType> declared) {
        MediaType type = parse(header);
        boolean ok = type != null && !type.isWildcardType() && !type.isWildcardSubtype()
                && declared.stream().anyMatch(d -> d.isCompatible(type));
        if (ok && MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            ok = charset == null || "utf-8".equals(charset.toLowerCase(Locale.ROOT));
        }
        if (!ok) {
            String accepted = declared.stream().map(MediaType::toString).collect(Collectors.joining(", "));
            throw PlatformErrors.UNSUPPORTED_MEDIA_TYPE.at("Content-Type", "the body must be sent as " + accepted
                    + (accepted.contains("json") ? " (UTF-8)" : ""));
        }
    }

    private static MediaType parse(String header) {
        try {
            return header == null ? null : MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<MediaType> consumes(Method method) {
        Consumes c = method.getAnnotation(Consumes.class);
        if (c == null) {
            c = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        return c == null ? List.of(MediaType.APPLICATION_JSON_TYPE)
                : Arrays.stream(c.value()).flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                        .map(MediaType::valueOf).collect(Collectors.toList());
    }

    static TesseraException tooLarge(long limit) {
        return PlatformErrors.BODY_TOO_LARGE.error("the request body is larger than " + limit + " bytes");
    }

    /** Refuses with 413 as soon as more than {@code limit} bytes have been read. */
    static final class Limited extends FilterInputStream {

        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
