package io.tessera.members.internal;

import io.tessera.members.internal.jpa.LevelEntity;
import io.tessera.platform.api.ShortCache;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import javax.persistence.EntityManager;

/**
 * A level's name and discount as a payment reads them with its member, kept 2 seconds (every member payment reads
 * its member's level): a level changed on this node ({@link LevelServiceImpl}) holds at once, on the other nodes of
 * a cluster within those seconds. A member's level itself is read with the member, every time.
 */
final class LevelCache {

    record Kept(String name, BigDecimal discountRate) {
    }

    private static final ShortCache<Long, Kept> KEPT = new ShortCache<>(Duration.ofSeconds(2), 1_000);

    private LevelCache() {
    }

    static Optional<Kept> of(EntityManager em, long levelId) {
        return KEPT.get(levelId, id -> Optional.ofNullable(em.find(LevelEntity.class, id)).map(l -> new Kept(l.name, l.discountRate)));
    }

    /** After a level's change committed. */
    static void forgetAll() {
        KEPT.forgetAll();
    }
}
