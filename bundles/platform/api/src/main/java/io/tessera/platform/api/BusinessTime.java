package io.tessera.platform.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** The chain's wall clock: business days and timestamps are in China Standard Time. */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    /** Now, to the millisecond (what receipts, journals and APIs show). */
    public static LocalDateTime now() {
        return LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MILLIS);
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A stored wall-clock time as the offset timestamp APIs show. */
    public static OffsetDateTime offset(LocalDateTime local) {
        return local == null ? null : local.atZone(ZONE).toOffsetDateTime();
    }
}
