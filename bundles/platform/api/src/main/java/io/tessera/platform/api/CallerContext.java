package io.tessera.platform.api;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The caller of the request being served on this thread. The platform's REST filter, SOAP invoker
 * and console commands set it; domain services read it to decide what the caller may see.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CallerContext() {
    }

    /** The current caller; 401 when nobody authenticated (a service called outside any face). */
    public static Caller current() {
        Caller c = CURRENT.get();
        if (c == null) {
            throw PlatformErrors.AUTH_REQUIRED.error("authentication required");
        }
        return c;
    }

    public static Optional<Caller> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T callAs(Caller caller, Supplier<T> work) {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void runAs(Caller caller, Runnable work) {
        callAs(caller, () -> {
            work.run();
            return null;
        });
    }

    /** For filters that set the caller at the start of a request and clear it at its end. */
    public static void set(Caller caller) {
        CURRENT.set(caller);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
