package io.tessera.platform.internal.auth;

import io.tessera.platform.api.Caller;
import io.tessera.platform.internal.Hashing;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Callers resolved from an Authorization header, kept for {@code caller.cache.seconds} (etc/io.tessera.auth.cfg;
 * 0 turns it off) so that a till's every request does not read its token, operator or client again. Keyed by the
 * header's SHA-256, never the header itself. Whatever changes a caller on this node — a logout, a token or client
 * disabled, an operator's roles or stores changed — empties it at once; on the other nodes of a cluster the change
 * holds within those seconds.
 */
@Component(service = CallerCache.class, configurationPid = "io.tessera.auth")
public class CallerCache {

    /** Its setting is described with the others of {@code io.tessera.auth} ({@link TokenServiceImpl.Config}). */
    public @interface Config {
        int caller_cache_seconds() default 2;
    }

    /** Beyond this many live entries the cache starts again (one entry per till or integrator session). */
    static final int MAX_ENTRIES = 20_000;

    private record Entry(Caller caller, long until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private volatile long ttlNanos;

    /** Moves on at every change: a caller resolved before a change is never put in after it. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    public CallerCache(Config config) {
        configure(config);
    }

    @Modified
    void configure(Config config) {
        ttlNanos = Math.max(0, config.caller_cache_seconds()) * 1_000_000_000L;
        entries.clear();
    }

    /** The header's key in the cache, or null when the cache is off. */
    String key(String authorization) {
        return ttlNanos == 0 ? null : Hashing.sha256(authorization);
    }

    Optional<Caller> get(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - e.until > 0) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.caller);
    }

    /** Read before resolving a caller; {@link #put} keeps the caller only if nothing changed meanwhile. */
    long generation() {
        return generation.get();
    }

    void put(String key, Caller caller, long resolvedAt) {
        if (key == null) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(caller, System.nanoTime() + ttlNanos));
        if (generation.get() != resolvedAt) {
            // A change came while this caller was being resolved: it may be from before the change.
            entries.remove(key);
        }
    }

    /** A caller changed on this node (after its transaction committed): nothing resolved before is used again. */
    public void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
