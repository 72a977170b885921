package io.tessera.reporting.internal.rules;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.reporting.api.PaymentMethodRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The payment-method report's formulas: net received = paid − refunded, the refund amount shown negative, fee and
 * settlement (= net received − fee) only for the methods a channel charges (WeChat, Alipay, POS card), and a totals
 * line whose fee and settlement add up those methods only.
 */
public final class MethodLines {

    /** The report's lines, in this order, always all of them. */
    public static final List<PaymentMethod> ORDER = List.of(PaymentMethod.WECHAT, PaymentMethod.ALIPAY, PaymentMethod.POS_CARD,
            PaymentMethod.MEMBER, PaymentMethod.CASH);

    /** What the sums hold for a method (or for ALL: each order and refund once). */
    public record Totals(long orders, BigDecimal paid, long refunds, BigDecimal refunded, BigDecimal fee) {
        public static final Totals NONE = new Totals(0, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private MethodLines() {
    }

    public static boolean feeApplies(PaymentMethod method) {
        return method == PaymentMethod.WECHAT || method == PaymentMethod.ALIPAY || method == PaymentMethod.POS_CARD;
    }

    public static PaymentMethodRow line(PaymentMethod method, Totals t) {
        PaymentMethodRow r = new PaymentMethodRow();
        r.method = method;
        r.orders = t.orders();
        r.refunds = t.refunds();
        r.refundAmount = Money.of(t.refunded()).negate();
        r.netReceived = Money.of(t.paid()).minus(Money.of(t.refunded()));
        r.feeApplies = feeApplies(method);
        if (r.feeApplies) {
            r.fee = Money.of(t.fee());
            r.settlement = r.netReceived.minus(r.fee);
        }
        return r;
    }

    public static List<PaymentMethodRow> lines(Map<PaymentMethod, Totals> byMethod) {
        List<PaymentMethodRow> rows = new ArrayList<>();
        for (PaymentMethod m : ORDER) {
            rows.add(line(m, byMethod.getOrDefault(m, Totals.NONE)));
        }
        return rows;
    }

    /** The totals line: orders and refunds each once ({@code all}), amounts the lines' sums, fee and settlement of the lines that have them. */
    public static PaymentMethodRow total(List<PaymentMethodRow> rows, Totals all) {
        PaymentMethodRow t = new PaymentMethodRow();
        t.orders = all.orders();
        t.refunds = all.refunds();
        t.refundAmount = Money.ZERO;
        t.netReceived = Money.ZERO;
        t.feeApplies = true;
        t.fee = Money.ZERO;
        t.settlement = Money.ZERO;
        for (PaymentMethodRow r : rows) {
            t.refundAmount = t.refundAmount.plus(r.refundAmount);
            t.netReceived = t.netReceived.plus(r.netReceived);
            if (r.feeApplies) {
                t.fee = t.fee.plus(r.fee);
                t.settlement = t.settlement.plus(r.settlement);
            }
        }
        return t;
    }
}
