package io.tessera.reporting.internal.rules;

import io.tessera.platform.api.Money;
import io.tessera.reporting.api.CouponLine;
import io.tessera.reporting.api.OverviewLine;
import io.tessera.reporting.api.PointsLine;
import java.math.BigDecimal;

/**
 * The counts the read model keeps (RPT_METRIC_SUM) and how the reports read them: a points journal row type into the
 * points data's columns (as the points domain's own statistics do), coupons into the coupon statistics, and both with
 * members into the overview.
 */
public final class Metrics {

    public static final String MEMBER_NEW = "MEMBER_NEW";
    public static final String COUPON_CLAIMED = "COUPON_CLAIMED";
    public static final String COUPON_REDEEMED = "COUPON_REDEEMED";
    public static final String COUPON_RETURNED = "COUPON_RETURNED";
    public static final String POINTS = "POINTS_";

    private Metrics() {
    }

    /** The metric of a points journal row type. */
    public static String points(String entryType) {
        return POINTS + entryType;
    }

    /**
     * Adds {@code qty} points (signed as the journal moved them) of a metric to the line: EARN, ACTIVITY, GRANT are
     * issued; SPEND, EXCHANGE spent; RELEASE released; PUT_BACK put back; EXPIRE expired; TAKE_BACK taken back; ADJUST
     * adjusted (either way); ACTIVATE and SETTLE move nothing in or out. Net follows. False for a metric not of points.
     */
    public static boolean addPoints(PointsLine l, String metric, long qty) {
        if (!metric.startsWith(POINTS)) {
            return false;
        }
        switch (metric.substring(POINTS.length())) {
            case "EARN", "ACTIVITY", "GRANT" -> l.issued += qty;
            case "SPEND", "EXCHANGE" -> l.spent -= qty;
            case "RELEASE" -> l.released += qty;
            case "PUT_BACK" -> l.putBack += qty;
            case "EXPIRE" -> l.expired -= qty;
            case "TAKE_BACK" -> l.takenBack -= qty;
            case "ADJUST" -> l.adjusted += qty;
            default -> {
                return true;
            }
        }
        l.net = l.issued - l.spent + l.released + l.putBack - l.expired - l.takenBack + l.adjusted;
        return true;
    }

    public static PointsLine pointsLine(String period) {
        PointsLine l = new PointsLine();
        l.period = period;
        return l;
    }

    public static CouponLine couponLine(String period) {
        CouponLine l = new CouponLine();
        l.period = period;
        l.discount = Money.ZERO;
        l.returnedDiscount = Money.ZERO;
        return l;
    }

    /** Adds {@code entries} coupons of a metric (and the discount they took) to the line; false for another metric. */
    public static boolean addCoupons(CouponLine l, String metric, long entries, BigDecimal amount) {
        switch (metric) {
            case COUPON_CLAIMED -> l.claimed += entries;
            case COUPON_REDEEMED -> {
                l.redeemed += entries;
                l.discount = l.discount.plus(Money.of(amount));
            }
            case COUPON_RETURNED -> {
                l.returned += entries;
                l.returnedDiscount = l.returnedDiscount.plus(Money.of(amount));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    public static OverviewLine overviewLine(String period) {
        OverviewLine l = new OverviewLine();
        l.period = period;
        l.salesAmount = Money.ZERO;
        l.rechargeAmount = Money.ZERO;
        l.consumptionAmount = Money.ZERO;
        l.couponDiscount = Money.ZERO;
        return l;
    }

    /** Adds a count to the overview's line: new members, coupons claimed and redeemed, points issued and spent. */
    public static void addOverview(OverviewLine l, String metric, long entries, long qty, BigDecimal amount) {
        if (MEMBER_NEW.equals(metric)) {
            l.newMembers += entries;
            return;
        }
        CouponLine coupons = couponLine(null);
        if (addCoupons(coupons, metric, entries, amount)) {
            l.couponsClaimed += coupons.claimed;
            l.couponsRedeemed += coupons.redeemed;
            l.couponDiscount = l.couponDiscount.plus(coupons.discount);
            return;
        }
        PointsLine points = pointsLine(null);
        if (addPoints(points, metric, qty)) {
            l.pointsIssued += points.issued;
            l.pointsSpent += points.spent;
        }
    }

    /** Adds a period's line to the total (all but members, which the total counts up to the range's end). */
    public static void addOverview(OverviewLine total, OverviewLine l) {
        total.newMembers += l.newMembers;
        total.sales += l.sales;
        total.salesAmount = total.salesAmount.plus(l.salesAmount);
        total.recharges += l.recharges;
        total.rechargeAmount = total.rechargeAmount.plus(l.rechargeAmount);
        total.consumptions += l.consumptions;
        total.consumptionAmount = total.consumptionAmount.plus(l.consumptionAmount);
        total.couponsClaimed += l.couponsClaimed;
        total.couponsRedeemed += l.couponsRedeemed;
        total.couponDiscount = total.couponDiscount.plus(l.couponDiscount);
        total.pointsIssued += l.pointsIssued;
        total.pointsSpent += l.pointsSpent;
    }

    /** Adds sale orders paid and refunds made (the sums' ALL line) to the overview's line: sales amount = paid − refunded. */
    public static void addSales(OverviewLine l, long orders, BigDecimal paid, BigDecimal refunded) {
        l.sales += orders;
        l.salesAmount = l.salesAmount.plus(Money.of(paid)).minus(Money.of(refunded));
    }

    /** Adds stored-value journal rows to the overview's line: RECHARGE rows are recharges (paid + bonus), CONSUME rows consumption. */
    public static void addStoredValue(OverviewLine l, String type, long rows, BigDecimal principal, BigDecimal bonus) {
        Money amount = Money.of(principal).plus(Money.of(bonus));
        switch (type) {
            case "RECHARGE" -> {
                l.recharges += rows;
                l.rechargeAmount = l.rechargeAmount.plus(amount);
            }
            case "CONSUME" -> {
                l.consumptions += rows;
                l.consumptionAmount = l.consumptionAmount.minus(amount);
            }
            default -> {
                // other journal rows are neither
            }
        }
    }
}
