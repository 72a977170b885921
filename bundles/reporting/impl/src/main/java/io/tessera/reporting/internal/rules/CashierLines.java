package io.tessera.reporting.internal.rules;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.reporting.api.CashierLine;
import io.tessera.reporting.api.CashierReconciliation;
import java.util.Map;

/**
 * The cashier reconciliation's arithmetic: per method the difference = counted − expected (LONG 长款 when positive,
 * SHORT 短款 when negative, EVEN at zero, NOT_COUNTED when nothing was counted for the method); the total expected is
 * every method's, the total difference only the counted methods' (stored value paid by members is not in a drawer);
 * the POS's mobile-payment total = WeChat Pay + Alipay net received + the discounts Tessera gave.
 */
public final class CashierLines {

    /** What Tessera has for a method: payments, refunds, and paid − refunded. */
    public record Expected(long orders, long refunds, Money amount) {
        public static final Expected NONE = new Expected(0, 0, Money.ZERO);
    }

    private CashierLines() {
    }

    public static CashierLine line(PaymentMethod method, Expected e, Money counted) {
        CashierLine l = new CashierLine();
        l.method = method;
        l.orders = e.orders();
        l.refunds = e.refunds();
        l.expected = e.amount();
        l.counted = counted;
        if (counted == null) {
            l.result = "NOT_COUNTED";
        } else {
            l.difference = counted.minus(e.amount());
            l.result = l.difference.isZero() ? "EVEN" : l.difference.isPositive() ? "LONG" : "SHORT";
        }
        return l;
    }

    /** Every method's line (in the payment-method report's order), the totals and the POS check. */
    public static void fill(CashierReconciliation r, Map<PaymentMethod, Expected> expected, Map<PaymentMethod, Money> counted, Money discount) {
        r.expected = Money.ZERO;
        r.mobileNetReceived = Money.ZERO;
        Money countedTotal = null;
        Money difference = null;
        for (PaymentMethod m : MethodLines.ORDER) {
            CashierLine l = line(m, expected.getOrDefault(m, Expected.NONE), counted.get(m));
            r.lines.add(l);
            r.expected = r.expected.plus(l.expected);
            if (l.counted != null) {
                countedTotal = (countedTotal == null ? Money.ZERO : countedTotal).plus(l.counted);
                difference = (difference == null ? Money.ZERO : difference).plus(l.difference);
            }
            if (m == PaymentMethod.WECHAT || m == PaymentMethod.ALIPAY) {
                r.mobileNetReceived = r.mobileNetReceived.plus(l.expected);
            }
        }
        r.counted = countedTotal;
        r.difference = difference;
        r.discount = discount;
        r.posMobileTotal = r.mobileNetReceived.plus(discount);
    }
}
