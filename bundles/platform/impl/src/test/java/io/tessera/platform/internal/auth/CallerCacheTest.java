package io.tessera.platform.internal.auth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.platform.api.Caller;
import io.tessera.platform.api.Role;
import io.tessera.testing.Stub;
import java.util.EnumSet;
import java.util.Set;
import org.junit.Test;

/** Resolved callers are kept briefly, never past a change, never under the raw header. */
public class CallerCacheTest {

    private static final Caller CLERK = new Caller(Caller.Kind.OPERATOR, 7, "clerk", "E7", EnumSet.of(Role.CLERK), Set.of(103L));

    private static CallerCache cache(int seconds) {
        return new CallerCache(Stub.of(CallerCache.Config.class).on("caller_cache_seconds", a -> seconds).build());
    }

    @Test
    public void aResolvedCallerIsKeptUnderTheHeadersHash() {
        CallerCache cache = cache(60);
        String key = cache.key("Bearer abc");
        assertNotEquals("Bearer abc", key);
        assertFalse(key.contains("abc"));
        cache.put(key, CLERK, cache.generation());
        assertEquals(CLERK, cache.get(key).orElseThrow());
        assertFalse(cache.get(cache.key("Bearer abd")).isPresent());
    }

    @Test
    public void aChangeForgetsEveryCaller() {
        CallerCache cache = cache(60);
        String key = cache.key("Bearer abc");
        cache.put(key, CLERK, cache.generation());
        cache.forgetAll();
        assertFalse(cache.get(key).isPresent());
    }

    @Test
    public void aCallerResolvedBeforeAChangeIsNotKeptAfterIt() {
        CallerCache cache = cache(60);
        String key = cache.key("Bearer abc");
        long before = cache.generation();
        // ... the token is read as valid, then a logout commits and empties the cache ...
        cache.forgetAll();
        cache.put(key, CLERK, before);
        assertFalse(cache.get(key).isPresent());
    }

    @Test
    public void zeroSecondsTurnsItOffAndEntriesExpire() throws Exception {
        CallerCache off = cache(0);
        assertNull(off.key("Bearer abc"));
        off.put(null, CLERK, off.generation());
        assertFalse(off.get(null).isPresent());

        CallerCache oneSecond = cache(1);
        String key = oneSecond.key("Basic eHl6OnNlY3JldA==");
        oneSecond.put(key, CLERK, oneSecond.generation());
        assertTrue(oneSecond.get(key).isPresent());
        Thread.sleep(1100);
        assertFalse(oneSecond.get(key).isPresent());
    }
}
