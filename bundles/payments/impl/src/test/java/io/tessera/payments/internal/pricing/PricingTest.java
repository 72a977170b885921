package io.tessera.payments.internal.pricing;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.payments.internal.pricing.Pricing.Line;
import io.tessera.payments.internal.pricing.Pricing.Offer;
import io.tessera.payments.internal.pricing.Pricing.Result;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

public class PricingTest {

    @Test
    public void theLevelDiscountRoundsThePayableHalfUpLikeAMemberPayment() {
        // 33.33 at 0.95 = 31.6635 -> 31.66 payable, 1.67 off, spread 1.00/0.67 over 20.00 and 13.33
        Result r = Pricing.price(List.of(new Line(1, 2000), new Line(1, 1333)), new BigDecimal("0.95"), List.of());
        assertEquals(3333, r.gross());
        assertEquals(3166, r.payable());
        assertArrayEquals(new long[] {100, 67}, r.discounts().get(0).perLine());
        assertArrayEquals(new long[] {1900, 1266}, r.payableFen());
    }

    @Test
    public void aCouponLargerThanTheCartTakesTheCartToZero() {
        Result r = Pricing.price(List.of(new Line(2, 400)), null, List.of(new Offer("COUPON", "C1", 1000, List.of())));
        assertEquals(0, r.payable());
        assertEquals(800, r.discounts().get(0).amountFen());
    }

    @Test
    public void aDiscountForSomeLinesTouchesOnlyThem() {
        Result r = Pricing.price(List.of(new Line(1, 1000), new Line(3, 500), new Line(1, 250)), null,
                List.of(new Offer("COUPON", "SKU2", 300, List.of(1))));
        assertArrayEquals(new long[] {1000, 1200, 250}, r.payableFen());
    }

    @Test
    public void discountsApplyInOrderOnWhatIsLeft() {
        // 100.00 and 50.00; level 0.90 -> 90.00 + 45.00; a 30.00 coupon on line 0 only; then 10.00 of points overall
        Result r = Pricing.price(List.of(new Line(1, 10000), new Line(1, 5000)), new BigDecimal("0.90"),
                List.of(new Offer("COUPON", "C", 3000, List.of(0)), new Offer("POINTS", "1000", 1000, List.of())));
        assertArrayEquals(new long[] {1000, 500}, r.discounts().get(0).perLine());
        assertArrayEquals(new long[] {3000, 0}, r.discounts().get(1).perLine());
        // points over 60.00 and 45.00: 5.71 and 4.29
        assertArrayEquals(new long[] {571, 429}, r.discounts().get(2).perLine());
        assertEquals(15000 - 1500 - 3000 - 1000, r.payable());
    }

    @Test
    public void noLevelRateOrARateOfOneChangesNothing() {
        Result r = Pricing.price(List.of(new Line(1, 999)), BigDecimal.ONE, List.of());
        assertEquals(999, r.payable());
        assertTrue(r.discounts().isEmpty());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aLineNamedTwiceIsRefused() {
        Pricing.price(List.of(new Line(1, 999)), null, List.of(new Offer("COUPON", "C", 10, List.of(0, 0))));
    }

    @Test
    public void randomCartsAndDiscountsNeverLoseAFen() {
        Random random = new Random(4242);
        for (int round = 0; round < 10_000; round++) {
            int n = 1 + random.nextInt(8);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                lines.add(new Line(1 + random.nextInt(5), random.nextInt(8) == 0 ? 0 : random.nextInt(50_000)));
            }
            BigDecimal rate = random.nextBoolean() ? null : new BigDecimal(random.nextInt(101)).movePointLeft(2);
            List<Offer> offers = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                List<Integer> targets = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (random.nextInt(3) == 0) {
                        targets.add(i);
                    }
                }
                offers.add(new Offer("S" + k, null, random.nextInt(100_000), targets));
            }
            Result r = Pricing.price(lines, rate, offers);
            long discounted = 0;
            for (Pricing.Applied a : r.discounts()) {
                long perLine = 0;
                for (long share : a.perLine()) {
                    assertTrue(share >= 0);
                    perLine += share;
                }
                assertEquals("a discount is what it took from its lines", a.amountFen(), perLine);
                discounted += a.amountFen();
            }
            for (int i = 0; i < n; i++) {
                assertTrue("no line below zero", r.payableFen()[i] >= 0);
                long taken = 0;
                for (Pricing.Applied a : r.discounts()) {
                    taken += a.perLine()[i];
                }
                assertEquals("each line knows what was taken off it", r.grossFen()[i] - taken, r.payableFen()[i]);
            }
            assertEquals("the lines add up to the order", r.gross() - discounted, r.payable());
        }
    }
}
