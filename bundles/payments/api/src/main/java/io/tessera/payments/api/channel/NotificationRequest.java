package io.tessera.payments.api.channel;

import java.util.Map;

/** A notification as it arrived: its headers (names in lower case) and its body, unread. */
public class NotificationRequest {
    public Map<String, String> headers;
    public byte[] body;
    public String contentType;
}
