package io.tessera.platform.api;

/** The body of every error answer: a stable code, a human message and the field at fault (or null). */
public class ApiError {

    private String code;
    private String message;
    private String field;

    public ApiError() {
    }

    public ApiError(String code, String message, String field) {
        this.code = code;
        this.message = message;
        this.field = field;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }
}
