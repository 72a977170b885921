package io.tessera.points.api;

import java.util.Locale;

/**
 * The events the points domain publishes (platform outbox) in the transaction that made the change:
 * {@code "points.<entry type>"} (e.g. "points.earn", "points.take_back"), aggregate {@code "member:<id>"},
 * payload the journal row ({@link PointsEntry}, with the lots it moved).
 */
public final class PointsEvents {

    public static final String ALL = "points.*";

    private PointsEvents() {
    }

    public static String topic(EntryType type) {
        return "points." + type.name().toLowerCase(Locale.ROOT);
    }

    public static String aggregate(long memberId) {
        return "member:" + memberId;
    }
}
