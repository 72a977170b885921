package io.tessera.reporting.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;

/**
 * One line of the payment-method report (支付方式报表): a method's sale orders paid in the days, its refunds made in
 * the days (a refund counts on the day it is made, whatever day the sale was), what it received net, its channel
 * fee and what the channel settles. Member stored value and cash have no fee: {@code feeApplies} is false and fee
 * and settlement are absent ("n/a"). The totals line has no method; its fee and settlement add up only the methods
 * that have them.
 */
public class PaymentMethodRow {
    /** Absent on the totals line. */
    public PaymentMethod method;
    /** Sale orders paid (the totals line counts an order paid by two methods once). */
    public long orders;
    /** What refunds gave back, negative or zero. */
    public Money refundAmount;
    /** Refunds made (the totals line counts a refund through two methods once). */
    public long refunds;
    /** 实收: paid − refunded; negative when refunds outweigh sales (e.g. a cash refund of an earlier day's sale). */
    public Money netReceived;
    public boolean feeApplies;
    /** The channel's fee net of fees returned by refunds; absent when {@code feeApplies} is false. */
    public Money fee;
    /** netReceived − fee; absent when {@code feeApplies} is false. */
    public Money settlement;
}
