package io.tessera.reporting.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Business days and months as the read model numbers them (yyyyMMdd, yyyyMM), and the fewest sums that cover a
 * range of days: whole months from the month sums, the days before the first whole month and after the last one
 * from the day sums. A year asks 12 month rows per store and method, not 365 day rows.
 */
public final class Periods {

    public static final String DAY = "D";
    public static final String MONTH = "M";

    /** Sums of one grain, periods {@code from} to {@code to} included. */
    public record Range(String grain, int from, int to) {
    }

    private Periods() {
    }

    public static int day(LocalDate d) {
        return d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    public static int month(LocalDate d) {
        return d.getYear() * 100 + d.getMonthValue();
    }

    public static LocalDate dayOf(int day) {
        return LocalDate.of(day / 10_000, day / 100 % 100, day % 100);
    }

    /** Ranges up to this many days trend by day, longer ones by month. */
    public static final long DAILY_TREND_DAYS = 62;

    /** Whether a range's trend lines are days (else months). */
    public static boolean dailyTrend(LocalDate from, LocalDate to) {
        return java.time.temporal.ChronoUnit.DAYS.between(from, to) < DAILY_TREND_DAYS;
    }

    /** The sums a trend reads: every day's row when it is daily, else the fewest that cover the range. */
    public static List<Range> trendRanges(LocalDate from, LocalDate to) {
        return dailyTrend(from, to) ? List.of(new Range(DAY, day(from), day(to))) : cover(from, to);
    }

    /** The trend line a sums row of {@code grain} and {@code period} adds to: "yyyy-MM-dd" when daily, else "yyyy-MM". */
    public static String trendKey(boolean daily, String grain, int period) {
        if (daily) {
            return dayOf(period).toString();
        }
        int month = MONTH.equals(grain) ? period : period / 100;
        return String.format("%04d-%02d", month / 100, month % 100);
    }

    /** Every trend line's key of the range, oldest first: its days when it is daily, else its months. */
    public static List<String> trendKeys(LocalDate from, LocalDate to) {
        boolean daily = dailyTrend(from, to);
        List<String> keys = new ArrayList<>();
        for (LocalDate d = daily ? from : from.withDayOfMonth(1); !d.isAfter(to); d = daily ? d.plusDays(1) : d.plusMonths(1)) {
            keys.add(daily ? d.toString() : trendKey(false, MONTH, month(d)));
        }
        return keys;
    }

    public static List<Range> cover(LocalDate from, LocalDate to) {
        List<Range> out = new ArrayList<>();
        if (from.isAfter(to)) {
            return out;
        }
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = to.getDayOfMonth() == to.lengthOfMonth() ? to : to.withDayOfMonth(1).minusDays(1);
        if (firstWhole.isAfter(lastWhole)) {
            out.add(new Range(DAY, day(from), day(to)));
            return out;
        }
        if (from.isBefore(firstWhole)) {
            out.add(new Range(DAY, day(from), day(firstWhole.minusDays(1))));
        }
        out.add(new Range(MONTH, month(firstWhole), month(lastWhole)));
        if (to.isAfter(lastWhole)) {
            out.add(new Range(DAY, day(lastWhole.plusDays(1)), day(to)));
        }
        return out;
    }
}
