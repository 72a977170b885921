package io.tessera.payments.api.spi;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Spreads an amount in whole fen over weights (order lines) by the largest-remainder method — checkout's
 * rule, offered to the collaborators that split their own discounts over lines. Each line first gets the
 * whole fen of its exact share, then the fen left over go one each to the lines with the largest
 * fractional parts (ties: the larger weight, then the earlier line). The shares always add up to
 * the amount exactly, and while the amount is at most the sum of the weights no line gets more than its
 * weight (a line's share is below its exact share rounded up), so a discount never takes a line below zero.
 */
public final class Allocation {

    private Allocation() {
    }

    /**
     * @param amount  fen to spread, ≥ 0
     * @param weights one per line, each ≥ 0; their sum must be positive unless {@code amount} is 0
     * @return one share per weight, adding up to {@code amount}
     */
    public static long[] spread(long amount, long[] weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount < 0: " + amount);
        }
        long[] shares = new long[weights.length];
        if (amount == 0) {
            return shares;
        }
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("nothing to spread " + amount + " fen over");
        }
        BigInteger a = BigInteger.valueOf(amount);
        BigInteger[] fractions = new BigInteger[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = a.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            shares[i] = qr[0].longValueExact();
            fractions[i] = qr[1];
            given += shares[i];
        }
        long left = amount - given; // < number of lines with a fractional part
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int c = fractions[y].compareTo(fractions[x]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(weights[y], weights[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        for (int k = 0; k < left; k++) {
            shares[order[k]]++;
        }
        return shares;
    }
}
