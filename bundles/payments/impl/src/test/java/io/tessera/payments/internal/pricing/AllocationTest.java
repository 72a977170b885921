package io.tessera.payments.internal.pricing;

import io.tessera.payments.api.spi.Allocation;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import org.junit.Test;

public class AllocationTest {

    @Test
    public void tenFenOverThreeEqualLinesGivesTheOddFenToTheFirst() {
        assertArrayEquals(new long[] {4, 3, 3}, Allocation.spread(10, new long[] {1000, 1000, 1000}));
    }

    @Test
    public void theLargestFractionGetsTheLeftoverFen() {
        // 100 over 300/200/100: exact shares 50, 33.33, 16.67 -> 50, 33, 17
        assertArrayEquals(new long[] {50, 33, 17}, Allocation.spread(100, new long[] {300, 200, 100}));
    }

    @Test
    public void aWholeDiscountTakesEveryLineToZero() {
        long[] weights = {999, 1, 1000, 333};
        assertArrayEquals(weights, Allocation.spread(2333, weights));
    }

    @Test
    public void nothingToSpreadGivesZeros() {
        assertArrayEquals(new long[] {0, 0}, Allocation.spread(0, new long[] {0, 0}));
    }

    @Test(expected = IllegalArgumentException.class)
    public void moneyOverNoWeightIsRefused() {
        Allocation.spread(1, new long[] {0, 0});
    }

    @Test
    public void randomCartsAddUpAndNoLineGetsMoreThanItsWeight() {
        Random random = new Random(20261205);
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + random.nextInt(12);
            long[] weights = new long[n];
            long total = 0;
            for (int i = 0; i < n; i++) {
                weights[i] = random.nextInt(4) == 0 ? 0 : 1 + (long) random.nextInt(random.nextBoolean() ? 100 : 10_000_000);
                total += weights[i];
            }
            if (total == 0) {
                continue;
            }
            long amount = (long) (random.nextDouble() * (total + 1));
            long[] shares = Allocation.spread(amount, weights);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                assertTrue("share " + shares[i] + " of weight " + weights[i], shares[i] >= 0 && shares[i] <= weights[i]);
                if (weights[i] == 0) {
                    assertEquals(0, shares[i]);
                }
                sum += shares[i];
            }
            assertEquals("round " + round, amount, sum);
        }
    }
}
