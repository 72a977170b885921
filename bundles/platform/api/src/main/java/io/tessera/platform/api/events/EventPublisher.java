package io.tessera.platform.api.events;

/**
 * The transactional outbox: an event is written in the caller's JTA transaction, so it exists exactly
 * when the business change it reports committed; after commit the platform's dispatcher delivers it to
 * every consumer subscribed to its topic, at least once, in order per aggregate, with retries (a
 * consumer that keeps failing ends FAILED: {@code GET /api/v1/events?status=FAILED},
 * {@code platform:events}).
 */
public interface EventPublisher {

    /**
     * Writes the event in the current transaction (there must be one: IllegalStateException otherwise).
     *
     * @param topic     "domain.what", e.g. "wallets.recharge"; at most 100 characters
     * @param aggregate what the event is about, e.g. "member:42"; at most 100 characters
     * @param payload   a DTO written as JSON
     * @return the event's id
     */
    long publish(String topic, String aggregate, Object payload);
}
