package io.tessera.points.api;

import java.util.List;

/**
 * Every points journal row of every account, in the order they were written: what a read model kept from the points'
 * events (reporting's points data) is rebuilt from. For callers that see every store; a cursor (the last row's id),
 * never a page number.
 */
public interface PointsFeed {

    /** The most rows one call answers. */
    int MAX = 1000;

    /** Up to {@code limit} (1 to {@link #MAX}) rows with an id above {@code afterId} (0: from the first), by id; without their lots. */
    List<PointsEntry> next(long afterId, int limit);
}
