package io.tessera.reporting.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.reporting.api.PaymentMethodRow;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class MethodLinesTest {

    private static MethodLines.Totals t(long orders, String paid, long refunds, String refunded, String fee) {
        return new MethodLines.Totals(orders, new BigDecimal(paid), refunds, new BigDecimal(refunded), new BigDecimal(fee));
    }

    @Test
    public void settlementIsNetLessFeeAndRefundsShowNegative() {
        PaymentMethodRow r = MethodLines.line(PaymentMethod.WECHAT, t(12, "1200.00", 2, "100.50", "7.20"));
        assertEquals(12, r.orders);
        assertEquals(2, r.refunds);
        assertEquals(Money.parse("-100.50"), r.refundAmount);
        assertEquals(Money.parse("1099.50"), r.netReceived);
        assertTrue(r.feeApplies);
        assertEquals(Money.parse("7.20"), r.fee);
        assertEquals(Money.parse("1092.30"), r.settlement);
    }

    @Test
    public void memberAndCashHaveNoFeeAndCashMayBeNegative() {
        PaymentMethodRow member = MethodLines.line(PaymentMethod.MEMBER, t(3, "300.00", 0, "0", "0"));
        assertFalse(member.feeApplies);
        assertNull(member.fee);
        assertNull(member.settlement);
        PaymentMethodRow cash = MethodLines.line(PaymentMethod.CASH, t(0, "0", 1, "58.00", "0"));
        assertEquals(Money.parse("-58.00"), cash.netReceived);
        assertNull(cash.settlement);
    }

    @Test
    public void everyMethodHasALineInOrder() {
        List<PaymentMethodRow> rows = MethodLines.lines(Map.of());
        assertEquals(List.of(PaymentMethod.WECHAT, PaymentMethod.ALIPAY, PaymentMethod.POS_CARD, PaymentMethod.MEMBER, PaymentMethod.CASH),
                rows.stream().map(r -> r.method).toList());
        assertEquals(Money.ZERO, rows.get(0).settlement);
    }

    @Test
    public void totalsAddFeeAndSettlementOfTheMethodsThatHaveThem() {
        Map<PaymentMethod, MethodLines.Totals> m = new EnumMap<>(PaymentMethod.class);
        m.put(PaymentMethod.WECHAT, t(10, "1000.00", 1, "20.00", "5.88"));
        m.put(PaymentMethod.ALIPAY, t(5, "500.00", 0, "0", "3.00"));
        m.put(PaymentMethod.POS_CARD, t(2, "200.00", 0, "0", "1.20"));
        m.put(PaymentMethod.MEMBER, t(4, "400.00", 1, "50.00", "0"));
        m.put(PaymentMethod.CASH, t(3, "90.00", 1, "120.00", "0"));
        List<PaymentMethodRow> rows = MethodLines.lines(m);
        // one order paid by member and WeChat counts once in the totals
        PaymentMethodRow total = MethodLines.total(rows, t(23, "2190.00", 3, "190.00", "10.08"));
        assertEquals(23, total.orders);
        assertEquals(3, total.refunds);
        assertEquals(Money.parse("-190.00"), total.refundAmount);
        assertEquals(Money.parse("2000.00"), total.netReceived);
        assertEquals(Money.parse("10.08"), total.fee);
        // settlement: (980.00 − 5.88) + (500.00 − 3.00) + (200.00 − 1.20), member and cash left out
        assertEquals(Money.parse("1669.92"), total.settlement);
    }
}
