package io.tessera.platform.api;

/** The platform's error catalogue: request shape, authentication, idempotency, codes, clients, jobs, events. */
public enum PlatformErrors implements ErrorCode {
    // The request's shape
    BAD_REQUEST(400),
    FIELD_REQUIRED(400),
    FIELD_INVALID(400),
    FIELD_TOO_LONG(400),
    FIELD_UNKNOWN(400),
    PARAM_INVALID(400),
    PAGE_INVALID(400),
    PAGE_SIZE_INVALID(400),
    AMOUNT_INVALID(400),
    DATE_INVALID(400),
    DATE_RANGE_INVALID(400),
    RANGE_INVALID(400),
    PHONE_INVALID(400),
    JSON_MALFORMED(400),
    XML_MALFORMED(400),
    SOAP_REQUEST_INVALID(400),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    BODY_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    // Who is calling
    AUTH_REQUIRED(401),
    AUTH_SCHEME_UNSUPPORTED(401),
    CREDENTIALS_INVALID(401),
    TOKEN_INVALID(401),
    OPERATOR_DISABLED(401),
    FORBIDDEN(403),
    // Idempotency
    IDEMPOTENCY_KEY_REQUIRED(400),
    IDEMPOTENCY_KEY_INVALID(400),
    IDEMPOTENCY_KEY_REUSED(409),
    CONFLICT(409),
    // Verification codes (SMS)
    CODE_INVALID(400),
    CODE_EXPIRED(400),
    CODE_DEAD(400),
    CODE_TOO_FREQUENT(429),
    CODE_REQUESTS_TOO_MANY(429),
    // Integrator clients
    CLIENT_ID_INVALID(400),
    SECRET_HASH_INVALID(400),
    STORES_REQUIRED(400),
    CLIENT_EXISTS(409),
    CLIENT_NOT_FOUND(404),
    CLIENT_PROVISIONED(409),
    // Jobs and events
    JOB_NOT_FOUND(404),
    JOB_RESULT_NOT_FOUND(404),
    EVENT_NOT_FOUND(404),
    EVENT_NOT_FAILED(409),
    /** A domain's feature is being installed or restarted: its paths answer this, with Retry-After, until it is back. */
    DOMAIN_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int status;

    PlatformErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
