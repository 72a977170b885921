package io.tessera.platform.api;

/**
 * The one error type of Tessera's services. REST maps it to an HTTP status and a JSON body
 * {@code {"code", "message", "field"}}; SOAP maps it to a fault carrying the same code.
 * Codes are stable: integrators program against them.
 */
public class TesseraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    public TesseraException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** 400: the request itself is wrong (format, missing field, out of range). */
    public static TesseraException invalid(String field, String code, String message) {
        return new TesseraException(400, code, message, field);
    }

    public static TesseraException required(String field) {
        return invalid(field, "FIELD_REQUIRED", field + " is required");
    }

    public static TesseraException unauthorized(String code, String message) {
        return new TesseraException(401, code, message, null);
    }

    public static TesseraException forbidden(String message) {
        return new TesseraException(403, "FORBIDDEN", message, null);
    }

    public static TesseraException notFound(String code, String message) {
        return new TesseraException(404, code, message, null);
    }

    public static TesseraException conflict(String code, String message, String field) {
        return new TesseraException(409, code, message, field);
    }

    /** 422: well-formed, but a business rule refuses it. */
    public static TesseraException rule(String code, String message, String field) {
        return new TesseraException(422, code, message, field);
    }

    public static TesseraException tooMany(String code, String message) {
        return new TesseraException(429, code, message, null);
    }

    public int getStatus() {
        return status;
    }

    public String getCode() {
        return code;
    }

    public String getField() {
        return field;
    }

    public ApiError toApiError() {
        return new ApiError(code, getMessage(), field);
    }
}
