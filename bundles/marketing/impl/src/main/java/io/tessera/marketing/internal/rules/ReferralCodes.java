package io.tessera.marketing.internal.rules;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Referral codes: 7 characters of Crockford's base 32 (no I, L, O, U: nothing to misread on a poster) drawn
 * from a {@link SecureRandom}, then a check character, the sum of the seven weighted 1, 3, 5 … 13 mod 32. The
 * weights are odd, so any one mistyped character is caught before a lookup, and two swapped neighbours are
 * unless they stand 16 apart in the alphabet. Read case-insensitively, with O read as 0 and I or L as 1, as
 * Crockford's alphabet intends.
 */
public final class ReferralCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReferralCodes() {
    }

    public static String next() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return b.append(ALPHABET.charAt(check(b))).toString();
    }

    /** The code as stored (upper case, O → 0, I/L → 1), or null when it is not a well-formed code with its check character. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
        if (c.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(c.charAt(i)) < 0) {
                return null;
            }
        }
        return ALPHABET.charAt(check(c)) == c.charAt(LENGTH - 1) ? c : null;
    }

    private static int check(CharSequence c) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (2 * i + 1) * ALPHABET.indexOf(c.charAt(i));
        }
        return sum % 32;
    }
}
