package io.tessera.reporting.internal.rules;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

public class PeriodsTest {

    private static List<Periods.Range> cover(String from, String to) {
        return Periods.cover(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    public void aDayOrAFewDaysAreDayRows() {
        assertEquals(List.of(new Periods.Range("D", 20261204, 20261204)), cover("2026-12-04", "2026-12-04"));
        assertEquals(List.of(new Periods.Range("D", 20261115, 20261214)), cover("2026-11-15", "2026-12-14"));
    }

    @Test
    public void wholeMonthsAreMonthRowsAndTheEndsDays() {
        assertEquals(List.of(new Periods.Range("M", 202601, 202612)), cover("2026-01-01", "2026-12-31"));
        assertEquals(List.of(new Periods.Range("D", 20250115, 20250131), new Periods.Range("M", 202502, 202611),
                new Periods.Range("D", 20261201, 20261204)), cover("2025-01-15", "2026-12-04"));
        assertEquals(List.of(new Periods.Range("M", 202402, 202402)), cover("2024-02-01", "2024-02-29"));
    }

    @Test
    public void aMonthFromItsSecondDayIsDays() {
        assertEquals(List.of(new Periods.Range("D", 20261202, 20261231)), cover("2026-12-02", "2026-12-31"));
        assertEquals(List.of(new Periods.Range("D", 20261130, 20261130), new Periods.Range("M", 202612, 202612)),
                cover("2026-11-30", "2026-12-31"));
    }

    @Test
    public void numbersReadBack() {
        assertEquals(20261204, Periods.day(LocalDate.of(2026, 12, 4)));
        assertEquals(202612, Periods.month(LocalDate.of(2026, 12, 4)));
        assertEquals(LocalDate.of(2026, 12, 4), Periods.dayOf(20261204));
        assertEquals(List.of(), cover("2026-12-05", "2026-12-04"));
    }

    @Test
    public void trendKeysAreEveryDayOrEveryMonthOfTheRange() {
        assertEquals(List.of("2026-11-30", "2026-12-01"), Periods.trendKeys(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01")));
        assertEquals(List.of("2025-11", "2025-12", "2026-01", "2026-02"),
                Periods.trendKeys(LocalDate.parse("2025-11-20"), LocalDate.parse("2026-02-01")));
    }
}
