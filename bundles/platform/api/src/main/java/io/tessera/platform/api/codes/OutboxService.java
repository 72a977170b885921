package io.tessera.platform.api.codes;

import java.util.List;

/** Reads the messages the default sender kept (admins at the console, tests, support staff). */
public interface OutboxService {

    /** Newest first; {@code phone} null for all phones. */
    List<OutboxMessage> recent(String phone, int limit);
}
