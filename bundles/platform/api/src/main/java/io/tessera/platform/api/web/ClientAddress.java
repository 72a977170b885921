package io.tessera.platform.api.web;

import java.util.Optional;

/**
 * The network address of the client whose request the current thread serves (REST and SOAP), for
 * limits that count per client even when nobody is logged in (login codes). Set and cleared by the
 * platform's faces.
 */
public final class ClientAddress {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ClientAddress() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(String address) {
        CURRENT.set(address);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
