package io.tessera.platform.api.events;

import java.time.LocalDateTime;

/**
 * An event as a consumer receives it: what happened ({@link #topic()}, e.g. "wallets.consume"), to
 * which aggregate (e.g. "member:42"; events of one aggregate reach a consumer in the order they were
 * published), and its payload, written as JSON in the publishing transaction. A consumer reads the
 * payload into a class of its own (a tolerant reader: fields it does not know are ignored), so it needs
 * nothing from the publishing domain's bundles.
 */
public interface Event {

    /** Unique and increasing in publishing order; a consumer that remembers it is idempotent. */
    long id();

    String topic();

    String aggregate();

    LocalDateTime createdAt();

    /** The payload as published (JSON). */
    String payloadJson();

    /** The payload read into {@code type}; fields the type lacks are ignored. */
    <T> T payload(Class<T> type);
}
