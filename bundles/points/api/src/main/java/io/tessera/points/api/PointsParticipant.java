package io.tessera.points.api;

/**
 * The participant API other domains call inside their own transaction (no idempotency key of its own: the
 * caller's use case or delivery has one). Marketing rewards members with points through it.
 */
public interface PointsParticipant {

    /**
     * Grants {@code points} (more than 0) to an active member as a marketing reward, in the caller's transaction: a
     * MARKETING lot, spendable at once, expiring as the program's expiry policy says, and a GRANT journal row. Granting
     * twice with the same {@code reference} (at most 60 characters) answers the first grant and moves nothing. The
     * earning row (source type MARKETING, source "mkt:" + reference) carries {@code reason} as its explanation.
     * {@code storeId} is the store the reward is for (null: the member's registering store).
     */
    Earning grant(long memberId, long points, String reference, Long storeId, String reason);
}
