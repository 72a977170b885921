package io.tessera.members.api;

import java.util.List;

/**
 * Levels and experience. A member's level is the highest level whose threshold the member's
 * experience reaches. Gaining experience upgrades at once; creating or changing a level
 * re-evaluates every member under the new rules.
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

    /** Applies the current level rules to every member; returns how many changed level. */
    int reevaluateAll();
}
