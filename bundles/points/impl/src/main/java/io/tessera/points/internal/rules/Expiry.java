package io.tessera.points.internal.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * When a lot expires, in business time: the first moment it is expired. NEVER → 9999-12-31 (a date, so
 * lots that never expire sort last and the column is indexable); MONTHS → the start of the day after the
 * same day N months later (earned 2026-01-31, 1 month → valid through 2026-02-28, expired from 2026-03-01);
 * END_OF_FOLLOWING_YEAR → valid through 31 December of the next year (earned 2026-03-15 → expired from
 * 2028-01-01).
 */
public final class Expiry {

    public enum Policy { NEVER, MONTHS, END_OF_FOLLOWING_YEAR }

    public static final LocalDateTime NEVER = LocalDateTime.of(9999, 12, 31, 0, 0);

    private Expiry() {
    }

    public static LocalDateTime expiresAt(Policy policy, int months, LocalDateTime earnedAt) {
        return switch (policy) {
            case NEVER -> NEVER;
            case MONTHS -> earnedAt.toLocalDate().plusMonths(months).plusDays(1).atStartOfDay();
            case END_OF_FOLLOWING_YEAR -> LocalDate.of(earnedAt.getYear() + 2, 1, 1).atStartOfDay();
        };
    }

    /** The last day the points are valid on; null when they never expire. */
    public static LocalDate lastDay(LocalDateTime expiresAt) {
        return never(expiresAt) ? null : expiresAt.minusNanos(1).toLocalDate();
    }

    public static boolean never(LocalDateTime expiresAt) {
        return !expiresAt.isBefore(NEVER);
    }
}
