package io.tessera.reporting.internal.rules;

import io.tessera.platform.api.Money;
import io.tessera.reporting.api.RechargeFigures;
import java.math.BigDecimal;

/**
 * The recharge figures' formulas: a RECHARGE row adds its principal to the paid amount and its bonus to the bonus
 * amount (recharge amount = paid + bonus), its card fee apart; a REVERSAL row counts as a reversal and what it took
 * back (principal and bonus, negative). Other journal rows are not recharges.
 */
public final class RechargeLines {

    private RechargeLines() {
    }

    public static RechargeFigures empty() {
        RechargeFigures f = new RechargeFigures();
        f.paidAmount = Money.ZERO;
        f.bonusAmount = Money.ZERO;
        f.rechargeAmount = Money.ZERO;
        f.cardFees = Money.ZERO;
        f.reversedAmount = Money.ZERO;
        return f;
    }

    /** Adds {@code rows} journal rows of {@code type} with these sums; true if they count here. */
    public static boolean add(RechargeFigures f, String type, long rows, BigDecimal principal, BigDecimal bonus, BigDecimal cardFee) {
        switch (type) {
            case "RECHARGE" -> {
                f.recharges += rows;
                f.paidAmount = f.paidAmount.plus(Money.of(principal));
                f.bonusAmount = f.bonusAmount.plus(Money.of(bonus));
                f.cardFees = f.cardFees.plus(Money.of(cardFee == null ? BigDecimal.ZERO : cardFee));
                f.rechargeAmount = f.paidAmount.plus(f.bonusAmount);
                return true;
            }
            case "REVERSAL" -> {
                f.reversals += rows;
                f.reversedAmount = f.reversedAmount.plus(Money.of(principal)).plus(Money.of(bonus));
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
