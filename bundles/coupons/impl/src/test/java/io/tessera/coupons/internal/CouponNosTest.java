package io.tessera.coupons.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.Test;

public class CouponNosTest {

    @Test
    public void eighteenDigitsStartingWithNine() {
        for (int i = 0; i < 1000; i++) {
            String no = CouponNos.next();
            assertEquals(no, 18, no.length());
            assertEquals(no, '9', no.charAt(0));
            for (char c : no.toCharArray()) {
                assertTrue(no, c >= '0' && c <= '9');
            }
            assertTrue(no, CouponNos.valid(no));
            assertEquals(no, no.charAt(17) - '0', CouponNos.damm(no.substring(0, 17)));
            assertEquals(no, 0, CouponNos.damm(no));
        }
    }

    @Test
    public void knownVectors() {
        assertEquals(4, CouponNos.damm("572")); // Wikipedia's worked example
        assertEquals(0, CouponNos.damm("5724"));
        assertEquals(0, CouponNos.damm(""));
        assertEquals(0, CouponNos.damm("0000"));
        assertEquals(8, CouponNos.damm("90000000000000000"));
        assertTrue(CouponNos.valid("900000000000000008"));
        assertFalse(CouponNos.valid("900000000000000000"));
        assertEquals(2, CouponNos.damm("91234567890123456"));
        assertTrue(CouponNos.valid("912345678901234562"));
    }

    @Test
    public void everySingleDigitChangeIsDetected() {
        for (int n = 0; n < 10_000; n++) {
            char[] no = CouponNos.next().toCharArray();
            for (int i = 0; i < no.length; i++) {
                char was = no[i];
                for (char d = '0'; d <= '9'; d++) {
                    if (d == was) {
                        continue;
                    }
                    no[i] = d;
                    String changed = new String(no);
                    assertNotEquals(changed, 0, CouponNos.damm(changed));
                    assertFalse(changed, CouponNos.valid(changed));
                }
                no[i] = was;
            }
        }
    }

    @Test
    public void everyAdjacentSwapIsDetected() {
        for (int n = 0; n < 10_000; n++) {
            char[] no = CouponNos.next().toCharArray();
            for (int i = 0; i + 1 < no.length; i++) {
                if (no[i] == no[i + 1]) {
                    continue;
                }
                swap(no, i);
                String swapped = new String(no);
                assertNotEquals(swapped, 0, CouponNos.damm(swapped));
                assertFalse(swapped, CouponNos.valid(swapped));
                swap(no, i);
            }
        }
    }

    @Test
    public void everyAdjacentSwapOfTwoDigitsIsDetectedAnywhere() {
        // the quasigroup's property itself, for every pair of digits after every interim digit
        for (int prefix = 0; prefix < 100; prefix++) {
            String p = String.format("%02d", prefix);
            for (char a = '0'; a <= '9'; a++) {
                for (char b = '0'; b <= '9'; b++) {
                    if (a != b) {
                        assertNotEquals(CouponNos.damm(p + a + b), CouponNos.damm(p + b + a));
                    }
                }
            }
        }
    }

    @Test
    public void validRejectsWhatIsNotACouponNumber() {
        String no = CouponNos.next();
        assertTrue(CouponNos.valid(no));
        assertFalse(CouponNos.valid(null));
        assertFalse(CouponNos.valid(""));
        assertFalse(CouponNos.valid(no.substring(0, 17)));
        assertFalse(CouponNos.valid(no + "0"));
        assertFalse(CouponNos.valid(" " + no.substring(1)));
        assertFalse(CouponNos.valid(no.substring(0, 5) + "a" + no.substring(6)));
        assertFalse(CouponNos.valid(no.substring(0, 5) + "-" + no.substring(6)));
        assertFalse(CouponNos.valid(no.substring(0, 5) + "\u0663" + no.substring(6))); // Arabic-Indic three: a digit, not ASCII
        // a leading digit other than 9 is refused even with a right check digit
        for (char lead = '0'; lead <= '8'; lead++) {
            String body = lead + no.substring(1, 17);
            String other = body + CouponNos.damm(body);
            assertEquals(0, CouponNos.damm(other));
            assertFalse(other, CouponNos.valid(other));
        }
    }

    @Test
    public void noDuplicatesAndUniformDigits() {
        int count = 100_000;
        Set<String> seen = new HashSet<>(count * 2);
        int[][] digits = new int[16][10];
        for (int n = 0; n < count; n++) {
            String no = CouponNos.next();
            assertTrue(no, seen.add(no));
            for (int p = 0; p < 16; p++) {
                digits[p][no.charAt(p + 1) - '0']++;
            }
        }
        // each count is binomial(10^5, 0.1): mean 10 000, sigma ≈ 95; 8 000 .. 12 000 is ±21 sigma
        for (int p = 0; p < 16; p++) {
            for (int d = 0; d < 10; d++) {
                int c = digits[p][d];
                assertTrue("position " + (p + 1) + " digit " + d + ": " + c, c >= 8_000 && c <= 12_000);
            }
        }
    }

    private static void swap(char[] a, int i) {
        char t = a[i];
        a[i] = a[i + 1];
        a[i + 1] = t;
    }
}
