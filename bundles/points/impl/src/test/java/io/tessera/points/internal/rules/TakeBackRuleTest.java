package io.tessera.points.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.points.internal.rules.TakeBackRule.Split;
import io.tessera.points.internal.rules.TakeBackRule.WhenSpent;
import org.junit.Test;

public class TakeBackRuleTest {

    // ---- target ----

    @Test
    public void aPartialRefundTakesBackItsShareRoundedDown() {
        // earned 300 on 200.00; 80.00 back: 300 × 8000 / 20000 = 120
        assertEquals(120, TakeBackRule.target(300, 20000, 8000));
    }

    @Test
    public void theShareIsRoundedDownNotToTheNearest() {
        // earned 387 on 258.60; 100.00 back: 387 × 10000 / 25860 = 149.65… → 149
        assertEquals(149, TakeBackRule.target(387, 25860, 10000));
        // 1 fen back: 387 × 1 / 25860 = 0.01… → 0
        assertEquals(0, TakeBackRule.target(387, 25860, 1));
    }

    @Test
    public void everythingBackTakesBackExactlyWhatWasEarned() {
        assertEquals(387, TakeBackRule.target(387, 25860, 25860));
        assertEquals(300, TakeBackRule.target(300, 20000, 20000));
    }

    @Test
    public void theLastFenLiftsTheTargetToEverything() {
        // 387 × 25859 / 25860 = 386.98… → 386; the last fen: 387
        assertEquals(386, TakeBackRule.target(387, 25860, 25859));
        assertEquals(387, TakeBackRule.target(387, 25860, 25860));
    }

    @Test
    public void refundedBeyondTheBaseTakesBackWhatWasEarnedAndNoMore() {
        // e.g. refunds through tenders that earned nothing counted in by the caller
        assertEquals(387, TakeBackRule.target(387, 25860, 30000));
        assertEquals(387, TakeBackRule.target(387, 25860, Long.MAX_VALUE));
    }

    @Test
    public void nothingEarnedNoBaseOrNothingRefundedTakesNothing() {
        assertEquals(0, TakeBackRule.target(0, 20000, 8000));
        assertEquals(0, TakeBackRule.target(300, 0, 8000));
        assertEquals(0, TakeBackRule.target(300, 20000, 0));
        assertEquals(0, TakeBackRule.target(0, 0, 0));
    }

    @Test
    public void negativeInputsTakeNothing() {
        assertEquals(0, TakeBackRule.target(-300, 20000, 8000));
        assertEquals(0, TakeBackRule.target(300, -20000, 8000));
        assertEquals(0, TakeBackRule.target(300, 20000, -8000));
        assertEquals(0, TakeBackRule.target(-300, -20000, -8000));
    }

    @Test
    public void successiveRefundsTakeBackTheDifferenceOfTheTargetsAndEndAtEverything() {
        // earned 387 on 258.60, refunded 100.00, 100.00, 58.60
        long first = TakeBackRule.target(387, 25860, 10000);  // ⌊3870000 / 25860⌋ = 149
        long second = TakeBackRule.target(387, 25860, 20000); // ⌊7740000 / 25860⌋ = 299
        long third = TakeBackRule.target(387, 25860, 25860);  // everything: 387
        assertEquals(149, first);
        assertEquals(299, second);
        assertEquals(387, third);
        // each refund takes the rest of its target: 149, 150, 88
        assertEquals(149, first - 0);
        assertEquals(150, second - first);
        assertEquals(88, third - second);
        assertEquals(387, 149 + 150 + 88);
    }

    @Test
    public void theTargetNeverFallsAsRefundsGrowAndEndsAtWhatWasEarned() {
        long[][] cases = {{387, 25860}, {300, 20000}, {1, 9999}, {7, 3}, {1000, 1}, {12345, 67890}};
        for (long[] c : cases) {
            long earned = c[0];
            long base = c[1];
            long previous = 0;
            for (long refunded = 0; refunded <= base + 2; refunded++) {
                long t = TakeBackRule.target(earned, base, refunded);
                String what = "earned " + earned + " base " + base + " refunded " + refunded;
                assertTrue(what + ": " + t + " < " + previous, t >= previous);
                assertTrue(what + ": " + t, t <= earned);
                previous = t;
            }
            assertEquals("earned " + earned + " base " + base, earned, previous);
            assertEquals(earned, TakeBackRule.target(earned, base, base));
        }
    }

    @Test
    public void largeValuesDoNotOverflow() {
        // 10 000 000 × 3 000 000 000 000 = 3 × 10^19 > Long.MAX_VALUE (≈ 9.22 × 10^18)
        // ⌊10 000 000 × 3 000 000 000 000 / 9 000 000 000 000⌋ = ⌊3 333 333.3…⌋
        assertEquals(3_333_333, TakeBackRule.target(10_000_000, 9_000_000_000_000L, 3_000_000_000_000L));
        // one fen short of everything: ⌊10 000 000 − 10 000 000 / 9 × 10^12⌋ = 9 999 999
        assertEquals(9_999_999, TakeBackRule.target(10_000_000, 9_000_000_000_000L, 8_999_999_999_999L));
        assertEquals(10_000_000, TakeBackRule.target(10_000_000, 9_000_000_000_000L, 9_000_000_000_000L));
    }

    @Test
    public void theLargestEarningStillDividesExactly() {
        // (2^63 − 1) × 2 / 3 = 18446744073709551614 / 3 = 6148914691236517204.67 → 6148914691236517204
        assertEquals(6148914691236517204L, TakeBackRule.target(Long.MAX_VALUE, 3, 2));
        assertEquals(Long.MAX_VALUE, TakeBackRule.target(Long.MAX_VALUE, 3, 3));
    }

    // ---- split ----

    @Test
    public void whatTheLotsNoLongerHoldIsOwedUnderNegative() {
        // want 120, lots hold 50: 50 from the lots, 70 owed
        assertEquals(new Split(50, 70, 0), TakeBackRule.split(120, 50, WhenSpent.NEGATIVE));
    }

    @Test
    public void whatTheLotsNoLongerHoldIsWrittenOffUnderShortfall() {
        // want 120, lots hold 50: 50 from the lots, 70 written off
        assertEquals(new Split(50, 0, 70), TakeBackRule.split(120, 50, WhenSpent.SHORTFALL));
    }

    @Test
    public void whenTheLotsHoldEnoughEverythingComesFromThem() {
        assertEquals(new Split(120, 0, 0), TakeBackRule.split(120, 500, WhenSpent.NEGATIVE));
        assertEquals(new Split(120, 0, 0), TakeBackRule.split(120, 500, WhenSpent.SHORTFALL));
        assertEquals(new Split(120, 0, 0), TakeBackRule.split(120, 120, WhenSpent.NEGATIVE));
        assertEquals(new Split(120, 0, 0), TakeBackRule.split(120, 120, WhenSpent.SHORTFALL));
    }

    @Test
    public void whenTheLotsHoldNothingEverythingIsOwedOrWrittenOff() {
        assertEquals(new Split(0, 120, 0), TakeBackRule.split(120, 0, WhenSpent.NEGATIVE));
        assertEquals(new Split(0, 0, 120), TakeBackRule.split(120, 0, WhenSpent.SHORTFALL));
    }

    @Test
    public void wantingNothingSplitsNothing() {
        assertEquals(new Split(0, 0, 0), TakeBackRule.split(0, 50, WhenSpent.NEGATIVE));
        assertEquals(new Split(0, 0, 0), TakeBackRule.split(0, 0, WhenSpent.SHORTFALL));
    }

    @Test
    public void theSplitAlwaysAddsUpToWhatWasWanted() {
        for (long want = 0; want <= 60; want++) {
            for (long inLots = 0; inLots <= 60; inLots += 7) {
                for (WhenSpent when : WhenSpent.values()) {
                    Split s = TakeBackRule.split(want, inLots, when);
                    String what = want + " / " + inLots + " " + when;
                    assertEquals(what, want, s.fromLots() + s.debt() + s.shortfall());
                    assertEquals(what, Math.min(want, inLots), s.fromLots());
                    assertEquals(what, 0, when == WhenSpent.NEGATIVE ? s.shortfall() : s.debt());
                }
            }
        }
    }

    @Test
    public void negativeInputsAreRefused() {
        IllegalArgumentException want = assertThrows(IllegalArgumentException.class, () -> TakeBackRule.split(-1, 50, WhenSpent.NEGATIVE));
        assertEquals("negative take-back", want.getMessage());
        IllegalArgumentException lots = assertThrows(IllegalArgumentException.class, () -> TakeBackRule.split(10, -1, WhenSpent.SHORTFALL));
        assertEquals("negative take-back", lots.getMessage());
    }
}
