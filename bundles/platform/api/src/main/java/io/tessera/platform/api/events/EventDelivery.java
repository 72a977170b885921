package io.tessera.platform.api.events;

import java.time.OffsetDateTime;

/** One event for one consumer, as an admin sees it in the outbox ({@code GET /api/v1/events}). */
public class EventDelivery {

    public enum Status { PENDING, DONE, FAILED }

    /** The delivery's id (what {@code POST /events/{id}/retry} takes). */
    public long id;
    public long eventId;
    public String topic;
    public String aggregate;
    public String consumer;
    public Status status;
    public int attempts;
    /** When a PENDING delivery is tried next. */
    public OffsetDateTime nextAt;
    /** Why the last attempt failed (digit runs masked). */
    public String lastError;
    /** The event's payload as published (JSON text). */
    public String payload;
    public OffsetDateTime createdAt;
    public OffsetDateTime doneAt;
}
