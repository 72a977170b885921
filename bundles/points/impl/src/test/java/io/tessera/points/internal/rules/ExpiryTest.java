package io.tessera.points.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.points.internal.rules.Expiry.Policy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.Test;

public class ExpiryTest {

    private static LocalDateTime at(String dateTime) {
        return LocalDateTime.parse(dateTime);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    // ---- NEVER ----

    @Test
    public void pointsThatNeverExpireGetTheLastDayOfYear9999AndNoLastDay() {
        LocalDateTime expires = Expiry.expiresAt(Policy.NEVER, 0, at("2026-03-15T10:00"));
        assertEquals(LocalDateTime.of(9999, 12, 31, 0, 0), expires);
        assertEquals(Expiry.NEVER, expires);
        assertNull(Expiry.lastDay(expires));
        assertTrue(Expiry.never(expires));
    }

    @Test
    public void neverIgnoresTheMonthsAndTheEarningTime() {
        assertEquals(Expiry.NEVER, Expiry.expiresAt(Policy.NEVER, 12, at("2026-12-31T23:59")));
        assertEquals(Expiry.NEVER, Expiry.expiresAt(Policy.NEVER, 36, at("2028-02-29T00:00")));
    }

    @Test
    public void onlyTheNeverMomentAndLaterCountAsNever() {
        assertTrue(Expiry.never(Expiry.NEVER));
        assertTrue(Expiry.never(LocalDateTime.MAX));
        assertFalse(Expiry.never(at("9999-12-30T00:00")));
        assertFalse(Expiry.never(at("9999-12-30T23:59:59.999999999")));
        assertEquals(day("9999-12-29"), Expiry.lastDay(at("9999-12-30T00:00")));
    }

    // ---- MONTHS ----

    @Test
    public void monthsExpireAtTheStartOfTheDayAfterTheSameDayNMonthsLater() {
        // 2026-03-15 + 6 months = 2026-09-15: valid through it, expired from 2026-09-16 00:00
        LocalDateTime expires = Expiry.expiresAt(Policy.MONTHS, 6, at("2026-03-15T14:30"));
        assertEquals(at("2026-09-16T00:00"), expires);
        assertEquals(day("2026-09-15"), Expiry.lastDay(expires));
        assertFalse(Expiry.never(expires));
    }

    @Test
    public void aMonthEndWithoutTheSameDayNextMonthUsesThatMonthsLastDay() {
        // 2026-01-31 + 1 month = 2026-02-28 (no 31 February): expired from 2026-03-01
        LocalDateTime expires = Expiry.expiresAt(Policy.MONTHS, 1, at("2026-01-31T10:15"));
        assertEquals(at("2026-03-01T00:00"), expires);
        assertEquals(day("2026-02-28"), Expiry.lastDay(expires));
    }

    @Test
    public void aMonthEndIntoALeapFebruaryEndsOnThe29th() {
        // 2028-01-31 + 1 month = 2028-02-29
        LocalDateTime expires = Expiry.expiresAt(Policy.MONTHS, 1, at("2028-01-31T09:00"));
        assertEquals(at("2028-03-01T00:00"), expires);
        assertEquals(day("2028-02-29"), Expiry.lastDay(expires));
    }

    @Test
    public void aLeapDayPlusTwelveMonthsEndsOnThe28thOfFebruary() {
        // 2028-02-29 + 12 months = 2029-02-28 (2029 is no leap year)
        LocalDateTime expires = Expiry.expiresAt(Policy.MONTHS, 12, at("2028-02-29T12:00"));
        assertEquals(at("2029-03-01T00:00"), expires);
        assertEquals(day("2029-02-28"), Expiry.lastDay(expires));
    }

    @Test
    public void the28thOfFebruaryPlusTwelveMonthsIntoALeapYearDoesNotGainTheLeapDay() {
        // 2027-02-28 + 12 months = 2028-02-28: expired from 2028-02-29 00:00
        LocalDateTime expires = Expiry.expiresAt(Policy.MONTHS, 12, at("2027-02-28T08:00"));
        assertEquals(at("2028-02-29T00:00"), expires);
        assertEquals(day("2028-02-28"), Expiry.lastDay(expires));
    }

    @Test
    public void monthsCarryOverTheYearEnd() {
        // 2026-11-30 + 3 months = 2027-02-28
        LocalDateTime expires = Expiry.expiresAt(Policy.MONTHS, 3, at("2026-11-30T16:00"));
        assertEquals(at("2027-03-01T00:00"), expires);
        assertEquals(day("2027-02-28"), Expiry.lastDay(expires));
    }

    @Test
    public void anEarningLateInTheEveningStillCountsItsDay() {
        // earned 2026-05-10 23:59: the day is 2026-05-10, + 1 month = 2026-06-10
        LocalDateTime late = Expiry.expiresAt(Policy.MONTHS, 1, at("2026-05-10T23:59"));
        assertEquals(at("2026-06-11T00:00"), late);
        assertEquals(day("2026-06-10"), Expiry.lastDay(late));
        // the time of day changes nothing
        assertEquals(late, Expiry.expiresAt(Policy.MONTHS, 1, at("2026-05-10T00:00")));
        assertEquals(late, Expiry.expiresAt(Policy.MONTHS, 1, at("2026-05-10T23:59:59.999999999")));
        // one minute later it is the next day's earning
        assertEquals(at("2026-06-12T00:00"), Expiry.expiresAt(Policy.MONTHS, 1, at("2026-05-11T00:00")));
    }

    @Test
    public void everyDayAndEveryTermEndsOnTheSameDayOfMonthOrThatMonthsLastDay() {
        // independent of plusMonths: the target month by arithmetic, the day clamped to its length
        for (LocalDate earned = day("2027-01-01"); earned.isBefore(day("2029-01-01")); earned = earned.plusDays(1)) {
            for (int months = 1; months <= 36; months++) {
                String what = earned + " + " + months;
                int index = earned.getYear() * 12 + earned.getMonthValue() - 1 + months;
                YearMonth target = YearMonth.of(index / 12, index % 12 + 1);
                LocalDate expected = target.atDay(Math.min(earned.getDayOfMonth(), target.lengthOfMonth()));
                LocalDateTime expires = Expiry.expiresAt(Policy.MONTHS, months, earned.atTime(23, 59));
                assertEquals(what, expected, Expiry.lastDay(expires));
                assertEquals(what, expected.plusDays(1).atStartOfDay(), expires);
            }
        }
    }

    // ---- END_OF_FOLLOWING_YEAR ----

    @Test
    public void endOfFollowingYearIsValidThrough31DecemberOfTheNextYear() {
        LocalDateTime expires = Expiry.expiresAt(Policy.END_OF_FOLLOWING_YEAR, 0, at("2026-03-15T11:00"));
        assertEquals(at("2028-01-01T00:00"), expires);
        assertEquals(day("2027-12-31"), Expiry.lastDay(expires));
        assertFalse(Expiry.never(expires));
    }

    @Test
    public void theLastMinuteOfTheYearStillBelongsToThatYear() {
        LocalDateTime expires = Expiry.expiresAt(Policy.END_OF_FOLLOWING_YEAR, 0, at("2026-12-31T23:59"));
        assertEquals(at("2028-01-01T00:00"), expires);
        assertEquals(day("2027-12-31"), Expiry.lastDay(expires));
    }

    @Test
    public void theWholeYearEarnsTheSameExpiryAndTheMonthsAreIgnored() {
        LocalDateTime expected = at("2028-01-01T00:00");
        assertEquals(expected, Expiry.expiresAt(Policy.END_OF_FOLLOWING_YEAR, 0, at("2026-01-01T00:00")));
        assertEquals(expected, Expiry.expiresAt(Policy.END_OF_FOLLOWING_YEAR, 6, at("2026-07-01T12:00")));
        assertEquals(expected, Expiry.expiresAt(Policy.END_OF_FOLLOWING_YEAR, 24, at("2026-12-31T23:59:59")));
        // the next year's first minute: one year more
        assertEquals(at("2029-01-01T00:00"), Expiry.expiresAt(Policy.END_OF_FOLLOWING_YEAR, 0, at("2027-01-01T00:00")));
    }

    // ---- lastDay ----

    @Test
    public void theLastDayIsTheDayBeforeTheFirstExpiredMoment() {
        assertEquals(day("2026-02-28"), Expiry.lastDay(at("2026-03-01T00:00")));
        assertEquals(day("2027-12-31"), Expiry.lastDay(at("2028-01-01T00:00")));
        // a moment inside a day: that day is still valid up to it
        assertEquals(day("2026-03-01"), Expiry.lastDay(at("2026-03-01T00:00:00.000000001")));
    }
}
