package io.tessera.platform.api;

import io.tessera.platform.api.xml.MoneyAdapter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * An exact amount of Chinese yuan (CNY) with exactly two decimal places.
 * Immutable; there is deliberately no {@code double} anywhere in this API. In SOAP messages it is an
 * xs:decimal (see {@link MoneyAdapter}); in JSON a plain decimal number.
 */
@XmlJavaTypeAdapter(MoneyAdapter.class)
public final class Money implements Comparable<Money> {

    public static final String CURRENCY = "CNY";
    public static final int SCALE = 2;
    /** Largest amount Tessera accepts in one value: fits DECIMAL(19,2). */
    public static final BigDecimal MAX = new BigDecimal("99999999999999999.99");
    private static final java.util.regex.Pattern CANONICAL = java.util.regex.Pattern.compile("-?\\d{1,17}(\\.\\d{1,2})?");
    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(SCALE));

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /** Rejects more than two decimal places instead of rounding them away. */
    public static Money of(BigDecimal value) {
        Objects.requireNonNull(value, "amount");
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            throw new IllegalArgumentException("at most " + SCALE + " decimal places: " + value.toPlainString());
        }
        if (value.abs().compareTo(MAX) > 0) {
            throw new IllegalArgumentException("amount out of range: " + value.toPlainString());
        }
        return new Money(value.setScale(SCALE, RoundingMode.UNNECESSARY));
    }

    /**
     * Parses the canonical text of an amount: an optional minus, up to 17 digits, and at most two
     * decimal places ("12.30", "-5", "0.5"). A plus sign, spaces, exponents, NaN and infinities are
     * refused: query parameters and configuration take amounts in exactly this form.
     */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "amount");
        if (!CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not an amount with at most 2 decimal places: " + text);
        }
        return of(new BigDecimal(text));
    }

    public static Money ofFen(long fen) {
        return new Money(BigDecimal.valueOf(fen, SCALE));
    }

    public BigDecimal toBigDecimal() {
        return amount;
    }

    public long toFen() {
        return amount.movePointRight(SCALE).longValueExact();
    }

    public Money plus(Money other) {
        return of(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return of(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    /** Multiplies by a rate and rounds half-up to the fen, the usual retail rule for discounts. */
    public Money times(BigDecimal rate, RoundingMode rounding) {
        return of(amount.multiply(rate).setScale(SCALE, rounding));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money o) {
        return amount.compareTo(o.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money && ((Money) o).amount.equals(amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** Plain decimal, e.g. "12.30". */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
