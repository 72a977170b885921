package io.tessera.coupons.internal;

import java.security.SecureRandom;

/**
 * Coupon numbers: 18 digits — "9" (never a member or card number), 16 random digits from a SecureRandom,
 * and a Damm check digit over the first 17 (it catches every single-digit error and every swap of two
 * adjacent digits). Unguessable: 10^16 numbers, and a guessed one is still refused unless it is the caller's.
 */
public final class CouponNos {

    private static final int LENGTH = 18;

    /** 10^16: the random part is uniform over 0 .. 10^16 − 1. */
    private static final long RANGE = 10_000_000_000_000_000L;

    /** The largest multiple of 10^16 not above 2^63 − 1: draws at or above it are redrawn (no modulo bias). */
    private static final long ACCEPT_BELOW = Long.MAX_VALUE - Long.MAX_VALUE % RANGE;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The Damm quasigroup of order 10 (totally anti-symmetric, zero diagonal). */
    private static final int[][] DAMM = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
        {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
        {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
        {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
        {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
        {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
        {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
    };

    private CouponNos() {
    }

    /** A new random coupon number. */
    public static String next() {
        long r;
        do {
            r = RANDOM.nextLong() >>> 1; // uniform over 0 .. 2^63 − 1
        } while (r >= ACCEPT_BELOW);
        StringBuilder no = new StringBuilder(LENGTH);
        no.append('9');
        String digits = Long.toString(r % RANGE);
        for (int i = digits.length(); i < 16; i++) {
            no.append('0');
        }
        no.append(digits);
        no.append((char) ('0' + damm(no)));
        return no.toString();
    }

    /** Whether the text is a coupon number: 18 digits, a leading 9, the check digit right. Cheap: checked before any database read. */
    public static boolean valid(String no) {
        if (no == null || no.length() != LENGTH || no.charAt(0) != '9') {
            return false;
        }
        int interim = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = no.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            interim = DAMM[interim][c - '0'];
        }
        return interim == 0;
    }

    /** The Damm check digit of a string of digits. */
    static int damm(CharSequence digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i + ": " + c);
            }
            interim = DAMM[interim][c - '0'];
        }
        return interim;
    }
}
