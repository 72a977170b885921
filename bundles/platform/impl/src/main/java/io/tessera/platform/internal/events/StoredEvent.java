package io.tessera.platform.internal.events;

import io.tessera.platform.api.events.Event;
import io.tessera.platform.internal.jpa.EventEntity;
import io.tessera.platform.internal.web.Json;
import java.time.LocalDateTime;

/** An outbox row as consumers see it; the payload is read leniently (unknown fields ignored). */
record StoredEvent(long id, String topic, String aggregate, LocalDateTime createdAt, String payloadJson) implements Event {

    static StoredEvent of(EventEntity e) {
        return new StoredEvent(e.id, e.topic, e.aggregate, e.createdAt, e.payload);
    }

    @Override
    public <T> T payload(Class<T> type) {
        return Json.read(payloadJson, type);
    }
}
