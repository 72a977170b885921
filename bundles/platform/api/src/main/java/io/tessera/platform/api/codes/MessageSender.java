package io.tessera.platform.api.codes;

/**
 * SPI for delivering text messages (SMS). The platform's default sender keeps every message in an
 * outbox table; a gateway bundle registers its own sender with a higher service ranking.
 */
public interface MessageSender {

    void send(String phone, String text);
}
