package io.tessera.org.api;

import io.tessera.platform.api.ErrorCode;

/** The org domain's error catalogue: formats, stores, operators. */
public enum OrgErrors implements ErrorCode {
    STORE_NOT_FOUND(404),
    STORE_CLOSED(422),
    STORE_EXISTS(409),
    STORE_CODE_INVALID(400),
    STORE_CODE_IMMUTABLE(400),
    FORMAT_NOT_FOUND(404),
    FORMAT_EXISTS(409),
    FORMAT_CODE_INVALID(400),
    OPERATOR_NOT_FOUND(404),
    OPERATOR_PHONE_EXISTS(409),
    OPERATOR_EMPLOYEE_NO_EXISTS(409),
    EMPLOYEE_NO_IMMUTABLE(400);

    private final int status;

    OrgErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
