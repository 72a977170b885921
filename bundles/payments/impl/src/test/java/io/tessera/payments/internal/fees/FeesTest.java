package io.tessera.payments.internal.fees;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.Test;

public class FeesTest {

    private static final BigDecimal RATE = new BigDecimal("0.0060");

    @Test
    public void theFeeRoundsHalfUpToTheFen() {
        assertEquals(1, Fees.fee(100, RATE)); // 0.60 fen -> 1
        assertEquals(0, Fees.fee(83, RATE)); // 0.498 -> 0
        assertEquals(1, Fees.fee(84, RATE)); // 0.504 -> 1
        assertEquals(60, Fees.fee(10_000, RATE));
        assertEquals(0, Fees.fee(10_000, BigDecimal.ZERO));
    }

    @Test
    public void aRefundReturnsItsShareAndTheLastRefundTheRest() {
        // 100.00 paid, fee 0.60; refunds 33.33, 33.33, 33.34 -> 0.20, 0.20, 0.20
        assertEquals(20, Fees.returned(10_000, 60, RATE, 0, 0, 3333));
        assertEquals(20, Fees.returned(10_000, 60, RATE, 3333, 20, 3333));
        assertEquals(20, Fees.returned(10_000, 60, RATE, 6666, 40, 3334));
    }

    @Test(expected = IllegalArgumentException.class)
    public void moreThanWasPaidIsRefused() {
        Fees.returned(100, 1, RATE, 50, 0, 51);
    }

    @Test
    public void randomRefundsReturnExactlyTheFee() {
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            long paid = 1 + random.nextInt(1_000_000);
            BigDecimal rate = new BigDecimal(random.nextInt(100)).movePointLeft(4);
            long fee = Fees.fee(paid, rate);
            long refunded = 0;
            long returned = 0;
            while (refunded < paid) {
                long refund = Math.min(paid - refunded, 1 + random.nextInt((int) Math.min(paid, 300_000)));
                long back = Fees.returned(paid, fee, rate, refunded, returned, refund);
                assertTrue(back >= 0 && returned + back <= fee);
                refunded += refund;
                returned += back;
            }
            assertEquals(fee, returned);
        }
    }
}
