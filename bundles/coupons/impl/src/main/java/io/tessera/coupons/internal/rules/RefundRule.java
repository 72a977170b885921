package io.tessera.coupons.internal.rules;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.payments.api.spi.Allocation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * What a refund does to one coupon an order used (pure: no database). The rule (docs/domains/coupons.md,
 * "Refunds"), per coupon, looking at the order lines it took money off. With k_l the share of line l the
 * customer keeps after this refund (by money; by units for a line that cost nothing):
 * <ol>
 *   <li><b>Full</b>: every line the coupon took money off is wholly back (k = 0) → RETURNED (usable again, or
 *       expired) when the policy restores, KEPT otherwise; anything the coupon kept back earlier is given back
 *       (GIVEN_BACK).</li>
 *   <li><b>Partial, minimum still met</b> (or no minimum, or the policy keeps) → KEPT, no change: the lines
 *       coming back give back only what they cost after the coupon.</li>
 *   <li><b>Partial, minimum no longer met</b>: the kept base Σ base_l × k_l is below the minimum spend → the
 *       customer no longer has a right to the coupon's discount on what they keep. What is due on line l is
 *       halfUp(amount_l × k_l), never more than takes the kept goods back to their price before the coupon
 *       (⌊base_l × k_l⌋ − what the customer paid for them); the first time, it is kept back from this refund
 *       (CLAWED_BACK, spread over the coupon's lines by what each gives back; what this refund cannot cover is
 *       a shortfall, written off or refused by policy) and the coupon is returned when the policy says so.
 *       Each later refund works out what is due again on what is then kept and gives back the difference
 *       (GIVEN_BACK) — down to everything at the last.</li>
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
     * @param clawed         money earlier reversals of the order's coupons kept back on this line (net, ≥ 0)
     * @param back           money this refund gives back for the line, before any adjustment
     * @param units          units this refund returns (0 for a refund by amount)
     * @param own            of {@code clawed}, what this coupon kept back (net, ≥ 0)
     */
    public record Line(long base, long amount, long payable, long quantity, long refundedBefore, long returnedBefore, long clawed,
                       long back, long units, long own) {

        /** A line of an order with this one coupon: everything kept back on it is this coupon's. */
        public Line(long base, long amount, long payable, long quantity, long refundedBefore, long returnedBefore, long clawed, long back,
                    long units) {
            this(base, amount, payable, quantity, refundedBefore, returnedBefore, clawed, back, units, clawed);
        }
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
        long[] keptNum = new long[n];
        long[] keptDen = new long[n];
        boolean full = true;
        long own = 0;
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            check(l, i);
            long num;
            long den;
            if (l.payable() > 0) {
                // money kept back on the line is gone too: the customer never got it
                num = l.payable() - l.refundedBefore() - l.back() - l.clawed();
                den = l.payable();
            } else if (l.quantity() > 0) {
                num = l.quantity() - l.returnedBefore() - l.units();
                den = l.quantity();
            } else {
                num = 0; // nothing paid, no units: nothing kept
                den = 1;
            }
            keptNum[i] = Math.max(0, Math.min(num, den));
            keptDen[i] = den;
            full &= l.amount() == 0 || keptNum[i] == 0;
            own += l.own();
        }
        long[] due = new long[n];
        boolean below = false;
        long keptBase = 0;
        if (minSpend > 0 && settings.clawBack() && (clawedBefore || !returned)) {
            BigInteger[] base = keptBase(lines, keptNum, keptDen);
            below = base[0].compareTo(BigInteger.valueOf(minSpend).multiply(base[1])) < 0;
            keptBase = base[0].divide(base[1]).longValueExact(); // rounded down: shown below the minimum as it is
            if (below || clawedBefore) {
                for (int i = 0; i < n; i++) {
                    due[i] = due(lines.get(i), keptNum[i], keptDen[i]);
                }
            }
        }
        long dueTotal = 0;
        for (long d : due) {
            dueTotal += d;
        }
        if (!clawedBefore && below && !full) {
            return clawBack(settings, returned, lines, due, dueTotal, keptBase, minSpend);
        }
        long[] adjustment = new long[n];
        boolean returnCoupon = full && settings.restoreOnFull() && !returned;
        // what is kept back is worked out again on what is kept now (a policy since switched to KEEP leaves it, but for the last refund)
        long owed = full ? 0 : settings.clawBack() ? dueTotal : own;
        if (clawedBefore && owed < own) {
            long wanted = own - owed;
            long given = giveBack(lines, due, wanted, adjustment);
            if (given > 0) {
                String note = given < wanted
                    ? "gives back the " + yuan(given) + " kept at an earlier refund (of " + yuan(wanted) + " kept: the lines have no room for the other "
                        + yuan(wanted - given) + ")"
                    : wanted == own ? "gives back the " + yuan(given) + " kept at an earlier refund"
                    : "gives back " + yuan(given) + " of the " + yuan(own) + " kept at an earlier refund: the goods kept now lose "
                        + yuan(owed) + " of the discount";
                return new Decision(Action.GIVEN_BACK, adjustment, 0, returnCoupon, note);
            }
        }
        if (returnCoupon) {
            return new Decision(Action.RETURNED, adjustment, 0, true, "every line the coupon took money off is back: the coupon is returned");
        }
        return new Decision(Action.KEPT, adjustment, 0, false, null);
    }

    private static void check(Line l, int i) {
        if (l == null) {
            throw new IllegalArgumentException("line " + i + " is null");
        }
        if (l.base() < 0 || l.amount() < 0 || l.payable() < 0 || l.quantity() < 0 || l.refundedBefore() < 0
            || l.returnedBefore() < 0 || l.clawed() < 0 || l.back() < 0 || l.units() < 0 || l.own() < 0 || l.own() > l.clawed()) {
            throw new IllegalArgumentException("line " + i + " has a negative field: " + l);
        }
    }

    /** The kept base Σ base_l × k_l as an exact fraction {num, den}. */
    private static BigInteger[] keptBase(List<Line> lines, long[] keptNum, long[] keptDen) {
        BigInteger num = BigInteger.ZERO;
        BigInteger den = BigInteger.ONE;
        for (int i = 0; i < lines.size(); i++) {
            BigInteger d = BigInteger.valueOf(keptDen[i]);
            BigInteger termNum = BigInteger.valueOf(lines.get(i).base()).multiply(BigInteger.valueOf(keptNum[i]));
            num = num.multiply(d).add(termNum.multiply(den));
            den = den.multiply(d);
            BigInteger g = num.gcd(den);
            if (g.signum() > 0 && !g.equals(BigInteger.ONE)) {
                num = num.divide(g);
                den = den.divide(g);
            }
        }
        return new BigInteger[] {num, den};
    }

    /**
     * What the coupon's discount on the kept part of a line is: halfUp(amount × k), at most what brings the kept
     * goods back to their price before the coupon, ⌊base × k⌋, from what the customer paid for them (and what the
     * order's other coupons already kept back on the line).
     */
    private static long due(Line l, long keptNum, long keptDen) {
        if (l.amount() == 0 || keptNum == 0) {
            return 0;
        }
        BigInteger k = BigInteger.valueOf(keptNum);
        BigInteger d = BigInteger.valueOf(keptDen);
        // halfUp(amount × k) = ⌊(2 × amount × num + den) / (2 × den)⌋
        long share = BigInteger.valueOf(l.amount()).multiply(k).multiply(BigInteger.TWO).add(d).divide(d.multiply(BigInteger.TWO))
            .longValueExact();
        long keptPaid = l.payable() > 0 ? keptNum : 0; // by money: the kept share's numerator is what was paid for it
        long keptAtBase = BigInteger.valueOf(l.base()).multiply(k).divide(d).longValueExact();
        long room = keptAtBase - keptPaid - (l.clawed() - l.own());
        return Math.max(0, Math.min(share, room));
    }

    /** The first claw-back: what is due, kept back from this refund on the coupon's lines. */
    private static Decision clawBack(Settings settings, boolean returned, List<Line> lines, long[] due, long claw, long keptBase,
                                     long minSpend) {
        int n = lines.size();
        long[] adjustment = new long[n];
        long[] back = new long[n];
        long backTotal = 0;
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            back[i] = l.amount() > 0 ? l.back() : 0; // only lines the coupon took money off carry its claw-back
            backTotal += back[i];
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
        return new Decision(Action.CLAWED_BACK, adjustment, shortfall, settings.returnOnClawBack() && !returned, note);
    }

    /**
     * Gives back {@code amount} of what the coupon kept: on each line first what it kept there beyond what is due
     * now, then the rest on the coupon's lines with room; never more than a line has left. Answers what it gave.
     */
    private static long giveBack(List<Line> lines, long[] due, long amount, long[] adjustment) {
        int n = lines.size();
        long given = 0;
        long[] spare = new long[n];
        long spareTotal = 0;
        for (int i = 0; i < n; i++) {
            Line l = lines.get(i);
            long room = Math.max(0, l.payable() - l.refundedBefore() - l.back());
            long put = Math.min(Math.min(Math.max(0, l.own() - due[i]), room), amount - given);
            adjustment[i] = put;
            given += put;
            spare[i] = l.amount() > 0 ? room - put : 0;
            spareTotal += spare[i];
        }
        long extra = Math.min(amount - given, spareTotal);
        if (extra > 0) {
            long[] more = Allocation.spread(extra, spare);
            for (int i = 0; i < n; i++) {
                adjustment[i] += more[i];
            }
            given += extra;
        }
        return given;
    }

    /** Fen as yuan with two decimals, e.g. 1091 → "10.91". */
    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
