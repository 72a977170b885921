package io.tessera.payments.internal.pricing;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;
import org.junit.Test;

public class RefundsTest {

    @Test
    public void threeUnitsOfTenYuanAfterADiscountAddUpToTheLine() {
        // 3 units, 29.99 paid: 9.99, 10.00, 10.00
        assertEquals(999, Refunds.forUnits(2999, 3, 0, 0, 1));
        assertEquals(1000, Refunds.forUnits(2999, 3, 1, 999, 1));
        assertEquals(1000, Refunds.forUnits(2999, 3, 2, 1999, 1));
    }

    @Test
    public void unitsAfterARefundByAmountGiveBackOnlyWhatIsLeft() {
        assertEquals(500, Refunds.forUnits(2000, 2, 0, 1500, 2));
        assertEquals(0, Refunds.forUnits(2000, 2, 0, 2000, 1));
    }

    @Test(expected = IllegalArgumentException.class)
    public void moreUnitsThanTheLineHasAreRefused() {
        Refunds.forUnits(2000, 2, 1, 1000, 2);
    }

    @Test
    public void aRefundByAmountFollowsWhatEachLineHasLeft() {
        assertArrayEquals(new long[] {600, 0, 400}, Refunds.spread(1000, new long[] {1500, 0, 1000}));
    }

    @Test(expected = IllegalArgumentException.class)
    public void moreThanIsLeftIsRefused() {
        Refunds.spread(1001, new long[] {500, 500});
    }

    @Test
    public void randomRefundsOfALineNeverExceedItAndEndExactlyOnIt() {
        Random random = new Random(99);
        for (int round = 0; round < 10_000; round++) {
            long quantity = 1 + random.nextInt(20);
            long payable = random.nextInt(1_000_000);
            long returned = 0;
            long refunded = 0;
            while (returned < quantity) {
                if (random.nextInt(4) == 0 && refunded < payable) {
                    refunded += 1 + random.nextInt((int) (payable - refunded));
                    continue;
                }
                long units = 1 + random.nextInt((int) (quantity - returned));
                long back = Refunds.forUnits(payable, quantity, returned, refunded, units);
                assertTrue(back >= 0);
                returned += units;
                refunded += back;
                assertTrue(refunded <= payable);
            }
            assertEquals("all units back: all the money back", payable, refunded);
        }
    }
}
