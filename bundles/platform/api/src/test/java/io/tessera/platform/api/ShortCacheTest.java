package io.tessera.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

public class ShortCacheTest {

    private final Map<Long, String> database = new ConcurrentHashMap<>(Map.of(1L, "open", 2L, "closed"));
    private final AtomicInteger reads = new AtomicInteger();

    private Optional<String> read(long id) {
        reads.incrementAndGet();
        return Optional.ofNullable(database.get(id));
    }

    @Test
    public void aValueIsReadOnceWhileKeptAndAgainAfterAChange() {
        ShortCache<Long, String> cache = new ShortCache<>(Duration.ofMinutes(1), 100);
        assertEquals("open", cache.get(1L, this::read).orElseThrow());
        assertEquals("open", cache.get(1L, this::read).orElseThrow());
        assertEquals(1, reads.get());
        database.put(1L, "closed");
        cache.forgetAll();
        assertEquals("closed", cache.get(1L, this::read).orElseThrow());
        assertEquals(2, reads.get());
    }

    @Test
    public void whatDoesNotExistIsReadEveryTime() {
        ShortCache<Long, String> cache = new ShortCache<>(Duration.ofMinutes(1), 100);
        assertFalse(cache.get(9L, this::read).isPresent());
        database.put(9L, "new");
        assertEquals("new", cache.get(9L, this::read).orElseThrow());
        assertEquals(2, reads.get());
    }

    @Test
    public void aValueReadWhileAChangeCameIsNotKept() {
        ShortCache<Long, String> cache = new ShortCache<>(Duration.ofMinutes(1), 100);
        // The change commits (and empties the cache) while the old value is being read.
        assertEquals("open", cache.get(1L, id -> {
            Optional<String> old = read(id);
            database.put(1L, "closed");
            cache.forgetAll();
            return old;
        }).orElseThrow());
        assertEquals("closed", cache.get(1L, this::read).orElseThrow());
    }

    @Test
    public void nothingIsKeptForZeroSecondsAndTheSizeIsBounded() throws InterruptedException {
        ShortCache<Long, String> off = new ShortCache<>(Duration.ZERO, 100);
        off.get(1L, this::read);
        off.get(1L, this::read);
        assertEquals(2, reads.get());

        ShortCache<Long, String> brief = new ShortCache<>(Duration.ofMillis(20), 100);
        brief.get(2L, this::read);
        Thread.sleep(40);
        brief.get(2L, this::read);
        assertEquals(4, reads.get());

        ShortCache<Long, String> small = new ShortCache<>(Duration.ofMinutes(1), 1);
        small.get(1L, this::read);
        small.get(2L, this::read);
        small.get(1L, this::read);
        assertEquals(7, reads.get());
    }
}
