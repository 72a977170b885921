package io.tessera.coupons.internal.rules;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.SingleItemMode;
import io.tessera.payments.api.spi.Allocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prices an order's coupons on its lines as they cost before coupons (after the member level discount),
 * in whole fen (pure: no database). The order of application: exchange, single-item, threshold, cash,
 * discount (coupons of one kind in the order the customer gave them). Each coupon works on what the lines
 * still cost after the coupons before it, never takes a line below zero, and says what it took off each
 * line, so checkout applies exactly that split (it is also what a refund of some lines looks at):
 * <ul>
 *   <li>EXCHANGE: up to maxUnits units of the listed items free, the dearest unit first;</li>
 *   <li>SINGLE_ITEM: per unit of the listed items, up to maxUnits, the dearest first: the amount off
 *       (at most the unit's price), or down to the fixed price;</li>
 *   <li>THRESHOLD and CASH: the amount off the applicable lines (at most what they cost), spread over them
 *       in proportion to what each costs (largest remainder); THRESHOLD needs the minimum spend;</li>
 *   <li>DISCOUNT: the applicable lines' cost minus that cost × rate rounded half up (the level discount's
 *       rounding), at most the cap, spread the same way.</li>
 * </ul>
 * Any kind with a minimum spend is refused below it, measured on the applicable lines as they cost just
 * before the coupon. A unit is "taken" once per order by exchange or single-item coupons.
 */
public final class CouponPricing {

    private CouponPricing() {
    }

    /** An order line as coupons price it: what it still costs before coupons. */
    public record Line(String sku, long quantity, long payable) {
    }

    /**
     * One coupon as priced.
     *
     * @param perLine what it takes off each line
     * @param base    what each line cost just before this coupon (0 for lines it does not apply to)
     * @param units   units of each line it covers (exchange, single-item)
     */
    public record Applied(Terms coupon, long amount, long[] perLine, long[] base, long[] units) {
        public long baseTotal() {
            long s = 0;
            for (long b : base) {
                s += b;
            }
            return s;
        }
    }

    /**
     * @param lines        the order's lines before coupons
     * @param levelApplied whether the member level discount was applied to them
     * @param coupons      the coupons in the order the customer gave them (each once)
     * @return one per coupon, in the order applied
     * @throws io.tessera.platform.api.TesseraException a refusal of CouponErrors at field "discounts"
     */
    public static List<Applied> price(List<Line> lines, boolean levelApplied, List<Terms> coupons) {
        stacking(levelApplied, coupons);
        int n = lines.size();
        long[] left = new long[n];
        long[] freeUnits = new long[n];
        for (int i = 0; i < n; i++) {
            left[i] = lines.get(i).payable();
            freeUnits[i] = lines.get(i).quantity();
        }
        List<Terms> ordered = new ArrayList<>(coupons);
        ordered.sort(Comparator.comparingInt(t -> t.kind().ordinal())); // stable: the customer's order within a kind
        List<Applied> applied = new ArrayList<>();
        for (Terms t : ordered) {
            long[] base = new long[n];
            boolean inScope = false;
            for (int i = 0; i < n; i++) {
                if (t.appliesTo(lines.get(i).sku())) {
                    inScope = true;
                    base[i] = left[i];
                }
            }
            if (!inScope) {
                throw CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE.at("discounts", "coupon " + t.couponNo() + ": no item of the order is one it applies to");
            }
            long baseTotal = sum(base);
            if (t.minSpend() > 0 && baseTotal < t.minSpend()) {
                throw CouponErrors.COUPON_BELOW_MINIMUM_SPEND.at("discounts", "coupon " + t.couponNo() + " needs " + yuan(t.minSpend())
                        + " of the items it applies to; they come to " + yuan(baseTotal) + " (short by " + yuan(t.minSpend() - baseTotal) + ")");
            }
            long[] units = new long[n];
            long[] perLine = switch (t.kind()) {
                case EXCHANGE, SINGLE_ITEM -> perUnit(t, lines, left, freeUnits, base, units);
                case THRESHOLD, CASH -> spread(Math.min(t.value(), baseTotal), base);
                case DISCOUNT -> spread(discount(t, baseTotal), base);
            };
            long amount = 0;
            for (int i = 0; i < n; i++) {
                left[i] -= perLine[i];
                freeUnits[i] -= units[i];
                amount += perLine[i];
            }
            if (amount == 0) {
                throw CouponErrors.COUPON_NOT_APPLICABLE.at("discounts", "coupon " + t.couponNo() + " would take nothing off this order");
            }
            applied.add(new Applied(t, amount, perLine, base, units));
        }
        return applied;
    }

    /** Two coupons share an order only if each allows the other's kind; a coupon that does not stack with the level discount refuses it. */
    private static void stacking(boolean levelApplied, List<Terms> coupons) {
        for (Terms t : coupons) {
            if (levelApplied && !t.stackWithLevel()) {
                throw CouponErrors.COUPON_STACKING_NOT_ALLOWED.at("discounts", "coupon " + t.couponNo()
                        + " is not used with the member level discount (price the order with levelDiscount false)");
            }
            for (Terms other : coupons) {
                if (other != t && !t.stackKinds().contains(other.kind())) {
                    throw CouponErrors.COUPON_STACKING_NOT_ALLOWED.at("discounts", "coupon " + t.couponNo() + " is not used with a "
                            + other.kind() + " coupon (" + other.couponNo() + ")");
                }
            }
        }
    }

    /** Exchange and single-item coupons: unit by unit over the listed lines, the dearest unit first. */
    private static long[] perUnit(Terms t, List<Line> lines, long[] left, long[] freeUnits, long[] base, long[] units) {
        int n = lines.size();
        long[] perLine = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> freeUnits[i] == 0 ? -1 : unitCost(left[i], freeUnits[i]))
                .reversed().thenComparingInt(i -> i));
        long budget = Math.max(1, t.maxUnits());
        for (int i : order) {
            if (budget == 0) {
                break;
            }
            if (left[i] == 0 || freeUnits[i] == 0 || !t.appliesTo(lines.get(i).sku())) {
                continue;
            }
            long k = Math.min(budget, freeUnits[i]);
            // a line's units cost the same: k of them are worth k × one, or all the line has left when they are its last
            long worth = k == freeUnits[i] ? left[i] : Math.multiplyExact(k, unitCost(left[i], freeUnits[i]));
            long off;
            if (t.kind() == CouponKind.EXCHANGE) {
                off = worth;
            } else if (t.singleMode() == SingleItemMode.FIXED_PRICE) {
                off = Math.max(0, worth - Math.multiplyExact(k, t.value()));
            } else {
                off = Math.min(worth, Math.multiplyExact(k, t.value()));
            }
            if (off == 0) {
                continue; // no unit of this line is worth the coupon (at or below the fixed price): it stays free for others
            }
            perLine[i] = off;
            units[i] = k;
            budget -= k;
        }
        return perLine;
    }

    /** What one of the line's units not yet taken still costs, rounded down (the last unit carries the remainder). */
    private static long unitCost(long left, long freeUnits) {
        return left / freeUnits;
    }

    private static long discount(Terms t, long baseTotal) {
        long pay = BigDecimal.valueOf(baseTotal).multiply(t.rate()).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long off = Math.max(0, baseTotal - pay);
        return t.cap() == null ? off : Math.min(off, t.cap());
    }

    private static long[] spread(long amount, long[] weights) {
        return amount == 0 ? new long[weights.length] : Allocation.spread(amount, weights);
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
