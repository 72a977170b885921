package io.tessera.members.api;

import java.util.List;

/**
 * Levels and experience. A member's level is the highest level whose threshold the member's
 * experience reaches. Gaining experience (paid sales, grants) upgrades at once; creating or changing a
 * level upgrades every member whose experience already reaches a higher level. Nothing here downgrades:
 * a refund takes its experience back but leaves the level, a raised threshold leaves its holders.
 */
public interface LevelService {

    List<Level> list();

    Level create(Level level);

    Level update(long id, Level level);

    /** Refused with 409 LEVEL_IN_USE while members hold it, unless {@code moveToLevelId} names another level. */
    void delete(long id, Long moveToLevelId);

    /**
     * Adds experience (called by other domains, e.g. after a payment). Idempotent per
     * {@code source} + {@code reference}: a repeat adds nothing. Returns the member afterwards.
     */
    Member grantExperience(long memberId, long amount, String source, String reference);

    /** Upgrades every member whose experience reaches a higher level than they hold; returns how many moved up. */
    int reevaluateAll();
}
