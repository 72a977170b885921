package io.tessera.members.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The level rule in one place: a member holds the highest level whose threshold their experience
 * reaches (none below the lowest threshold). {@link #bands} turns the levels into experience ranges
 * so that re-evaluating millions of members is one bulk update per level.
 */
public final class LevelRules {

    public static final BigDecimal NO_DISCOUNT = new BigDecimal("1.00");

    /** A level's id and threshold. */
    public record Threshold(long levelId, long threshold) {
    }

    /** Members with {@code from <= experience < toExclusive} (no upper bound when null) hold {@code levelId}. */
    public record Band(long levelId, long from, Long toExclusive) {
    }

    private LevelRules() {
    }

    public static Long levelFor(long experience, List<Threshold> levels) {
        Threshold best = null;
        for (Threshold t : levels) {
            if (t.threshold() <= experience && (best == null || t.threshold() > best.threshold())) {
                best = t;
            }
        }
        return best == null ? null : best.levelId();
    }

    public static List<Band> bands(List<Threshold> levels) {
        List<Threshold> sorted = new ArrayList<>(levels);
        sorted.sort(Comparator.comparingLong(Threshold::threshold));
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Long to = i + 1 < sorted.size() ? sorted.get(i + 1).threshold() : null;
            bands.add(new Band(sorted.get(i).levelId(), sorted.get(i).threshold(), to));
        }
        return bands;
    }

    /** A day of the year as MM-dd ({month, day}; 02-29 allowed), or null when it is none. */
    public static int[] monthDay(String mmdd) {
        if (mmdd == null || !mmdd.trim().matches("\\d{2}-\\d{2}")) {
            return null;
        }
        int month = Integer.parseInt(mmdd.trim().substring(0, 2));
        int day = Integer.parseInt(mmdd.trim().substring(3));
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).maxLength()) {
            return null;
        }
        return new int[] {month, day};
    }

    /** The review's day in {@code year}: the 29th of February is the 28th in a common year. */
    public static LocalDate reviewDay(int year, int month, int day) {
        YearMonth ym = YearMonth.of(year, month);
        return ym.atDay(Math.min(day, ym.lengthOfMonth()));
    }

    /** A discount rate must be in (0, 1] with at most two decimals, e.g. 0.95 (9.5折). */
    public static boolean validRate(BigDecimal rate) {
        return rate != null && rate.signum() > 0 && rate.compareTo(BigDecimal.ONE) <= 0
                && rate.stripTrailingZeros().scale() <= 2;
    }
}
