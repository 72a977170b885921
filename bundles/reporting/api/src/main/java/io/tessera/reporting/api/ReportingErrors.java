package io.tessera.reporting.api;

import io.tessera.platform.api.ErrorCode;

/** The reporting domain's error catalogue. */
public enum ReportingErrors implements ErrorCode {
    /** A report's days: both given, the first not after the last, at most ten years apart. */
    REPORT_RANGE_INVALID(400),
    /** No business format with that code (a report filtered by format). */
    REPORT_FORMAT_NOT_FOUND(404),
    /** A rebuild of the read model is running already: wait for its job. */
    REBUILD_RUNNING(409);

    private final int status;

    ReportingErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
