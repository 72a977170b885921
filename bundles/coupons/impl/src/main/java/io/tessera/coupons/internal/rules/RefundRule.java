package io.tessera.coupons.internal.rules;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.payments.api.spi.Allocation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * What a refund does to one coupon an order used (pure: no database). The rule (docs/domains/coupons.md,
 * "Refunds"), per coupon, looking at the order lines it took money off:
 * <ol>
 *   <li><b>Full</b>: every line the coupon took money off is wholly back after this refund (kept share 0) →
 *       RETURNED (the coupon is usable again, or expired) when the policy restores, KEPT otherwise; money the
 *       coupon kept back earlier (a claw-back) is given back now on the lines with room.</li>
 *   <li><b>Partial, minimum still met</b> (or no minimum, or the policy keeps) → KEPT, no change: the lines
 *       coming back already give back only what they cost after the coupon.</li>
 *   <li><b>Partial, minimum no longer met</b>: the kept base Σ base_l × k_l (k_l = the share of line l the
 *       customer keeps after this refund) is below the minimum spend → CLAWED_BACK: the coupon's discount on
 *       what the customer keeps, Σ halfUp(amount_l × k_l), is kept back from this refund (spread over its
 *       lines by what each gives back); what this refund cannot cover is a shortfall (written off, or the
 *       refund refused, by policy); the coupon is returned when the policy says so. Once only per coupon.</li>
 * </ol>
 */
public final class RefundRule {

    private RefundRule() {
    }

    /** The refund policy from etc/io.tessera.coupons.cfg. */
    public record Settings(boolean restoreOnFull, boolean clawBack, boolean returnOnClawBack, boolean refuseShortfall) {
    }

    /**
     * One order line as the coupon and the refund see it (fen and units).
     *
     * @param base           what the line cost just before this coupon (its base for the minimum spend)
     * @param amount         what this coupon took off the line
     * @param payable        what the line cost in the end (after every discount)
     * @param quantity       the line's units
     * @param refundedBefore money earlier refunds gave back for the line
     * @param returnedBefore units earlier refunds returned
     * @param clawed         money earlier reversals of this coupon kept back on this line (net, ≥ 0)
     * @param back           money this refund gives back for the line, before any adjustment
     * @param units          units this refund returns (0 for a refund by amount)
     */
    public record Line(long base, long amount, long payable, long quantity, long refundedBefore, long returnedBefore, long clawed,
                       long back, long units) {
    }

    public enum Action { KEPT, RETURNED, CLAWED_BACK, GIVEN_BACK }

    /**
     * @param action     what happened to the coupon
     * @param adjustment per line, in fen: negative keeps money back from this refund, positive gives back
     * @param shortfall  claw-back this refund could not cover (written off), 0 when none
     * @param returnCoupon whether the coupon becomes usable again (or expired)
     * @param note       a sentence for the refund's record, or null
     */
    public record Decision(Action action, long[] adjustment, long shortfall, boolean returnCoupon, String note) {
    }

    /**
     * @param minSpend     the coupon's minimum spend in fen (0 = none)
     * @param clawedBefore whether an earlier refund already clawed this coupon back
     * @param returned     whether the coupon was already returned by an earlier refund
     * @param lines        every order line, in order
     * @throws io.tessera.platform.api.TesseraException COUPON_REFUND_SHORTFALL when the policy refuses a shortfall
     */
    public static Decision decide(Settings settings, long minSpend, boolean clawedBefore, boolean returned, List<Line> lines) {
        if (settings == null || lines == null) {
            throw new IllegalArgumentException("settings and lines are required");
        }
        if (minSpend < 0) {
            throw new IllegalArgumentException("minSpend < 0: " + minSpend);
        }
        int n = lines.size();
        BigInteger[] keptNum = new BigInteger[n];
        BigInteger[] keptDen = new BigInteger[n];
        boolean full = true;
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            check(l, i);
            long num;
            long den;
            if (l.payable() > 0) {
                // money clawed back on the line is gone too: the customer never got it
                num = l.payable() - l.refundedBefore() - l.back() - l.clawed();
                den = l.payable();
            } else if (l.quantity() > 0) {
                num = l.quantity() - l.returnedBefore() - l.units();
                den = l.quantity();
            } else {
                num = 0; // nothing paid, no units: nothing kept
                den = 1;
            }
            num = Math.max(0, Math.min(num, den));
            keptNum[i] = BigInteger.valueOf(num);
            keptDen[i] = BigInteger.valueOf(den);
            if (l.amount() > 0 && num > 0) {
                full = false;
            }
        }
        return full
            ? full(settings, clawedBefore, returned, lines)
            : partial(settings, minSpend, clawedBefore, returned, lines, keptNum, keptDen);
    }

    private static void check(Line l, int i) {
        if (l == null) {
            throw new IllegalArgumentException("line " + i + " is null");
        }
        if (l.base() < 0 || l.amount() < 0 || l.payable() < 0 || l.quantity() < 0 || l.refundedBefore() < 0
            || l.returnedBefore() < 0 || l.clawed() < 0 || l.back() < 0 || l.units() < 0) {
            throw new IllegalArgumentException("line " + i + " has a negative field: " + l);
        }
    }

    /** Every line the coupon took money off is wholly back (or the coupon took money off none). */
    private static Decision full(Settings settings, boolean clawedBefore, boolean returned, List<Line> lines) {
        int n = lines.size();
        long[] adjustment = new long[n];
        boolean returnCoupon = settings.restoreOnFull() && !returned;
        if (clawedBefore) {
            long clawed = 0;
            long given = 0;
            long[] spare = new long[n];
            long spareTotal = 0;
            for (int i = 0; i < n; i++) {
                Line l = lines.get(i);
                long room = Math.max(0, l.payable() - l.refundedBefore() - l.back());
                clawed += l.clawed();
                adjustment[i] = Math.min(l.clawed(), room); // first on the line it was kept back from
                given += adjustment[i];
                spare[i] = room - adjustment[i];
                spareTotal += spare[i];
            }
            long extra = Math.min(clawed - given, spareTotal); // the rest on the other lines with room
            if (extra > 0) {
                long[] more = Allocation.spread(extra, spare);
                for (int i = 0; i < n; i++) {
                    adjustment[i] += more[i];
                }
                given += extra;
            }
            if (given > 0) {
                String note = "gives back the " + yuan(given) + " kept at an earlier refund";
                if (given < clawed) {
                    note += " (of " + yuan(clawed) + " kept: the lines have no room for the other " + yuan(clawed - given) + ")";
                }
                return new Decision(Action.GIVEN_BACK, adjustment, 0, returnCoupon, note);
            }
        }
        if (returnCoupon) {
            return new Decision(Action.RETURNED, adjustment, 0, true,
                "every line the coupon took money off is back: the coupon is returned");
        }
        return new Decision(Action.KEPT, adjustment, 0, false, null);
    }

    /** Some line the coupon took money off is still (partly) kept. */
    private static Decision partial(Settings settings, long minSpend, boolean clawedBefore, boolean returned, List<Line> lines,
                                    BigInteger[] keptNum, BigInteger[] keptDen) {
        int n = lines.size();
        long[] adjustment = new long[n];
        if (minSpend == 0 || !settings.clawBack() || clawedBefore || returned) {
            return new Decision(Action.KEPT, adjustment, 0, false, null);
        }
        // kept base Σ base_l × k_l as an exact fraction num / den
        BigInteger num = BigInteger.ZERO;
        BigInteger den = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            BigInteger termNum = BigInteger.valueOf(lines.get(i).base()).multiply(keptNum[i]);
            num = num.multiply(keptDen[i]).add(termNum.multiply(den));
            den = den.multiply(keptDen[i]);
            BigInteger g = num.gcd(den);
            if (g.signum() > 0 && !g.equals(BigInteger.ONE)) {
                num = num.divide(g);
                den = den.divide(g);
            }
        }
        if (num.compareTo(BigInteger.valueOf(minSpend).multiply(den)) >= 0) {
            return new Decision(Action.KEPT, adjustment, 0, false, null);
        }
        long keptBase = num.divide(den).longValueExact(); // rounded down: shown below the minimum as it is
        long claw = 0;
        long[] back = new long[n];
        long backTotal = 0;
        BigInteger two = BigInteger.TWO;
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            // halfUp(amount × k) = ⌊(2 × amount × num + den) / (2 × den)⌋
            claw += BigInteger.valueOf(l.amount()).multiply(keptNum[i]).multiply(two).add(keptDen[i])
                .divide(keptDen[i].multiply(two)).longValueExact();
            back[i] = l.back();
            backTotal += l.back();
        }
        long taken = Math.min(claw, backTotal);
        long shortfall = claw - taken;
        String note = "kept goods " + yuan(keptBase) + " below the minimum spend " + yuan(minSpend) + ": "
            + yuan(claw) + " of the coupon's discount kept back";
        if (shortfall > 0) {
            String lack = "the kept goods lose a " + yuan(claw) + " discount; this refund gives back only " + yuan(backTotal);
            if (settings.refuseShortfall()) {
                throw CouponErrors.COUPON_REFUND_SHORTFALL.at("lines", lack);
            }
            note += "; " + lack + ": " + yuan(shortfall) + " written off";
        }
        if (taken > 0) {
            long[] kept = Allocation.spread(taken, back);
            for (int i = 0; i < n; i++) {
                adjustment[i] = -kept[i];
            }
        }
        return new Decision(Action.CLAWED_BACK, adjustment, shortfall, settings.returnOnClawBack(), note);
    }

    /** Fen as yuan with two decimals, e.g. 1091 → "10.91". */
    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
