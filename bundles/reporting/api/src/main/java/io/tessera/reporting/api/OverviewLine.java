package io.tessera.reporting.api;

import io.tessera.platform.api.Money;

/**
 * 概览数据 of one period (or of the whole range): members, sales, stored value, coupons and points, as the back office's
 * overview shows them.
 */
public class OverviewLine {
    /** The day (yyyy-MM-dd) or month (yyyy-MM); absent on the total. */
    public String period;
    /** Members registered up to the period's end (会员总数; the total: up to the range's last day). */
    public long members;
    /** Members registered in it (新增会员). */
    public long newMembers;
    /** Sale orders paid in it. */
    public long sales;
    /** What they received, less the refunds made in it (实收, as the payment-method report's total). */
    public Money salesAmount;
    /** Stored-value recharges (without reversals) and their amount (paid + bonus). */
    public long recharges;
    public Money rechargeAmount;
    /** Stored-value consumption: the payments from members' stored value (principal + bonus), as a positive amount. */
    public long consumptions;
    public Money consumptionAmount;
    /** Coupons issued (claimed, sent, exchanged, given by activities), coupons used on paid orders, and what they took off. */
    public long couponsClaimed;
    public long couponsRedeemed;
    public Money couponDiscount;
    /** Points issued (orders, activities, grants) and spent (checkout, the points mall). */
    public long pointsIssued;
    public long pointsSpent;
}
