package io.tessera.reporting.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;

/**
 * One method of a cashier's reconciliation: what Tessera expects in the till (paid − refunded, by orders and by counter
 * stored-value movements), what was counted, and the difference (counted − expected: positive LONG 长款, negative
 * SHORT 短款, EVEN, or NOT_COUNTED).
 */
public class CashierLine {
    public PaymentMethod method;
    public long orders;
    public long refunds;
    public Money expected;
    public Money counted;
    public Money difference;
    /** LONG, SHORT, EVEN or NOT_COUNTED. */
    public String result;
}
