package io.tessera.reporting.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;

/**
 * Stored-value recharges of a period or a method: recharge amount = paid amount + bonus amount; card fees apart
 * (they are paid, but not stored value); reversals (撤销) as their own count and negative amount.
 */
public class RechargeFigures {
    /** A period line: the day (yyyy-MM-dd) or the month (yyyy-MM); absent elsewhere. */
    public String period;
    /** A method line: how the recharges were paid; absent elsewhere. */
    public PaymentMethod method;
    public long recharges;
    /** What members paid into stored value (principal). */
    public Money paidAmount;
    /** What the recharges gave on top (package or promotion bonus). */
    public Money bonusAmount;
    /** paidAmount + bonusAmount. */
    public Money rechargeAmount;
    public Money cardFees;
    public long reversals;
    /** What reversals took back (principal and bonus), negative or zero. */
    public Money reversedAmount;
}
