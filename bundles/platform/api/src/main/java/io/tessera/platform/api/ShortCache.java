package io.tessera.platform.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Reference data a till's every request reads (a store, a member level), kept for a short time so that it is not
 * read again each time. A change made on this node calls {@link #forgetAll} once its transaction has committed and
 * holds at once; on the other nodes of a cluster it holds within the time kept. Only what exists is kept (a missing
 * key is read again), and a value read while a change came is not kept. Values are shared by every caller: keep
 * immutable ones, or hand out copies.
 */
public final class ShortCache<K, V> {

    private record Entry<V>(V value, long until) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long keepNanos;
    private final int maxEntries;

    /**
     * @param keep       how long a value is kept (zero: never)
     * @param maxEntries beyond this many the cache starts again
     */
    public ShortCache(Duration keep, int maxEntries) {
        this.keepNanos = keep.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The kept value, or what {@code load} reads (kept when present). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        if (keepNanos <= 0) {
            return load.apply(key);
        }
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.until() < 0) {
            return Optional.of(e.value());
        }
        long before = generation.get();
        Optional<V> value = load.apply(key);
        if (value.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value.get(), now + keepNanos));
            if (generation.get() != before) {
                // A change came while it was read: it may be from before the change.
                entries.remove(key);
            }
        }
        return value;
    }

    /** Something changed on this node (its transaction committed): nothing read before is used again. */
    public void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
