package io.tessera.platform.api.web;

/**
 * How a domain bundle publishes its faces. It registers its JAX-RS resource objects as OSGi
 * services with {@link #REST_RESOURCE}{@code =true}, and its JAX-WS implementors with
 * {@link #SOAP_ADDRESS}{@code =/name}. The platform publishes them under {@code /api/v1} and
 * {@code /soap/name} with authentication, error mapping and JSON settings in one place, and
 * withdraws them when the service goes away (feature uninstalled).
 */
public final class Endpoints {

    public static final String REST_RESOURCE = "tessera.rest.resource";
    public static final String SOAP_ADDRESS = "tessera.soap.address";
    /** With {@code =true} on a SOAP implementor: answered without authentication (login only). */
    public static final String SOAP_PUBLIC = "tessera.soap.public";
    /**
     * On a SOAP implementor that takes uploads: the name of its body limit ({@code maxBodyBytes.<name>}
     * in {@code etc/io.tessera.web.cfg}, 16 MiB when not set) instead of the usual {@code maxBodyBytes}.
     */
    public static final String SOAP_BODY_LIMIT = "tessera.soap.bodyLimit";
    public static final String REST_BASE = "/api/v1";
    public static final String SOAP_BASE = "/soap";
    /** HTTP header carrying the idempotency key of a write. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private Endpoints() {
    }
}
