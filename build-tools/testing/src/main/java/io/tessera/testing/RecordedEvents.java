package io.tessera.testing;

import io.tessera.platform.api.events.EventPublisher;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a unit test's services publish, in order. Publishing outside a transaction is refused as the
 * platform's publisher refuses it.
 */
public final class RecordedEvents implements EventPublisher {

    /** One published event. */
    public record Published(long id, String topic, String aggregate, Object payload) {
    }

    private final LocalJpaTemplate jpa;
    private final List<Published> events = new ArrayList<>();

    public RecordedEvents(LocalJpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public synchronized long publish(String topic, String aggregate, Object payload) {
        if (!jpa.inTransaction()) {
            throw new IllegalStateException("events are published inside the business transaction");
        }
        events.add(new Published(events.size() + 1, topic, aggregate, payload));
        return events.size();
    }

    public synchronized List<Published> all() {
        return List.copyOf(events);
    }
}
