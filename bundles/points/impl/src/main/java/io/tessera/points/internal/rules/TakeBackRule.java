package io.tessera.points.internal.rules;

import java.math.BigInteger;

/**
 * How many of the points an order earned its refunds take back. Proportionally to what the refunds gave
 * back through the tenders that earned, counted over all refunds of the order together (so rounding never
 * drifts and the last refund takes back the rest): target = ⌊earned × refunded / base⌋, exactly earned once
 * everything that earned is refunded. Where those points come from is the account's business: the order's
 * own lot first (pending or not), then the lots that expire first; what is no longer there is owed (NEGATIVE:
 * the account goes below 0 and later earnings settle it) or written off (SHORTFALL), never skipped.
 */
public final class TakeBackRule {

    /** PROPORTIONAL: refunds take points back; NONE: earned points stay. */
    public enum Policy { PROPORTIONAL, NONE }

    /** When the points are no longer there: NEGATIVE (owed) or SHORTFALL (written off, recorded). */
    public enum WhenSpent { NEGATIVE, SHORTFALL }

    /** Where the points of one take-back came from. */
    public record Split(long fromLots, long debt, long shortfall) {
    }

    private TakeBackRule() {
    }

    /** Points the refunds so far should have taken back in all. */
    public static long target(long earned, long baseFen, long refundedFen) {
        if (earned <= 0 || baseFen <= 0 || refundedFen <= 0) {
            return 0;
        }
        if (refundedFen >= baseFen) {
            return earned;
        }
        return BigInteger.valueOf(earned).multiply(BigInteger.valueOf(refundedFen)).divide(BigInteger.valueOf(baseFen)).longValueExact();
    }

    /** {@code want} points against what the lots still hold. */
    public static Split split(long want, long inLots, WhenSpent whenSpent) {
        if (want < 0 || inLots < 0) {
            throw new IllegalArgumentException("negative take-back");
        }
        long fromLots = Math.min(want, inLots);
        long rest = want - fromLots;
        return whenSpent == WhenSpent.NEGATIVE ? new Split(fromLots, rest, 0) : new Split(fromLots, 0, rest);
    }
}
