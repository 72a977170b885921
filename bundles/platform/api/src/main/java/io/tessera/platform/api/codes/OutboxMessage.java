package io.tessera.platform.api.codes;

import java.time.Instant;

public final class OutboxMessage {
    private final long id;
    private final String phone;
    private final String text;
    private final Instant createdAt;

    public OutboxMessage(long id, String phone, String text, Instant createdAt) {
        this.id = id;
        this.phone = phone;
        this.text = text;
        this.createdAt = createdAt;
    }

    public long getId() {
        return id;
    }

    public String getPhone() {
        return phone;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
