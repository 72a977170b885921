package io.tessera.platform.internal.web;

import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.web.PublicEndpoint;
import io.tessera.platform.internal.auth.Authenticator;
import io.tessera.platform.api.web.ClientAddress;
import java.lang.reflect.Method;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.ext.Provider;

/**
 * Authentication for every REST resource: a method is open only when marked
 * {@link PublicEndpoint}; everything else needs a valid Bearer token or Basic client credential.
 * The caller is set on the thread for the resource and cleared when the response leaves. Then,
 * before any body is read, the {@link RequestRules} (size, content type).
 */
@Provider
public class AuthFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private final Authenticator authenticator;
    private final RequestRules rules;

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest http;

    AuthFilter(Authenticator authenticator, RequestRules rules) {
        this.authenticator = authenticator;
        this.rules = rules;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        CallerContext.clear();
        ClientAddress.set(http == null ? null : http.getRemoteAddr());
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        // Open endpoints ignore credentials: a stale token must not block login.
        if (!isPublic()) {
            CallerContext.set(authenticator.require(header));
        }
        rules.check(request, resourceInfo.getResourceMethod());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        CallerContext.clear();
        ClientAddress.clear();
    }

    private boolean isPublic() {
        Method m = resourceInfo.getResourceMethod();
        Class<?> c = resourceInfo.getResourceClass();
        return (m != null && m.isAnnotationPresent(PublicEndpoint.class))
                || (c != null && c.isAnnotationPresent(PublicEndpoint.class));
    }
}
