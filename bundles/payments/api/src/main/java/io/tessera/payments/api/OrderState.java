package io.tessera.payments.api;

/**
 * Where an order is: {@code CREATED → PAID → PARTIALLY_REFUNDED → REFUNDED}, or {@code CREATED → CLOSED}
 * (cancelled, or unpaid past its expiry: every hold and reservation released).
 */
public enum OrderState {
    CREATED, PAID, PARTIALLY_REFUNDED, REFUNDED, CLOSED;

    /** Whether an order in this state may move to {@code next}. */
    public boolean mayBecome(OrderState next) {
        return switch (this) {
            case CREATED -> next == PAID || next == CLOSED;
            case PAID, PARTIALLY_REFUNDED -> next == PARTIALLY_REFUNDED || next == REFUNDED;
            case REFUNDED, CLOSED -> false;
        };
    }

    /** Whether money may still be refunded. */
    public boolean refundable() {
        return this == PAID || this == PARTIALLY_REFUNDED;
    }
}
