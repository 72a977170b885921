package io.tessera.points.internal.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Points as money at checkout: {@code pointsPerYuan} points make 1.00, at most {@code maxShare} of what the order
 * costs when points come to it (after the level discount and coupons), at least {@code minPoints}. An order asks
 * for a number of points worth whole fen (with 100 points to the yuan, any number); what they take off is
 * exactly their worth, so a refund gives back points and money in step.
 */
public record TenderRule(boolean enabled, int pointsPerYuan, BigDecimal maxShare, long minPoints) {

    /** Why an ask is refused, or null. */
    public enum Refusal { NOT_WHOLE_FEN, BELOW_MINIMUM, SHARE_EXCEEDED, INSUFFICIENT }

    /** Whether {@code points} are worth a whole number of fen. */
    public boolean wholeFen(long points) {
        return points > 0 && BigInteger.valueOf(points).multiply(BigInteger.valueOf(100)).mod(BigInteger.valueOf(pointsPerYuan)).signum() == 0;
    }

    /** What {@code points} are worth, in fen (rounded down). */
    public long fen(long points) {
        return BigInteger.valueOf(points).multiply(BigInteger.valueOf(100)).divide(BigInteger.valueOf(pointsPerYuan)).longValueExact();
    }

    /** The points worth {@code fen} (rounded up: never less than the money they stand for). */
    public long pointsFor(long fen) {
        BigInteger[] qr = BigInteger.valueOf(fen).multiply(BigInteger.valueOf(pointsPerYuan)).divideAndRemainder(BigInteger.valueOf(100));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    /** The most fen points may take off an order that costs {@code payableFen}. */
    public long maxFen(long payableFen) {
        return BigDecimal.valueOf(payableFen).multiply(maxShare).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** The most points an order that costs {@code payableFen} may use: worth at most {@link #maxFen}. */
    public long maxPoints(long payableFen) {
        return BigInteger.valueOf(maxFen(payableFen)).multiply(BigInteger.valueOf(pointsPerYuan)).divide(BigInteger.valueOf(100)).longValueExact();
    }

    /** The first refusal of asking {@code points} on an order costing {@code payableFen}, with {@code available} spendable; null when fine. */
    public Refusal check(long points, long payableFen, long available) {
        if (!wholeFen(points)) {
            return Refusal.NOT_WHOLE_FEN;
        }
        if (points < minPoints) {
            return Refusal.BELOW_MINIMUM;
        }
        if (points > maxPoints(payableFen)) {
            // The same as worth > maxFen for points worth whole fen, without converting an ask of any size.
            return Refusal.SHARE_EXCEEDED;
        }
        return points > available ? Refusal.INSUFFICIENT : null;
    }

    /**
     * How many of a line's spent points a refund gives back in all (with the earlier refunds): the share of the
     * line refunded — by money, or by units when points paid the whole line — or all of them when the order is
     * refunded in full.
     */
    public static long lineTarget(long linePoints, long payableFen, long refundedFen, long lineQuantity, long returnedUnits, boolean full) {
        if (full) {
            return linePoints;
        }
        long part;
        long whole;
        if (payableFen > 0) {
            part = Math.min(refundedFen, payableFen);
            whole = payableFen;
        } else {
            part = Math.min(returnedUnits, lineQuantity);
            whole = lineQuantity;
        }
        if (whole <= 0 || part <= 0) {
            return 0;
        }
        return BigInteger.valueOf(linePoints).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole)).longValueExact();
    }
}
