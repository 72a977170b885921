package io.tessera.coupons.internal.rules;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.coupons.internal.rules.RefundRule.Action;
import io.tessera.coupons.internal.rules.RefundRule.Decision;
import io.tessera.coupons.internal.rules.RefundRule.Line;
import io.tessera.coupons.internal.rules.RefundRule.Settings;
import io.tessera.platform.api.TesseraException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class RefundRuleTest {

    /** restore on full, claw back, return on claw-back, write a shortfall off. */
    private static final Settings DEFAULT = new Settings(true, true, true, false);
    private static final Settings REFUSE_SHORTFALL = new Settings(true, true, true, true);
    private static final Settings NO_RESTORE = new Settings(false, true, true, false);
    private static final Settings NO_CLAW_BACK = new Settings(true, false, true, false);
    private static final Settings KEEP_ON_CLAW_BACK = new Settings(true, true, false, false);

    /** 满100减20. */
    private static final long MIN_SPEND = 10000;

    private static Line line(long base, long amount, long payable, long quantity, long refundedBefore, long returnedBefore,
                             long clawed, long back, long units) {
        return new Line(base, amount, payable, quantity, refundedBefore, returnedBefore, clawed, back, units);
    }

    /** A line nothing happened to yet, and this refund leaves alone. */
    private static Line kept(long base, long amount, long payable, long quantity) {
        return line(base, amount, payable, quantity, 0, 0, 0, 0, 0);
    }

    /** A line nothing happened to yet, wholly returned by this refund. */
    private static Line returning(long base, long amount, long payable, long quantity) {
        return line(base, amount, payable, quantity, 0, 0, 0, payable, quantity);
    }

    // ---- the worked example: A 2 × 30.00, B 1 × 50.00, 满100减20 split 10.91 / 9.09 ----

    @Test
    public void returningBLeavesAtSixtyBelowTheMinimumSoTheDiscountOnAIsKeptBack() {
        Decision d = RefundRule.decide(DEFAULT, MIN_SPEND, false, false,
            List.of(kept(6000, 1091, 4909, 2), returning(5000, 909, 4091, 1)));
        assertEquals(Action.CLAWED_BACK, d.action());
        assertArrayEquals(new long[] {0, -1091}, d.adjustment());
        assertEquals(0, d.shortfall());
        assertTrue(d.returnCoupon());
        assertEquals(3000, 4091 + d.adjustment()[1]); // the customer gets 30.00 for B
        assertEquals("kept goods 60.00 below the minimum spend 100.00: 10.91 of the coupon's discount kept back", d.note());

        Decision keep = RefundRule.decide(KEEP_ON_CLAW_BACK, MIN_SPEND, false, false,
            List.of(kept(6000, 1091, 4909, 2), returning(5000, 909, 4091, 1)));
        assertEquals(Action.CLAWED_BACK, keep.action());
        assertArrayEquals(new long[] {0, -1091}, keep.adjustment());
        assertFalse(keep.returnCoupon());
    }

    @Test
    public void returningAThenGivesBackWhatTheFirstRefundKept() {
        Decision d = RefundRule.decide(DEFAULT, MIN_SPEND, true, true,
            List.of(returning(6000, 1091, 4909, 2), line(5000, 909, 4091, 1, 3000, 1, 1091, 0, 0)));
        assertEquals(Action.GIVEN_BACK, d.action());
        assertArrayEquals(new long[] {0, 1091}, d.adjustment());
        assertEquals(0, d.shortfall());
        assertFalse(d.returnCoupon()); // the claw-back returned it already
        assertEquals("gives back the 10.91 kept at an earlier refund", d.note());
        long second = 4909 + 0 + 0 + 1091;
        assertEquals(6000, second);
        assertEquals(4909 + 4091, 3000 + second); // everything paid comes back
    }

    @Test
    public void bothRefundsInSequenceGiveBackEverythingPaid() {
        Order order = new Order(DEFAULT, MIN_SPEND, new long[] {6000, 5000}, new long[] {1091, 909}, new long[] {4909, 4091},
            new long[] {2, 1});
        Decision first = order.refund(new long[] {0, 4091}, new long[] {0, 1});
        assertEquals(Action.CLAWED_BACK, first.action());
        assertEquals(3000, order.refundedTotal());
        Decision second = order.refund(new long[] {4909, 0}, new long[] {2, 0});
        assertEquals(Action.GIVEN_BACK, second.action());
        assertEquals(9000, order.refundedTotal());
        assertTrue(order.returned);
        assertEquals(1, order.timesReturned);
    }

    @Test
    public void minimumStillMetKeepsTheCoupon() {
        Decision d = RefundRule.decide(DEFAULT, MIN_SPEND, false, false,
            List.of(kept(12000, 1600, 10400, 1), returning(3000, 400, 2600, 1)));
        assertEquals(Action.KEPT, d.action());
        assertArrayEquals(new long[] {0, 0}, d.adjustment());
        assertEquals(0, d.shortfall());
        assertFalse(d.returnCoupon());
        assertNull(d.note());
    }

    @Test
    public void whatTheRefundCannotCoverIsWrittenOff() {
        Decision d = RefundRule.decide(DEFAULT, MIN_SPEND, false, false,
            List.of(kept(9000, 1714, 7286, 1), returning(1500, 286, 1214, 1)));
        assertEquals(Action.CLAWED_BACK, d.action());
        assertArrayEquals(new long[] {0, -1214}, d.adjustment());
        assertEquals(500, d.shortfall());
        assertTrue(d.returnCoupon());
        assertEquals("kept goods 90.00 below the minimum spend 100.00: 17.14 of the coupon's discount kept back; "
            + "the kept goods lose a 17.14 discount; this refund gives back only 12.14: 5.00 written off", d.note());
    }

    @Test
    public void orTheRefundIsRefused() {
        TesseraException e = assertThrows(TesseraException.class, () -> RefundRule.decide(REFUSE_SHORTFALL, MIN_SPEND, false, false,
            List.of(kept(9000, 1714, 7286, 1), returning(1500, 286, 1214, 1))));
        assertEquals("COUPON_REFUND_SHORTFALL", e.getCode());
        assertEquals(422, e.getStatus());
        assertEquals("lines", e.getField());
        assertEquals("the kept goods lose a 17.14 discount; this refund gives back only 12.14", e.getMessage());
    }

    @Test
    public void afterAWriteOffTheLastRefundStillGivesBackEverythingPaid() {
        Order order = new Order(DEFAULT, MIN_SPEND, new long[] {9000, 1500}, new long[] {1714, 286}, new long[] {7286, 1214},
            new long[] {1, 1});
        Decision first = order.refund(new long[] {0, 1214}, new long[] {0, 1});
        assertEquals(500, first.shortfall());
        assertEquals(0, order.refundedTotal());
        Decision second = order.refund(new long[] {7286, 0}, new long[] {1, 0});
        assertEquals(Action.GIVEN_BACK, second.action());
        assertArrayEquals(new long[] {0, 1214}, second.adjustment());
        assertEquals(8500, order.refundedTotal());
    }

    @Test
    public void aShortfallIsRefusedEvenWhenThisRefundGivesNothingBack() {
        // a refund by units of a free line: nothing to keep back from
        TesseraException e = assertThrows(TesseraException.class, () -> RefundRule.decide(REFUSE_SHORTFALL, MIN_SPEND, false, false,
            List.of(kept(9000, 1000, 8000, 1), line(2000, 0, 0, 1, 0, 0, 0, 0, 1))));
        assertEquals("COUPON_REFUND_SHORTFALL", e.getCode());
        Decision d = RefundRule.decide(DEFAULT, MIN_SPEND, false, false,
            List.of(kept(9000, 1000, 8000, 1), line(2000, 0, 0, 1, 0, 0, 0, 0, 1)));
        assertEquals(Action.CLAWED_BACK, d.action());
        assertArrayEquals(new long[] {0, 0}, d.adjustment());
        assertEquals(1000, d.shortfall());
    }

    @Test
    public void aFullRefundAtOnceReturnsTheCouponWhenThePolicyRestores() {
        List<Line> all = List.of(returning(6000, 1091, 4909, 2), returning(5000, 909, 4091, 1));
        Decision restored = RefundRule.decide(DEFAULT, MIN_SPEND, false, false, all);
        assertEquals(Action.RETURNED, restored.action());
        assertArrayEquals(new long[] {0, 0}, restored.adjustment());
        assertEquals(0, restored.shortfall());
        assertTrue(restored.returnCoupon());

        Decision kept = RefundRule.decide(NO_RESTORE, MIN_SPEND, false, false, all);
        assertEquals(Action.KEPT, kept.action());
        assertArrayEquals(new long[] {0, 0}, kept.adjustment());
        assertFalse(kept.returnCoupon());

        Decision already = RefundRule.decide(DEFAULT, MIN_SPEND, false, true, all);
        assertEquals(Action.KEPT, already.action());
        assertFalse(already.returnCoupon());
    }

    @Test
    public void linesTheCouponDidNotTouchDoNotMatterForFull() {
        // the coupon took money off line 1 only; line 2 is kept, line 1 wholly back
        Decision d = RefundRule.decide(DEFAULT, 5000, false, false,
            List.of(returning(6000, 1000, 5000, 1), kept(0, 0, 3000, 1)));
        assertEquals(Action.RETURNED, d.action());
        assertTrue(d.returnCoupon());
    }

    @Test
    public void aCouponThatTouchedNoLineIsFull() {
        Decision d = RefundRule.decide(DEFAULT, 0, false, false, List.of(kept(0, 0, 3000, 1)));
        assertEquals(Action.RETURNED, d.action());
        assertArrayEquals(new long[] {0}, d.adjustment());
    }

    // ---- refunds by amount ----

    @Test
    public void aRefundByAmountReducesTheKeptShareInProportion() {
        // base 125.00, 20.00 off, paid 105.00: giving back 21.00 keeps 4/5, i.e. 100.00 of base: the minimum, not below it
        Decision atMinimum = RefundRule.decide(DEFAULT, MIN_SPEND, false, false, List.of(line(12500, 2000, 10500, 1, 0, 0, 0, 2100, 0)));
        assertEquals(Action.KEPT, atMinimum.action());
        assertArrayEquals(new long[] {0}, atMinimum.adjustment());
        // one fen more and the kept base is 99.988...
        Decision below = RefundRule.decide(DEFAULT, MIN_SPEND, false, false, List.of(line(12500, 2000, 10500, 1, 0, 0, 0, 2101, 0)));
        assertEquals(Action.CLAWED_BACK, below.action());
        // halfUp(20.00 × 8399 / 10500) = halfUp(15.998) = 16.00, but the kept goods cost ⌊125.00 × 8399 / 10500⌋ = 99.98 before the
        // coupon and 83.99 was paid for them: 15.99 brings them to their price, never beyond it
        assertArrayEquals(new long[] {-1599}, below.adjustment());
        assertEquals(0, below.shortfall());
        assertEquals("kept goods 99.98 below the minimum spend 100.00: 15.99 of the coupon's discount kept back", below.note());
    }

    @Test
    public void theBoundaryIsExactWithThirds() {
        // each line keeps 2/3: 66.666… + 33.333… = exactly 100.00
        List<Line> atMinimum = List.of(line(10000, 1000, 9000, 1, 0, 0, 0, 3000, 0), line(5000, 500, 4500, 1, 0, 0, 0, 1500, 0));
        assertEquals(Action.KEPT, RefundRule.decide(DEFAULT, MIN_SPEND, false, false, atMinimum).action());
        // a fen more back on line 2: 66.666… + 33.322… < 100.00
        List<Line> below = List.of(line(10000, 1000, 9000, 1, 0, 0, 0, 3000, 0), line(5000, 500, 4500, 1, 0, 0, 0, 1501, 0));
        Decision d = RefundRule.decide(DEFAULT, MIN_SPEND, false, false, below);
        assertEquals(Action.CLAWED_BACK, d.action());
        // halfUp(10.00 × 2/3) = 6.67, capped at ⌊100.00 × 2/3⌋ − 60.00 = 6.66; halfUp(5.00 × 2999/4500) = 3.33 (cap 33.32 − 29.99):
        // 9.99, spread 3000 : 1501
        assertArrayEquals(new long[] {-666, -333}, d.adjustment());
        assertEquals("kept goods 99.98 below the minimum spend 100.00: 9.99 of the coupon's discount kept back", d.note());
        // earlier refunds count as well as this one
        List<Line> earlier = List.of(line(10000, 1000, 9000, 1, 2000, 0, 0, 1000, 0), line(5000, 500, 4500, 1, 1500, 0, 0, 0, 0));
        assertEquals(Action.KEPT, RefundRule.decide(DEFAULT, MIN_SPEND, false, false, earlier).action());
    }

    @Test
    public void aUnitRefundOfAFreeLineCountsUnits() {
        // line 2 cost nothing (another promotion made it free); returning 1 of its 3 units keeps 2/3 of its base
        List<Line> lines = List.of(kept(7000, 1400, 5600, 1), line(4500, 0, 0, 3, 0, 0, 0, 0, 1));
        assertEquals(Action.KEPT, RefundRule.decide(DEFAULT, MIN_SPEND, false, false, lines).action()); // 70 + 30 = 100
        List<Line> two = List.of(kept(7000, 1400, 5600, 1), line(4500, 0, 0, 3, 0, 0, 0, 0, 2));
        Decision d = RefundRule.decide(DEFAULT, MIN_SPEND, false, false, two); // 70 + 15 = 85
        assertEquals(Action.CLAWED_BACK, d.action());
        assertEquals(1400, d.shortfall()); // nothing given back to keep it from
    }

    // ---- orders of zero, no minimum, the policy ----

    @Test
    public void anOrderOfZeroReturnsTheCouponWithItsUnits() {
        // an exchange coupon made the item free
        Decision d = RefundRule.decide(DEFAULT, 0, false, false, List.of(line(3900, 3900, 0, 1, 0, 0, 0, 0, 1)));
        assertEquals(Action.RETURNED, d.action());
        assertArrayEquals(new long[] {0}, d.adjustment());
        assertTrue(d.returnCoupon());
        // half of the units back: partial, no minimum → kept
        Decision half = RefundRule.decide(DEFAULT, 0, false, false, List.of(line(7800, 7800, 0, 2, 0, 0, 0, 0, 1)));
        assertEquals(Action.KEPT, half.action());
        // the rest later
        Decision rest = RefundRule.decide(DEFAULT, 0, false, false, List.of(line(7800, 7800, 0, 2, 0, 1, 0, 0, 1)));
        assertEquals(Action.RETURNED, rest.action());
    }

    @Test
    public void aCouponWithoutMinimumIsKeptOnAPartialRefund() {
        Decision d = RefundRule.decide(DEFAULT, 0, false, false,
            List.of(kept(6000, 600, 5400, 2), line(5000, 500, 4500, 1, 0, 0, 0, 4500, 1)));
        assertEquals(Action.KEPT, d.action());
        assertArrayEquals(new long[] {0, 0}, d.adjustment());
    }

    @Test
    public void theClawBackComesOnceAndOnlyWhenThePolicySaysSo() {
        List<Line> lines = List.of(kept(6000, 1091, 4909, 2), returning(5000, 909, 4091, 1));
        assertEquals(Action.KEPT, RefundRule.decide(NO_CLAW_BACK, MIN_SPEND, false, false, lines).action());
        assertEquals(Action.KEPT, RefundRule.decide(DEFAULT, MIN_SPEND, true, false, lines).action());
        assertEquals(Action.KEPT, RefundRule.decide(DEFAULT, MIN_SPEND, false, true, lines).action());
        // a second partial refund after a claw-back: one A of two comes back, so the kept A owes only its own half of the
        // discount (⌊60.00 × 2455/4909⌋ − 24.55 = 5.45): 10.91 − 5.45 = 5.46 is given back, on B's line where it was kept;
        // the customer has then paid 90.00 − 30.00 − 30.00 = 30.00 for the A they keep, its price
        List<Line> later = List.of(line(6000, 1091, 4909, 2, 0, 0, 0, 2454, 1), line(5000, 909, 4091, 1, 3000, 1, 1091, 0, 0));
        Decision d = RefundRule.decide(DEFAULT, MIN_SPEND, true, true, later);
        assertEquals(Action.GIVEN_BACK, d.action());
        assertArrayEquals(new long[] {0, 546}, d.adjustment());
        // with the policy switched to KEEP since, what was kept stays kept until the last refund
        assertEquals(Action.KEPT, RefundRule.decide(NO_CLAW_BACK, MIN_SPEND, true, true, later).action());
    }

    // ---- giving back ----

    @Test
    public void whatWasKeptGoesBackOnOtherLinesWhenItsOwnHasNoRoom() {
        List<Line> lines = List.of(line(6000, 1000, 5000, 1, 4800, 0, 500, 0, 1), line(5000, 900, 4100, 1, 0, 0, 0, 4100, 1));
        // line 1 has room for 2.00 of the 5.00 kept on it, line 2 (wholly back) none: the other 3.00 cannot be given
        Decision none = RefundRule.decide(DEFAULT, MIN_SPEND, true, true, lines);
        assertEquals(Action.GIVEN_BACK, none.action());
        assertArrayEquals(new long[] {200, 0}, none.adjustment());
        assertEquals("gives back the 2.00 kept at an earlier refund (of 5.00 kept: the lines have no room for the other 3.00)",
            none.note());

        // line 2 keeps 11.00 after this refund, but the coupon took nothing off it: what the coupon kept goes back on its own
        // lines only (another coupon's line, or money a refund by amount already gave back, is not this coupon's to give)
        List<Line> room = List.of(line(6000, 1000, 5000, 1, 4800, 0, 500, 0, 1), line(5000, 0, 4100, 1, 0, 0, 0, 3000, 0));
        Decision spread = RefundRule.decide(DEFAULT, MIN_SPEND, true, true, room);
        assertArrayEquals(new long[] {200, 0}, spread.adjustment());
        // a line the coupon did take money off, with room, still partly kept (11.00 of 41.00): it owes halfUp(1.00 × 11/41) = 0.27
        // of the discount, the rest goes back there
        List<Line> ownRoom = List.of(line(6000, 1000, 5000, 1, 4800, 0, 500, 0, 1), line(5000, 100, 4100, 1, 0, 0, 0, 3000, 0));
        Decision onOwn = RefundRule.decide(DEFAULT, MIN_SPEND, true, true, ownRoom);
        assertArrayEquals(new long[] {200, 273}, onOwn.adjustment());
        assertEquals("gives back 4.73 of the 5.00 kept at an earlier refund: the goods kept now lose 0.27 of the discount", onOwn.note());
    }

    @Test
    public void aClawBackThatDidNotReturnTheCouponLetsTheFullRefundReturnIt() {
        List<Line> lines = List.of(returning(6000, 1091, 4909, 2), line(5000, 909, 4091, 1, 3000, 1, 1091, 0, 0));
        Decision restore = RefundRule.decide(DEFAULT, MIN_SPEND, true, false, lines);
        assertEquals(Action.GIVEN_BACK, restore.action());
        assertArrayEquals(new long[] {0, 1091}, restore.adjustment());
        assertTrue(restore.returnCoupon());
        Decision noRestore = RefundRule.decide(NO_RESTORE, MIN_SPEND, true, false, lines);
        assertEquals(Action.GIVEN_BACK, noRestore.action());
        assertFalse(noRestore.returnCoupon());
    }

    @Test
    public void nothingIsGivenBackTwice() {
        // after the give-back the line's net claw is 0 and a further refund (of a line the coupon did not touch) gives nothing
        List<Line> lines = List.of(line(6000, 1091, 4909, 2, 4909, 2, 0, 0, 0), line(5000, 909, 4091, 1, 4091, 1, 0, 0, 0),
            returning(0, 0, 800, 1));
        Decision d = RefundRule.decide(DEFAULT, MIN_SPEND, true, true, lines);
        assertEquals(Action.KEPT, d.action());
        assertArrayEquals(new long[] {0, 0, 0}, d.adjustment());
    }

    @Test
    public void negativeFieldsAreRefused() {
        assertThrows(IllegalArgumentException.class,
            () -> RefundRule.decide(DEFAULT, MIN_SPEND, false, false, List.of(line(100, 10, 90, 1, 0, 0, 0, -1, 0))));
        assertThrows(IllegalArgumentException.class, () -> RefundRule.decide(DEFAULT, -1, false, false, List.of(kept(100, 10, 90, 1))));
    }

    // ---- properties ----

    @Test
    public void randomRefundsKeepTheInvariants() {
        Random random = new Random(20240611L);
        int clawed = 0;
        int givenBack = 0;
        int refused = 0;
        int shortfalls = 0;
        for (int c = 0; c < 5000; c++) {
            int n = 1 + random.nextInt(5);
            boolean clawedBefore = random.nextInt(4) == 0;
            boolean returned = random.nextInt(4) == 0;
            Settings settings = new Settings(random.nextBoolean(), random.nextInt(5) > 0, random.nextBoolean(), random.nextInt(3) == 0);
            List<Line> lines = new ArrayList<>();
            long baseTotal = 0;
            for (int i = 0; i < n; i++) {
                long quantity = 1 + random.nextInt(5);
                long base = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(20000);
                long amount = base == 0 || random.nextInt(5) == 0 ? 0 : random.nextLong(base + 1);
                long payable = random.nextInt(8) == 0 ? 0 : random.nextLong(base - amount + 1);
                long refundedBefore = random.nextBoolean() ? 0 : random.nextLong(payable + 1);
                long returnedBefore = random.nextBoolean() ? 0 : random.nextLong(quantity + 1);
                long claw = clawedBefore && random.nextBoolean() ? random.nextLong(payable - refundedBefore + 1) : 0;
                long left = payable - refundedBefore - claw;
                long unitsLeft = quantity - returnedBefore;
                long back;
                long units;
                switch (random.nextInt(4)) {
                    case 0 -> {
                        back = 0;
                        units = 0;
                    }
                    case 1 -> { // everything left
                        back = left;
                        units = unitsLeft;
                    }
                    case 2 -> { // some units
                        units = unitsLeft == 0 ? 0 : 1 + random.nextLong(unitsLeft);
                        back = unitsLeft == 0 ? 0 : units == unitsLeft ? left : left * units / unitsLeft;
                    }
                    default -> { // by amount
                        back = random.nextLong(left + 1);
                        units = 0;
                    }
                }
                lines.add(line(base, amount, payable, quantity, refundedBefore, returnedBefore, claw, back, units));
                baseTotal += base;
            }
            long minSpend = random.nextInt(5) == 0 ? 0 : random.nextLong(baseTotal + 2);
            String what = c + ": " + settings + " min " + minSpend + " clawedBefore " + clawedBefore + " returned " + returned + " " + lines;

            Expected expected = expect(settings, minSpend, clawedBefore, returned, lines);
            Decision d;
            try {
                d = RefundRule.decide(settings, minSpend, clawedBefore, returned, lines);
            } catch (TesseraException e) {
                assertTrue(what, expected.refused);
                assertEquals(what, "COUPON_REFUND_SHORTFALL", e.getCode());
                refused++;
                continue;
            }
            assertFalse(what, expected.refused);
            assertEquals(what, expected.action, d.action());
            long[] adj = d.adjustment();
            assertEquals(what, n, adj.length);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                Line l = lines.get(i);
                assertTrue(what, l.back() + adj[i] >= 0);
                assertTrue(what, l.refundedBefore() + l.back() + adj[i] <= l.payable() || adj[i] <= 0);
                sum += adj[i];
            }
            switch (d.action()) {
                case KEPT, RETURNED -> {
                    assertArrayEquals(what, new long[n], adj);
                    assertEquals(what, 0, d.shortfall());
                    assertEquals(what, d.action() == Action.RETURNED, d.returnCoupon());
                }
                case CLAWED_BACK -> {
                    clawed++;
                    for (long a : adj) {
                        assertTrue(what, a <= 0);
                    }
                    assertEquals(what, expected.claw, -sum + d.shortfall());
                    assertEquals(what, Math.max(0, expected.claw - expected.backTotal), d.shortfall());
                    assertEquals(what, settings.returnOnClawBack() && !returned, d.returnCoupon());
                    if (d.shortfall() > 0) {
                        shortfalls++;
                    }
                }
                case GIVEN_BACK -> {
                    givenBack++;
                    for (long a : adj) {
                        assertTrue(what, a >= 0);
                    }
                    assertEquals(what, expected.given, sum);
                    assertEquals(what, 0, d.shortfall());
                    assertEquals(what, settings.restoreOnFull() && !returned && expected.full, d.returnCoupon());
                }
                default -> fail(what);
            }
        }
        // the cases reach every branch
        assertTrue("claw-backs " + clawed, clawed > 100);
        assertTrue("give-backs " + givenBack, givenBack > 50);
        assertTrue("refusals " + refused, refused > 10);
        assertTrue("shortfalls " + shortfalls, shortfalls > 10);
    }

    @Test
    public void randomRefundSequencesEndWithEverythingPaidGivenBack() {
        Random random = new Random(7L);
        int clawBacks = 0;
        for (int c = 0; c < 2000; c++) {
            int n = 1 + random.nextInt(4);
            long[] base = new long[n];
            long[] amount = new long[n];
            long[] payable = new long[n];
            long[] quantity = new long[n];
            long baseTotal = 0;
            for (int i = 0; i < n; i++) {
                quantity[i] = 1 + random.nextInt(4);
                base[i] = random.nextInt(8) == 0 ? 0 : quantity[i] * (100 + random.nextInt(10000));
                baseTotal += base[i];
            }
            if (baseTotal == 0) {
                continue;
            }
            long value = 1 + random.nextLong(baseTotal);
            long[] share = io.tessera.payments.api.spi.Allocation.spread(value, base);
            for (int i = 0; i < n; i++) {
                amount[i] = share[i];
                payable[i] = base[i] - amount[i];
            }
            long minSpend = random.nextInt(4) == 0 ? 0 : random.nextLong(baseTotal + 1);
            Settings settings = new Settings(true, true, random.nextBoolean(), false);
            Order order = new Order(settings, minSpend, base, amount, payable, quantity);
            String what = c + ": base " + Arrays.toString(base) + " amount " + Arrays.toString(amount) + " min " + minSpend;
            int steps = random.nextInt(4);
            for (int s = 0; s < steps; s++) {
                long[] back = new long[n];
                long[] units = new long[n];
                for (int i = 0; i < n; i++) {
                    long left = order.left(i);
                    long unitsLeft = quantity[i] - order.returnedUnits[i];
                    switch (random.nextInt(3)) {
                        case 0 -> { }
                        case 1 -> {
                            if (unitsLeft > 0) {
                                units[i] = 1 + random.nextLong(unitsLeft);
                                back[i] = units[i] == unitsLeft ? left : left * units[i] / unitsLeft;
                            }
                        }
                        default -> back[i] = random.nextLong(left + 1);
                    }
                }
                Decision d = order.refund(back, units);
                if (d.action() == Action.CLAWED_BACK) {
                    clawBacks++;
                }
                assertTrue(what, order.refundedTotal() <= Arrays.stream(payable).sum());
            }
            long[] back = new long[n];
            long[] units = new long[n];
            for (int i = 0; i < n; i++) {
                back[i] = order.left(i);
                units[i] = quantity[i] - order.returnedUnits[i];
            }
            Decision last = order.refund(back, units);
            assertTrue(what + " " + last.action(), last.action() != Action.CLAWED_BACK);
            assertEquals(what, Arrays.stream(payable).sum(), order.refundedTotal());
            assertTrue(what, order.returned);
            assertEquals(what, 1, order.timesReturned);
            for (int i = 0; i < n; i++) {
                assertEquals(what, 0, order.clawed[i]);
            }
        }
        assertTrue("claw-backs " + clawBacks, clawBacks > 100);
    }

    /** What the rule should decide, worked out independently (BigDecimal and a plain common denominator). */
    private static Expected expect(Settings settings, long minSpend, boolean clawedBefore, boolean returned, List<Line> lines) {
        int n = lines.size();
        BigInteger[] num = new BigInteger[n];
        BigInteger[] den = new BigInteger[n];
        boolean full = true;
        long backTotal = 0;
        long own = 0;
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            long k;
            long d;
            if (l.payable() > 0) {
                k = Math.max(0, l.payable() - l.refundedBefore() - l.back() - l.clawed());
                d = l.payable();
            } else {
                k = Math.max(0, l.quantity() - l.returnedBefore() - l.units());
                d = l.quantity();
            }
            num[i] = BigInteger.valueOf(k);
            den[i] = BigInteger.valueOf(d);
            if (l.amount() > 0 && k > 0) {
                full = false;
            }
            backTotal += l.amount() > 0 ? l.back() : 0; // a claw-back is kept on the coupon's own lines
            own += l.own();
        }
        Expected e = new Expected();
        e.backTotal = backTotal;
        e.full = full;
        long[] due = new long[n];
        boolean below = false;
        if (minSpend > 0 && settings.clawBack() && (clawedBefore || !returned)) {
            // Σ base_i × num_i / den_i < minSpend  ⇔  Σ base_i × num_i × Π_{j≠i} den_j < minSpend × Π den
            BigInteger all = BigInteger.ONE;
            for (BigInteger d : den) {
                all = all.multiply(d);
            }
            BigInteger lhs = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                BigInteger others = BigInteger.ONE;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        others = others.multiply(den[j]);
                    }
                }
                lhs = lhs.add(BigInteger.valueOf(lines.get(i).base()).multiply(num[i]).multiply(others));
            }
            below = lhs.compareTo(BigInteger.valueOf(minSpend).multiply(all)) < 0;
            if (below || clawedBefore) {
                for (int i = 0; i < n; i++) {
                    Line l = lines.get(i);
                    if (l.amount() == 0 || num[i].signum() == 0) {
                        continue;
                    }
                    // the coupon's discount on the kept part, never beyond the kept goods' price before the coupon
                    long share = new BigDecimal(BigInteger.valueOf(l.amount()).multiply(num[i]))
                        .divide(new BigDecimal(den[i]), 0, RoundingMode.HALF_UP).longValueExact();
                    long atBase = BigInteger.valueOf(l.base()).multiply(num[i]).divide(den[i]).longValueExact();
                    long paid = l.payable() > 0 ? num[i].longValueExact() : 0;
                    due[i] = Math.max(0, Math.min(share, atBase - paid - (l.clawed() - l.own())));
                }
            }
        }
        long dueTotal = 0;
        for (long d : due) {
            dueTotal += d;
        }
        if (!clawedBefore && below && !full) {
            e.action = Action.CLAWED_BACK;
            e.claw = dueTotal;
            e.refused = settings.refuseShortfall() && e.claw > backTotal;
            return e;
        }
        long owed = full ? 0 : settings.clawBack() ? dueTotal : own;
        if (clawedBefore && owed < own) {
            long wanted = own - owed;
            long given = 0;
            long spare = 0;
            for (int i = 0; i < n; i++) {
                Line l = lines.get(i);
                long room = Math.max(0, l.payable() - l.refundedBefore() - l.back());
                long put = Math.min(Math.min(Math.max(0, l.own() - due[i]), room), wanted - given);
                given += put;
                spare += l.amount() > 0 ? room - put : 0;
            }
            given += Math.min(wanted - given, spare);
            if (given > 0) {
                e.action = Action.GIVEN_BACK;
                e.given = given;
                return e;
            }
        }
        e.action = full && settings.restoreOnFull() && !returned ? Action.RETURNED : Action.KEPT;
        return e;
    }

    private static final class Expected {
        Action action;
        long claw;
        long backTotal;
        long given;
        boolean full;
        boolean refused;
    }

    /** An order and one coupon on it, as the caller keeps them between refunds. */
    private static final class Order {
        final Settings settings;
        final long minSpend;
        final long[] base;
        final long[] amount;
        final long[] payable;
        final long[] quantity;
        final long[] refunded;
        final long[] returnedUnits;
        final long[] clawed;
        boolean clawedBefore;
        boolean returned;
        int timesReturned;

        Order(Settings settings, long minSpend, long[] base, long[] amount, long[] payable, long[] quantity) {
            this.settings = settings;
            this.minSpend = minSpend;
            this.base = base;
            this.amount = amount;
            this.payable = payable;
            this.quantity = quantity;
            int n = base.length;
            refunded = new long[n];
            returnedUnits = new long[n];
            clawed = new long[n];
        }

        /** Money a refund may still give back for the line. */
        long left(int i) {
            return payable[i] - refunded[i] - clawed[i];
        }

        long refundedTotal() {
            return Arrays.stream(refunded).sum();
        }

        Decision refund(long[] back, long[] units) {
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < base.length; i++) {
                lines.add(line(base[i], amount[i], payable[i], quantity[i], refunded[i], returnedUnits[i], clawed[i], back[i], units[i]));
            }
            Decision d = RefundRule.decide(settings, minSpend, clawedBefore, returned, lines);
            assertEquals(base.length, d.adjustment().length);
            for (int i = 0; i < base.length; i++) {
                long paid = back[i] + d.adjustment()[i];
                assertTrue(paid >= 0);
                refunded[i] += paid;
                returnedUnits[i] += units[i];
                clawed[i] -= d.adjustment()[i];
                assertTrue(clawed[i] >= 0);
                assertTrue(refunded[i] + clawed[i] <= payable[i]);
            }
            clawedBefore |= d.action() == Action.CLAWED_BACK;
            if (d.returnCoupon()) {
                assertFalse(returned);
                returned = true;
                timesReturned++;
            }
            return d;
        }
    }
}
