package io.tessera.payments.api;

/**
 * The events the payments domain publishes (platform outbox), in the transaction that made the change,
 * aggregate {@code "order:<order no>"}: {@link #ORDER_PAID} and {@link #ORDER_CLOSED} with the order as
 * {@code GET /orders/{no}} answers it ({@link Order}: member, store, lines with their discounts, tenders
 * with amounts and fees), {@link #ORDER_REFUNDED} with the {@link Refund} and the order after it, and
 * {@link #RECHARGE_PAID} for a recharge order once paid. Consumers may read the payload into a class of
 * their own.
 */
public final class PaymentEvents {

    public static final String ALL = "payments.*";
    public static final String ORDER_PAID = "payments.order_paid";
    public static final String ORDER_CLOSED = "payments.order_closed";
    public static final String ORDER_REFUNDED = "payments.order_refunded";
    public static final String RECHARGE_PAID = "payments.recharge_paid";

    private PaymentEvents() {
    }

    /** The payload of {@link #ORDER_REFUNDED}. */
    public static class Refunded {
        public Refund refund;
        public Order order;
    }
}
