package io.tessera.reporting.api;

import io.tessera.platform.api.ErrorCode;

/** The reporting domain's error catalogue. */
public enum ReportingErrors implements ErrorCode {
    /** A report's days: both given, the first not after the last, at most ten years apart. */
    REPORT_RANGE_INVALID(400),
    /** No business format with that code (a report filtered by format). */
    REPORT_FORMAT_NOT_FOUND(404),
    /** The domain whose records were asked for (coupons) is not installed. */
    REPORT_SOURCE_NOT_INSTALLED(503),
    /** A rebuild of the read model is running already: wait for its job. */
    REBUILD_RUNNING(409),
    BILL_NOT_FOUND(404),
    /** The file is not a bill of that channel (the message says which line and why). */
    BILL_INVALID(400),
    /** Another file was imported for the channel, merchant and day already (the same file answers its bill). */
    BILL_ALREADY_IMPORTED(409),
    /** No merchant account of the channel has that merchant id. */
    BILL_MERCHANT_UNKNOWN(404),
    /** The channel's feature is not installed or not configured: its bills can be neither asked for nor read. */
    BILL_CHANNEL_NOT_AVAILABLE(503),
    /** The day cannot close while a difference is open or waiting for the next day's bill. */
    BILL_DAY_OPEN(409),
    DIFFERENCE_NOT_FOUND(404),
    /** Only an open difference can be resolved. */
    DIFFERENCE_NOT_OPEN(409);

    private final int status;

    ReportingErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
