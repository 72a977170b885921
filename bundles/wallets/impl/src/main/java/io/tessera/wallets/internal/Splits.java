package io.tessera.wallets.internal;

import io.tessera.platform.api.Money;
import io.tessera.wallets.api.SplitPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an amount divides between principal and bonus, in whole fen so that no cent is ever lost:
 * the two parts always add up to the amount, and neither exceeds what is there to take.
 */
public final class Splits {

    /** A principal part and a bonus part. */
    public record Parts(long principalFen, long bonusFen) {
        public Money principal() {
            return Money.ofFen(principalFen);
        }

        public Money bonus() {
            return Money.ofFen(bonusFen);
        }

        public long totalFen() {
            return principalFen + bonusFen;
        }
    }

    private Splits() {
    }

    /**
     * The part of a payment of {@code amountFen} taken from each balance. The caller has checked
     * that {@code amountFen <= principalFen + bonusFen}.
     */
    public static Parts payment(long amountFen, long principalFen, long bonusFen, SplitPolicy policy) {
        if (amountFen < 0 || principalFen < 0 || bonusFen < 0 || amountFen > principalFen + bonusFen) {
            throw new IllegalArgumentException("cannot take " + amountFen + " from " + principalFen + " + " + bonusFen);
        }
        long bonus;
        switch (policy) {
            case PRINCIPAL_FIRST:
                bonus = amountFen - Math.min(amountFen, principalFen);
                break;
            case BONUS_FIRST:
                bonus = Math.min(amountFen, bonusFen);
                break;
            case PROPORTIONAL:
            default:
                bonus = share(amountFen, bonusFen, principalFen + bonusFen);
                break;
        }
        return fit(amountFen, bonus, principalFen, bonusFen);
    }

    /**
     * The part of a refund of {@code amountFen} returned to each balance, given the original payment's
     * parts and what earlier refunds of it returned: cumulatively proportional, so the last refund
     * returns exactly the rest and the refunds together equal the payment's split.
     */
    public static Parts refund(long amountFen, Parts original, Parts refundedBefore) {
        long refundable = original.totalFen() - refundedBefore.totalFen();
        if (amountFen <= 0 || amountFen > refundable) {
            throw new IllegalArgumentException("cannot refund " + amountFen + " of " + refundable);
        }
        long totalAfter = refundedBefore.totalFen() + amountFen;
        long bonusAfter = totalAfter == original.totalFen()
                ? original.bonusFen() : share(totalAfter, original.bonusFen(), original.totalFen());
        long bonus = bonusAfter - refundedBefore.bonusFen();
        return fit(amountFen, bonus, original.principalFen() - refundedBefore.principalFen(),
                original.bonusFen() - refundedBefore.bonusFen());
    }

    /** round-half-up(amount × part / whole), in fen. */
    static long share(long amountFen, long partFen, long wholeFen) {
        if (wholeFen == 0) {
            return 0;
        }
        return BigDecimal.valueOf(amountFen).multiply(BigDecimal.valueOf(partFen))
                .divide(BigDecimal.valueOf(wholeFen), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Moves a rounding fen from one side to the other when a side would take more than it has. */
    private static Parts fit(long amountFen, long bonus, long principalAvailable, long bonusAvailable) {
        long b = Math.max(0, Math.min(bonus, bonusAvailable));
        long p = amountFen - b;
        if (p > principalAvailable) {
            p = principalAvailable;
            b = amountFen - p;
        }
        if (p < 0 || b < 0 || b > bonusAvailable) {
            throw new IllegalStateException("no split of " + amountFen + " fits " + principalAvailable + " + " + bonusAvailable);
        }
        return new Parts(p, b);
    }
}
