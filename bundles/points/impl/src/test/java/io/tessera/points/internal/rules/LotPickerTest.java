package io.tessera.points.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.points.internal.rules.LotPicker.Candidate;
import io.tessera.points.internal.rules.LotPicker.Take;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class LotPickerTest {

    private static final String EARNED = "2026-01-10";

    /** A lot earned on {@code earned} (a date), expiring at the start of {@code expires} (a date). */
    private static Candidate lot(long id, long remaining, String expires, String earned) {
        return new Candidate(id, remaining, LocalDateTime.parse(expires + "T00:00"), LocalDateTime.parse(earned + "T12:00"));
    }

    private static Candidate lot(long id, long remaining, String expires) {
        return lot(id, remaining, expires, EARNED);
    }

    private static Candidate neverExpiring(long id, long remaining, String earned) {
        return new Candidate(id, remaining, Expiry.NEVER, LocalDateTime.parse(earned + "T12:00"));
    }

    private static Take take(long lotId, long points) {
        return new Take(lotId, points);
    }

    private static long sum(List<Take> takes) {
        return takes.stream().mapToLong(Take::points).sum();
    }

    // ---- order ----

    @Test
    public void theLotThatExpiresFirstGivesFirst() {
        List<Candidate> lots = List.of(lot(1, 100, "2027-01-01"), lot(2, 50, "2026-07-01"), lot(3, 30, "2026-09-01"));
        // 120 = 50 (lot 2, July) + 30 (lot 3, September) + 40 of lot 1's 100
        assertEquals(List.of(take(2, 50), take(3, 30), take(1, 40)), LotPicker.pick(lots, 120));
    }

    @Test
    public void onTheSameExpiryTheOlderLotGivesFirst() {
        List<Candidate> lots = List.of(lot(5, 40, "2026-12-01", "2026-03-01"), lot(6, 40, "2026-12-01", "2026-02-01"));
        assertEquals(List.of(take(6, 40), take(5, 10)), LotPicker.pick(lots, 50));
    }

    @Test
    public void onTheSameExpiryAndEarningTheLowerIdGivesFirst() {
        List<Candidate> lots = List.of(lot(9, 40, "2026-12-01"), lot(4, 40, "2026-12-01"));
        assertEquals(List.of(take(4, 40), take(9, 10)), LotPicker.pick(lots, 50));
    }

    @Test
    public void theExpiryCountsBeforeTheEarningDate() {
        // lot 1 is older but expires later
        List<Candidate> lots = List.of(lot(1, 40, "2027-06-01", "2025-06-01"), lot(2, 40, "2026-12-01", "2026-06-01"));
        assertEquals(List.of(take(2, 40), take(1, 5)), LotPicker.pick(lots, 45));
    }

    @Test
    public void lotsThatNeverExpireGiveLast() {
        List<Candidate> lots = List.of(neverExpiring(1, 100, "2020-01-01"), lot(2, 30, "2099-12-31"), lot(3, 20, "2026-08-01"));
        // 60 = 20 (lot 3) + 30 (lot 2) + 10 of the never-expiring lot 1
        assertEquals(List.of(take(3, 20), take(2, 30), take(1, 10)), LotPicker.pick(lots, 60));
    }

    @Test
    public void neverExpiringLotsAmongThemselvesGoByEarningThenId() {
        List<Candidate> lots = List.of(neverExpiring(8, 10, "2026-05-01"), neverExpiring(7, 10, "2026-05-01"),
                neverExpiring(3, 10, "2026-06-01"));
        assertEquals(List.of(take(7, 10), take(8, 10), take(3, 5)), LotPicker.pick(lots, 25));
    }

    @Test
    public void theOrderComparatorSortsAsPickTakes() {
        Candidate a = lot(1, 1, "2026-07-01", "2026-01-01");
        Candidate b = lot(2, 1, "2026-07-01", "2026-02-01");
        Candidate c = lot(3, 1, "2026-07-01", "2026-02-01");
        Candidate d = neverExpiring(4, 1, "2019-01-01");
        List<Candidate> sorted = new ArrayList<>(List.of(d, c, b, a));
        sorted.sort(LotPicker.ORDER);
        assertEquals(List.of(a, b, c, d), sorted);
    }

    // ---- how much ----

    @Test
    public void theLastLotTakenGivesOnlyWhatIsStillWanted() {
        List<Candidate> lots = List.of(lot(1, 50, "2026-07-01"), lot(2, 30, "2026-08-01"));
        // 70 = 50 + 20 of lot 2's 30
        assertEquals(List.of(take(1, 50), take(2, 20)), LotPicker.pick(lots, 70));
    }

    @Test
    public void aLotThatCoversEverythingIsTheOnlyOneTaken() {
        List<Candidate> lots = List.of(lot(1, 500, "2026-07-01"), lot(2, 30, "2026-08-01"));
        assertEquals(List.of(take(1, 120)), LotPicker.pick(lots, 120));
    }

    @Test
    public void exactlyWhatTheLotsHoldEmptiesEveryLot() {
        List<Candidate> lots = List.of(lot(1, 50, "2026-07-01"), lot(2, 30, "2026-08-01"));
        assertEquals(List.of(take(1, 50), take(2, 30)), LotPicker.pick(lots, 80));
    }

    @Test
    public void wantingMoreThanThereIsTakesEverythingAndTheCallerSeesTheShortfall() {
        List<Candidate> lots = List.of(lot(1, 50, "2026-07-01"), lot(2, 30, "2026-08-01"));
        List<Take> takes = LotPicker.pick(lots, 100);
        assertEquals(List.of(take(1, 50), take(2, 30)), takes);
        assertEquals(80, sum(takes));
        assertEquals(20, 100 - sum(takes)); // 100 wanted − 80 there
    }

    @Test
    public void noLotsGiveNothing() {
        assertEquals(List.of(), LotPicker.pick(List.of(), 10));
        assertEquals(List.of(), LotPicker.pick(List.of(), 0));
    }

    @Test
    public void zeroWantedTakesNothing() {
        List<Candidate> lots = List.of(lot(1, 50, "2026-07-01"));
        assertEquals(List.of(), LotPicker.pick(lots, 0));
    }

    @Test
    public void negativeWantedIsRefused() {
        List<Candidate> lots = List.of(lot(1, 50, "2026-07-01"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LotPicker.pick(lots, -1));
        assertEquals("points must not be negative: -1", e.getMessage());
    }

    @Test
    public void lotsWithNothingLeftAreSkipped() {
        List<Candidate> lots = List.of(lot(1, 0, "2026-06-01"), lot(2, 30, "2026-07-01"), lot(3, 0, "2026-07-15"),
                lot(4, 30, "2026-08-01"));
        assertEquals(List.of(take(2, 30), take(4, 10)), LotPicker.pick(lots, 40));
    }

    @Test
    public void aLotBelowZeroGivesNothing() {
        // e.g. the debt lot: never positive, never expires
        List<Candidate> lots = List.of(lot(1, -25, "2026-06-01"), lot(2, 30, "2026-07-01"), neverExpiring(3, -40, "2026-01-01"));
        assertEquals(List.of(take(2, 30)), LotPicker.pick(lots, 50));
    }

    @Test
    public void theCallersListIsNotReordered() {
        List<Candidate> lots = new ArrayList<>(List.of(lot(1, 100, "2027-01-01"), neverExpiring(2, 10, "2026-01-01"),
                lot(3, 50, "2026-07-01")));
        List<Candidate> before = List.copyOf(lots);
        LotPicker.pick(lots, 120);
        assertEquals(before, lots);
    }

    @Test
    public void anUnmodifiableListIsAccepted() {
        List<Candidate> lots = List.of(lot(2, 10, "2026-08-01"), lot(1, 10, "2026-07-01"));
        assertEquals(List.of(take(1, 10), take(2, 5)), LotPicker.pick(lots, 15));
    }

    // ---- total ----

    @Test
    public void theTotalIsWhatTheLotsHoldTogether() {
        List<Candidate> lots = List.of(lot(1, 50, "2026-07-01"), lot(2, 30, "2026-08-01"), neverExpiring(3, 20, "2026-01-01"));
        assertEquals(100, LotPicker.total(lots)); // 50 + 30 + 20
        assertEquals(0, LotPicker.total(List.of()));
    }

    @Test
    public void theTotalCountsLotsBelowZeroAsNothing() {
        List<Candidate> lots = List.of(lot(1, 50, "2026-07-01"), lot(2, 0, "2026-08-01"), neverExpiring(3, -70, "2026-01-01"));
        assertEquals(50, LotPicker.total(lots)); // 50 + 0 + 0, not 50 − 70
    }

    @Test
    public void theTotalRefusesToOverflow() {
        List<Candidate> lots = List.of(lot(1, Long.MAX_VALUE, "2026-07-01"), lot(2, 1, "2026-08-01"));
        assertThrows(ArithmeticException.class, () -> LotPicker.total(lots));
    }

    @Test
    public void whatPickTakesNeverExceedsTheTotalNorTheWish() {
        List<Candidate> lots = List.of(lot(1, 50, "2026-07-01"), lot(2, 0, "2026-08-01"), lot(3, 30, "2026-09-01"),
                neverExpiring(4, 20, "2026-01-01"), lot(5, -10, "2026-06-01"));
        long total = LotPicker.total(lots);
        assertEquals(100, total);
        for (long wanted = 0; wanted <= 130; wanted++) {
            List<Take> takes = LotPicker.pick(lots, wanted);
            assertEquals("wanted " + wanted, Math.min(wanted, total), sum(takes));
            for (Take t : takes) {
                assertTrue("wanted " + wanted + " " + t, t.points() > 0);
            }
        }
    }
}
