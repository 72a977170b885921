package io.tessera.points.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.points.internal.rules.TenderRule.Refusal;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.Test;

public class TenderRuleTest {

    private static final BigDecimal HALF = new BigDecimal("0.50");

    private static TenderRule rule(int pointsPerYuan) {
        return new TenderRule(true, pointsPerYuan, HALF, 0);
    }

    // ---- fen / pointsFor ----

    @Test
    public void at100PointsAYuanAPointIsAFen() {
        TenderRule r = rule(100);
        assertEquals(1, r.fen(1));
        assertEquals(10000, r.fen(10000));
        assertEquals(1, r.pointsFor(1));
        assertEquals(12345, r.pointsFor(12345));
        assertEquals(0, r.fen(0));
        assertEquals(0, r.pointsFor(0));
    }

    @Test
    public void at50PointsAYuanAPointIsTwoFenAndAnOddFenNeedsThePointAbove() {
        TenderRule r = rule(50);
        assertEquals(2, r.fen(1));
        assertEquals(10000, r.fen(5000));
        assertEquals(50, r.pointsFor(100));
        // 1 fen = 0.5 points → 1; 3 fen = 1.5 → 2: never less than the money
        assertEquals(1, r.pointsFor(1));
        assertEquals(2, r.pointsFor(3));
        assertEquals(501, r.pointsFor(1001));
    }

    @Test
    public void at300PointsAYuanFenAreRoundedDownAndPointsUp() {
        TenderRule r = rule(300);
        assertEquals(100, r.fen(300));
        assertEquals(99, r.fen(299)); // 99.66… → 99
        assertEquals(0, r.fen(1));
        assertEquals(0, r.fen(2));
        assertEquals(1, r.fen(3));
        assertEquals(3, r.pointsFor(1));
        assertEquals(300, r.pointsFor(100));
        assertEquals(30000, r.pointsFor(10000));
    }

    @Test
    public void pointsForTheMoneyAreAlwaysWorthAtLeastItAndMoneyForPointsAtMostThem() {
        for (int ppy : new int[] {1, 3, 7, 30, 50, 99, 100, 101, 300, 10000}) {
            TenderRule r = rule(ppy);
            for (long fen = 0; fen <= 2000; fen++) {
                long p = r.pointsFor(fen);
                assertTrue(ppy + ": " + fen + " fen → " + p, r.fen(p) >= fen);
                assertTrue(ppy + ": " + fen + " fen → " + p + " is the fewest", p == 0 || r.fen(p - 1) < fen);
            }
            for (long points = 0; points <= 2000; points++) {
                long f = r.fen(points);
                assertTrue(ppy + ": " + points + " points → " + f, r.pointsFor(f) <= points);
            }
        }
    }

    @Test
    public void bigAmountsConvertWithoutOverflow() {
        // the products overflow a long, the results do not
        assertEquals(8_000_000_000_000_000_000L, rule(50).fen(4_000_000_000_000_000_000L));
        assertEquals(3_000_000_000_000_000_000L, rule(300).fen(9_000_000_000_000_000_000L));
        assertEquals(9_000_000_000_000_000_000L, rule(300).pointsFor(3_000_000_000_000_000_000L));
        assertEquals(Long.MAX_VALUE, rule(100).fen(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, rule(100).pointsFor(Long.MAX_VALUE));
    }

    // ---- wholeFen ----

    @Test
    public void at100Or50PointsAYuanAnyPositiveNumberIsWholeFen() {
        for (long p = 1; p <= 500; p++) {
            assertTrue(rule(100).wholeFen(p));
            assertTrue(rule(50).wholeFen(p));
        }
    }

    @Test
    public void at300PointsAYuanOnlyMultiplesOf3AreWholeFen() {
        TenderRule r = rule(300);
        assertTrue(r.wholeFen(3));
        assertTrue(r.wholeFen(300));
        assertTrue(r.wholeFen(29997));
        assertFalse(r.wholeFen(1));
        assertFalse(r.wholeFen(2));
        assertFalse(r.wholeFen(299));
        assertFalse(r.wholeFen(301));
    }

    @Test
    public void zeroOrNegativePointsAreNeverWholeFen() {
        assertFalse(rule(100).wholeFen(0));
        assertFalse(rule(100).wholeFen(-100));
        assertFalse(rule(300).wholeFen(-3));
    }

    @Test
    public void wholeFenOfBigNumbersDoesNotOverflow() {
        assertTrue(rule(300).wholeFen(9_000_000_000_000_000_000L));
        assertFalse(rule(300).wholeFen(9_000_000_000_000_000_001L));
        assertTrue(rule(100).wholeFen(Long.MAX_VALUE));
    }

    // ---- maxFen / maxPoints ----

    @Test
    public void halfOf200IsAHundredYuanOr10000Points() {
        TenderRule r = rule(100);
        assertEquals(10000, r.maxFen(20000));
        assertEquals(10000, r.maxPoints(20000));
    }

    @Test
    public void theMostIsRoundedDown() {
        TenderRule r = rule(100);
        assertEquals(10000, r.maxFen(20001)); // 100.005 → 100.00
        assertEquals(0, r.maxFen(1));
        assertEquals(0, r.maxPoints(1));
        assertEquals(0, r.maxFen(0));
        assertEquals(0, r.maxPoints(0));
    }

    @Test
    public void withAShareOf1PointsMayPayEverything() {
        TenderRule r = new TenderRule(true, 100, BigDecimal.ONE, 0);
        assertEquals(20000, r.maxFen(20000));
        assertEquals(20000, r.maxPoints(20000));
        assertEquals(20001, r.maxFen(20001));
        assertEquals(20001, r.maxPoints(20001));
    }

    @Test
    public void maxPointsFollowThePointsPerYuan() {
        assertEquals(30000, rule(300).maxPoints(20000));
        assertEquals(5000, rule(50).maxPoints(20000));
        // 199.99 at 0.50 → 99.99 (rounded down) → 29997 points at 300
        assertEquals(9999, rule(300).maxFen(19999));
        assertEquals(29997, rule(300).maxPoints(19999));
        // at 30 points a yuan 10.01 is 300.3 points → 300
        assertEquals(1001, new TenderRule(true, 30, BigDecimal.ONE, 0).maxFen(1001));
        assertEquals(300, new TenderRule(true, 30, BigDecimal.ONE, 0).maxPoints(1001));
    }

    @Test
    public void maxPointsAreNeverWorthMoreThanMaxFen() {
        for (int ppy : new int[] {1, 3, 7, 30, 50, 100, 300, 10000}) {
            for (String share : new String[] {"0.01", "0.33", "0.50", "0.99", "1"}) {
                TenderRule r = new TenderRule(true, ppy, new BigDecimal(share), 0);
                for (long payable = 0; payable <= 1000; payable += 7) {
                    assertTrue(ppy + "/" + share + "/" + payable, r.fen(r.maxPoints(payable)) <= r.maxFen(payable));
                    // for an ask worth whole fen, check() allows exactly up to maxPoints
                    long most = r.maxPoints(payable);
                    for (long p = Math.max(1, most - 10); p <= most + 10; p++) {
                        if (r.wholeFen(p)) {
                            assertEquals(ppy + "/" + share + "/" + payable + ": " + p, p <= most, r.check(p, payable, Long.MAX_VALUE) == null);
                        }
                    }
                }
            }
        }
    }

    @Test
    public void maxOfBigAmountsDoesNotOverflow() {
        assertEquals(Long.MAX_VALUE / 2, rule(100).maxFen(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE / 2, rule(100).maxPoints(Long.MAX_VALUE));
        TenderRule all = new TenderRule(true, 100, BigDecimal.ONE, 0);
        assertEquals(Long.MAX_VALUE, all.maxPoints(Long.MAX_VALUE));
    }

    // ---- check ----

    /** 300 points a yuan (3 points a fen), at least 600, at most half the order. */
    private static final TenderRule STRICT = new TenderRule(true, 300, HALF, 600);

    @Test
    public void notWholeFenComesFirst() {
        // 301: not whole fen (and below 600, beyond half of 0.00, more than 0)
        assertEquals(Refusal.NOT_WHOLE_FEN, STRICT.check(301, 0, 0));
        // 1: not whole fen, below the minimum, beyond the share, more than there is
        assertEquals(Refusal.NOT_WHOLE_FEN, STRICT.check(1, 0, 0));
        assertEquals(Refusal.NOT_WHOLE_FEN, STRICT.check(601, 1_000_000, 1_000_000));
    }

    @Test
    public void zeroOrNegativePointsAreNotWholeFen() {
        assertEquals(Refusal.NOT_WHOLE_FEN, STRICT.check(0, 40000, 1000));
        assertEquals(Refusal.NOT_WHOLE_FEN, STRICT.check(-3, 40000, 1000));
        assertEquals(Refusal.NOT_WHOLE_FEN, rule(100).check(0, 40000, 1000));
    }

    @Test
    public void belowTheMinimumComesBeforeTheShareAndTheBalance() {
        // 300 points = 1.00: whole fen, below 600, beyond half of 0.00, more than 0
        assertEquals(Refusal.BELOW_MINIMUM, STRICT.check(300, 0, 0));
        assertEquals(Refusal.BELOW_MINIMUM, STRICT.check(597, 1_000_000, 1_000_000));
    }

    @Test
    public void beyondTheShareComesBeforeTheBalance() {
        // 600 points = 2.00; half of 3.00 is 1.50
        assertEquals(Refusal.SHARE_EXCEEDED, STRICT.check(600, 300, 0));
        // 603 points = 2.01; half of 4.00 is 2.00
        assertEquals(Refusal.SHARE_EXCEEDED, STRICT.check(603, 400, 1_000_000));
        // half of 200.00 at 100 points a yuan: 10000 points, not 10001
        assertEquals(Refusal.SHARE_EXCEEDED, rule(100).check(10001, 20000, 1_000_000));
    }

    @Test
    public void moreThanThereIsComesLast() {
        assertEquals(Refusal.INSUFFICIENT, STRICT.check(600, 400, 599));
        assertEquals(Refusal.INSUFFICIENT, rule(100).check(10000, 20000, 9999));
        assertEquals(Refusal.INSUFFICIENT, rule(100).check(1, 20000, 0));
    }

    @Test
    public void anAskRightAtEveryLimitIsFine() {
        // exactly the minimum, exactly half, exactly what there is
        assertNull(STRICT.check(600, 400, 600));
        assertNull(rule(100).check(10000, 20000, 10000));
        assertNull(rule(100).check(1, 2, 1));
        assertNull(new TenderRule(true, 100, BigDecimal.ONE, 0).check(20000, 20000, 20000));
    }

    // ---- lineTarget ----

    @Test
    public void byMoneyAHalfRefundedLineGivesBackHalfItsPoints() {
        // 6000 points on a line that cost 140.00; 70.00 refunded so far
        assertEquals(3000, TenderRule.lineTarget(6000, 14000, 7000, 4, 2, false));
        // units do not count when the line cost money
        assertEquals(3000, TenderRule.lineTarget(6000, 14000, 7000, 4, 0, false));
        assertEquals(3000, TenderRule.lineTarget(6000, 14000, 7000, 4, 4, false));
    }

    @Test
    public void byMoneyTheShareIsRoundedDown() {
        // 1000 × 3333 / 9999 = 333.33… → 333
        assertEquals(333, TenderRule.lineTarget(1000, 9999, 3333, 3, 1, false));
        assertEquals(666, TenderRule.lineTarget(1000, 9999, 6666, 3, 2, false));
        assertEquals(0, TenderRule.lineTarget(1000, 9999, 9, 3, 0, false));
    }

    @Test
    public void cumulativeRefundsNeverExceedTheLinesPointsAndReachThemExactlyWhenFull() {
        long points = 997;
        long payable = 1013;
        long before = 0;
        for (long refunded = 1; refunded <= payable; refunded++) {
            long target = TenderRule.lineTarget(points, payable, refunded, 5, 0, false);
            assertTrue(refunded + ": " + target + " after " + before, target >= before);
            assertTrue(refunded + ": " + target, target <= points);
            assertEquals(refunded + " of " + payable, refunded == payable, target == points);
            before = target;
        }
        assertEquals(points, before);
        // in uneven steps: the gives add up to exactly the line's points
        long given = 0;
        long refunded = 0;
        for (long step : new long[] {1, 250, 333, 7, 422}) {
            refunded += step;
            long target = TenderRule.lineTarget(points, payable, refunded, 5, 0, false);
            assertTrue(target >= given);
            given = target;
        }
        assertEquals(payable, refunded);
        assertEquals(points, given);
    }

    @Test
    public void refundedBeyondWhatTheLineCostGivesBackItsPointsAndNoMore() {
        assertEquals(6000, TenderRule.lineTarget(6000, 14000, 14001, 4, 0, false));
        assertEquals(6000, TenderRule.lineTarget(6000, 14000, Long.MAX_VALUE, 4, 0, false));
    }

    @Test
    public void byUnitsWhenPointsPaidTheWholeLine() {
        // 3000 points paid the whole of 3 units: 1 returned → 1000
        assertEquals(1000, TenderRule.lineTarget(3000, 0, 0, 3, 1, false));
        assertEquals(2000, TenderRule.lineTarget(3000, 0, 0, 3, 2, false));
        assertEquals(3000, TenderRule.lineTarget(3000, 0, 0, 3, 3, false));
        // money refunded does not count then
        assertEquals(1000, TenderRule.lineTarget(3000, 0, 5000, 3, 1, false));
        // rounded down, and never beyond the line
        assertEquals(333, TenderRule.lineTarget(1000, 0, 0, 3, 1, false));
        assertEquals(666, TenderRule.lineTarget(1000, 0, 0, 3, 2, false));
        assertEquals(1000, TenderRule.lineTarget(1000, 0, 0, 3, 3, false));
        assertEquals(1000, TenderRule.lineTarget(1000, 0, 0, 3, 5, false));
    }

    @Test
    public void aFullRefundGivesBackAllTheLinesPoints() {
        assertEquals(6000, TenderRule.lineTarget(6000, 14000, 0, 4, 0, true));
        assertEquals(6000, TenderRule.lineTarget(6000, 14000, 1, 4, 0, true));
        assertEquals(3000, TenderRule.lineTarget(3000, 0, 0, 3, 0, true));
        assertEquals(1000, TenderRule.lineTarget(1000, 9999, 9998, 3, 2, true));
    }

    @Test
    public void nothingRefundedOrNothingToShareGivesNothing() {
        // nothing refunded
        assertEquals(0, TenderRule.lineTarget(6000, 14000, 0, 4, 0, false));
        assertEquals(0, TenderRule.lineTarget(3000, 0, 0, 3, 0, false));
        // a line that used no points
        assertEquals(0, TenderRule.lineTarget(0, 14000, 7000, 4, 2, false));
        assertEquals(0, TenderRule.lineTarget(0, 0, 0, 3, 1, false));
        // by units, a line of no units
        assertEquals(0, TenderRule.lineTarget(3000, 0, 0, 0, 1, false));
    }

    @Test
    public void negativeInputsGiveNothing() {
        assertEquals(0, TenderRule.lineTarget(6000, 14000, -7000, 4, 2, false));
        assertEquals(0, TenderRule.lineTarget(3000, 0, 0, 3, -1, false));
        assertEquals(0, TenderRule.lineTarget(3000, 0, 0, -3, 1, false));
        assertEquals(0, TenderRule.lineTarget(3000, 0, 0, -3, -1, false));
    }

    @Test
    public void bigValuesDoNotOverflow() {
        // linePoints × refunded overflows a long
        long points = 9_000_000_000_000_000_000L;
        long payable = 8_000_000_000_000_000_000L;
        long refunded = 3_000_000_000_000_000_001L;
        long expected = BigInteger.valueOf(points).multiply(BigInteger.valueOf(refunded)).divide(BigInteger.valueOf(payable)).longValueExact();
        assertEquals(expected, TenderRule.lineTarget(points, payable, refunded, 1, 0, false));
        assertEquals(Long.MAX_VALUE - 1, TenderRule.lineTarget(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1, 1, 0, false));
        assertEquals(Long.MAX_VALUE, TenderRule.lineTarget(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 1, 0, false));
        assertEquals(Long.MAX_VALUE / 2, TenderRule.lineTarget(Long.MAX_VALUE, 0, 0, 2, 1, false));
        assertEquals(Long.MAX_VALUE - 1, TenderRule.lineTarget(Long.MAX_VALUE, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE - 1, false));
    }
}
