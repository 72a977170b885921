package io.tessera.reporting.api;

import io.tessera.platform.api.Money;

/**
 * 优惠券统计 of one period (or of the whole range): coupons issued (claimed, sent, exchanged, given; in the store they
 * were claimed in), used on paid orders and what they took off (in the redeeming store), and those refunds gave back
 * with the discount they had taken (on the refund's day). The same figures as the coupons domain's monthly statistics.
 */
public class CouponLine {
    /** The day (yyyy-MM-dd) or month (yyyy-MM); absent on the total. */
    public String period;
    public long claimed;
    public long redeemed;
    public Money discount;
    public long returned;
    public Money returnedDiscount;
}
