package io.tessera.platform.internal.web;

import io.tessera.platform.api.PlatformErrors;
import java.util.function.Predicate;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;

/**
 * A path of a domain that is not published right now but is coming back (its feature being installed or refreshed,
 * its bundle installed but its resources not yet up) answers 503 {@code DOMAIN_UNAVAILABLE} with {@code Retry-After},
 * not 404: a till retrying by its idempotency key can tell "coming back" from "not installed". It answers so before
 * authentication, as a server that is starting would: no resource runs and nothing but the domain's path prefix is
 * said; a 401 keeps meaning "the resource is here and wants credentials". A path of no known domain goes on to 404.
 */
@Provider
@PreMatching
public class ComingBack implements ContainerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 2;

    private final Predicate<String> comingBack;

    ComingBack(Predicate<String> comingBack) {
        this.comingBack = comingBack;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String first = firstSegment(path);
        if (first.isEmpty() || !comingBack.test(first)) {
            return;
        }
        request.abortWith(Response.status(503).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(PlatformErrors.DOMAIN_UNAVAILABLE.body("/" + first + " is being installed or restarted: try again in a few seconds", null))
                .build());
    }

    /** "wallets" of "/wallets/accounts" or "wallets/accounts". */
    static String firstSegment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }
}
