package io.tessera.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.Test;

public class MoneyTest {

    @Test
    public void keepsExactlyTwoPlaces() {
        assertEquals("12.30", Money.parse("12.3").toString());
        assertEquals("12.00", Money.of(new BigDecimal("12")).toString());
        assertEquals("0.01", Money.ofFen(1).toString());
        assertEquals(1230L, Money.parse("12.30").toFen());
        assertEquals(Money.parse("12.3"), Money.parse("12.30"));
        assertEquals(Money.parse("12.3").hashCode(), Money.parse("12.30").hashCode());
    }

    @Test
    public void trailingZerosBeyondTwoPlacesAreStillExact() {
        assertEquals("1.50", Money.of(new BigDecimal("1.5000")).toString());
    }

    @Test
    public void refusesMoreThanTwoPlacesInsteadOfRounding() {
        assertThrows(IllegalArgumentException.class, () -> Money.parse("0.001"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("12.999")));
    }

    @Test
    public void refusesNonNumbersAndSpecialValues() {
        for (String bad : new String[] {"", " ", "abc", "NaN", "Infinity", "-Infinity", "1e3", "1,000.00", "12.", ".5", "0x10",
                "+1.00", " 1.00", "1.00 ", "\t1", "1.000", "--1", "１２"}) {
            assertThrows(bad, IllegalArgumentException.class, () -> Money.parse(bad));
        }
    }

    @Test
    public void refusesAmountsBeyondTheColumn() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("100000000000000000.00")));
        assertEquals(Money.MAX, Money.of(Money.MAX).toBigDecimal());
    }

    @Test
    public void arithmeticIsExact() {
        Money a = Money.parse("0.10");
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(a);
        }
        assertEquals(Money.parse("1.00"), sum);
        assertEquals(Money.parse("-0.90"), Money.parse("0.10").minus(Money.parse("1.00")));
        assertTrue(Money.parse("-0.01").isNegative());
        assertTrue(Money.ZERO.isZero());
        assertEquals(Money.parse("0.01"), Money.parse("-0.01").negate());
    }

    @Test
    public void discountRoundsToTheFenAsAsked() {
        assertEquals(Money.parse("9.50"), Money.parse("10.00").times(new BigDecimal("0.95"), RoundingMode.HALF_UP));
        assertEquals(Money.parse("0.07"), Money.parse("0.07").times(new BigDecimal("0.95"), RoundingMode.HALF_UP));
        assertEquals(Money.parse("0.06"), Money.parse("0.07").times(new BigDecimal("0.95"), RoundingMode.DOWN));
    }

    @Test
    public void ordersByAmount() {
        assertTrue(Money.parse("2.00").compareTo(Money.parse("10.00")) < 0);
        assertNotEquals(Money.parse("2.00"), Money.parse("2.01"));
    }
}
