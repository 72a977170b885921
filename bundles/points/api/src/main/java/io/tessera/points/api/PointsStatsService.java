package io.tessera.points.api;

import java.util.List;

/**
 * Points statistics, kept from the points' own events (consumer "points.book"): per month, for the chain (headquarters)
 * or a store the caller may see (movements made there), and the members who earned the most.
 */
public interface PointsStatsService {

    /** Months {@code from}..{@code to} (yyyy-MM, at most 120); storeId null: the chain (headquarters only). */
    List<PointsMonth> monthly(String from, String to, Long storeId);

    /** The {@code size} (1 to 100) members who earned the most in the months (headquarters only). */
    List<TopEarner> topEarners(String from, String to, int size);
}
