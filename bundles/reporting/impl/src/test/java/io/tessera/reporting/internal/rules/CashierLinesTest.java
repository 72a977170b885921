package io.tessera.reporting.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.reporting.api.CashierLine;
import io.tessera.reporting.api.CashierReconciliation;
import java.util.Map;
import org.junit.Test;

public class CashierLinesTest {

    private static CashierLines.Expected e(String amount) {
        return new CashierLines.Expected(1, 0, Money.parse(amount));
    }

    @Test
    public void longShortEvenAndNotCounted() {
        assertEquals("LONG", CashierLines.line(PaymentMethod.CASH, e("40.00"), Money.parse("40.50")).result);
        CashierLine shortLine = CashierLines.line(PaymentMethod.CASH, e("40.00"), Money.parse("39.50"));
        assertEquals("SHORT", shortLine.result);
        assertEquals(Money.parse("-0.50"), shortLine.difference);
        assertEquals("EVEN", CashierLines.line(PaymentMethod.WECHAT, e("30.00"), Money.parse("30.00")).result);
        CashierLine none = CashierLines.line(PaymentMethod.MEMBER, e("20.00"), null);
        assertEquals("NOT_COUNTED", none.result);
        assertNull(none.difference);
    }

    @Test
    public void theTotalDifferenceIsTheCountedMethodsAndThePosTotalAddsTheDiscount() {
        CashierReconciliation r = new CashierReconciliation();
        CashierLines.fill(r, Map.of(PaymentMethod.CASH, e("40.00"), PaymentMethod.WECHAT, e("30.00"), PaymentMethod.ALIPAY, e("12.00"),
                PaymentMethod.MEMBER, e("20.00")), Map.of(PaymentMethod.CASH, Money.parse("39.00"), PaymentMethod.WECHAT, Money.parse("30.00")),
                Money.parse("5.50"));
        assertEquals(5, r.lines.size());
        assertEquals(Money.parse("102.00"), r.expected);
        assertEquals(Money.parse("69.00"), r.counted);
        assertEquals(Money.parse("-1.00"), r.difference);
        assertEquals(Money.parse("42.00"), r.mobileNetReceived);
        assertEquals(Money.parse("47.50"), r.posMobileTotal);
        CashierReconciliation uncounted = new CashierReconciliation();
        CashierLines.fill(uncounted, Map.of(), Map.of(), Money.ZERO);
        assertNull(uncounted.counted);
        assertNull(uncounted.difference);
    }
}
