package io.tessera.payments.api;

/**
 * A tender of an order: {@code PENDING} (stored value held, or a channel payment waiting for the
 * customer), {@code UNKNOWN} (the channel did not answer: asked again until it does, never assumed
 * failed), {@code SUCCEEDED}, {@code FAILED}, or {@code CANCELLED} (released or closed because another
 * tender failed or the order closed).
 */
public enum TenderStatus {
    PENDING, UNKNOWN, SUCCEEDED, FAILED, CANCELLED;

    public boolean settled() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
