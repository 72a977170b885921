package io.tessera.platform.api.events;

import java.util.List;

/**
 * A consumer of events, registered as a DS service (whiteboard) with the service properties
 * {@link #NAME} (stable: its subscription and deliveries are kept under it) and {@link #TOPICS}
 * (topics, or prefixes ending in ".*", e.g. "wallets.*"). The subscription is durable: events published
 * while the consumer's feature is not installed wait for it.
 *
 * <p>{@link #consume} runs in a JTA transaction that also records the delivery as done, so what the
 * consumer writes to the database and the record that it consumed the event commit together: a
 * crash before commit means the event is delivered again, after commit never. Several events of the
 * consumer (in order) may share one transaction; throwing rolls them all back, they are delivered again
 * one by one, and the failing one is retried later (backoff) until it ends FAILED. A consumer's effects
 * outside the database (a message sent) may therefore happen more than once: make them idempotent by
 * {@link Event#id()}.
 */
public interface EventConsumer {

    String NAME = "tessera.event.consumer";
    String TOPICS = "tessera.event.topics";

    void consume(Event event);

    /**
     * Several events of this consumer, in event order, in one transaction (the dispatcher delivers a chunk at a time):
     * by default {@link #consume} for each. A consumer overrides it to work on the chunk as a set — one read for all
     * the rows it needs, a sum changed once per key — with the same contract: what it writes commits with the
     * deliveries, throwing rolls them all back.
     */
    default void consumeAll(List<Event> events) {
        for (Event event : events) {
            consume(event);
        }
    }
}
