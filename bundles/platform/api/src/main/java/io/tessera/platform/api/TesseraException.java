package io.tessera.platform.api;

/**
 * The one error type of Tessera's services, thrown from an entry of a domain's error catalogue
 * ({@link ErrorCode}). REST maps it to the entry's HTTP status and a JSON body
 * {@code {"code", "message", "field"}}; SOAP maps it to a fault carrying the same code.
 * Codes are stable: integrators program against them.
 */
public class TesseraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    /** Thrown from a catalogue entry: {@link ErrorCode#error} or {@link ErrorCode#at}. */
    TesseraException(ErrorCode code, String message, String field) {
        super(message);
        this.status = code.status();
        this.code = code.code();
        this.field = field;
    }

    /** 400 FIELD_REQUIRED naming the field. */
    public static TesseraException required(String field) {
        return PlatformErrors.FIELD_REQUIRED.at(field, field + " is required");
    }

    /** 403 FORBIDDEN. */
    public static TesseraException forbidden(String message) {
        return PlatformErrors.FORBIDDEN.error(message);
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
