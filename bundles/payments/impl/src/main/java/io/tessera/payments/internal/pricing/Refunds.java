package io.tessera.payments.internal.pricing;

import io.tessera.payments.api.spi.Allocation;

/**
 * What a refund gives back, in whole fen, so that refunds never give back more than was paid, line by
 * line and tender by tender, however they are cut:
 * <ul>
 *   <li>returning units of a line gives back the line's payable amount spread over its units, counted
 *       cumulatively (the first m of q units are worth floor(payable × m / q), all q units exactly the
 *       payable), so the units' refunds add up to what the line cost, and never more than the line has
 *       left after earlier refunds by amount;</li>
 *   <li>a refund by amount is spread over the lines by what each has left ({@link Allocation});</li>
 *   <li>the money goes back to the order's tenders in proportion to what each has left to give back.</li>
 * </ul>
 */
public final class Refunds {

    private Refunds() {
    }

    /**
     * @param payable          what the line cost after discounts
     * @param quantity         the line's units
     * @param returnedBefore   units earlier refunds returned
     * @param refundedBefore   money earlier refunds gave back for this line (by units or by amount)
     * @param units            units returned now
     */
    public static long forUnits(long payable, long quantity, long returnedBefore, long refundedBefore, long units) {
        if (units <= 0 || returnedBefore < 0 || returnedBefore + units > quantity) {
            throw new IllegalArgumentException(units + " units after " + returnedBefore + " of " + quantity);
        }
        long share = worth(payable, quantity, returnedBefore + units) - worth(payable, quantity, returnedBefore);
        return Math.max(0, Math.min(share, payable - refundedBefore));
    }

    /** Spreads {@code amount} over what each line (or tender) has left; at most their sum. */
    public static long[] spread(long amount, long[] left) {
        long room = 0;
        for (long l : left) {
            if (l < 0) {
                throw new IllegalArgumentException("negative room " + l);
            }
            room += l;
        }
        if (amount > room) {
            throw new IllegalArgumentException(amount + " over " + room + " left");
        }
        return Allocation.spread(amount, amount == 0 ? new long[left.length] : left);
    }

    private static long worth(long payable, long quantity, long units) {
        return units == quantity ? payable : Math.multiplyExact(payable, units) / quantity;
    }
}
