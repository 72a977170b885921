package io.tessera.reporting.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import io.tessera.platform.api.Money;
import io.tessera.reporting.api.RechargeFigures;
import java.math.BigDecimal;
import org.junit.Test;

public class RechargeLinesTest {

    @Test
    public void rechargeAmountIsPaidPlusBonus() {
        RechargeFigures f = RechargeLines.empty();
        // the chain's example: 3315.43 = 7.33 + 3308.10 over 71 recharges
        RechargeLines.add(f, "RECHARGE", 70, new BigDecimal("7.33"), new BigDecimal("3000.00"), null);
        RechargeLines.add(f, "RECHARGE", 1, BigDecimal.ZERO, new BigDecimal("308.10"), new BigDecimal("10.00"));
        assertEquals(71, f.recharges);
        assertEquals(Money.parse("7.33"), f.paidAmount);
        assertEquals(Money.parse("3308.10"), f.bonusAmount);
        assertEquals(Money.parse("3315.43"), f.rechargeAmount);
        assertEquals(Money.parse("10.00"), f.cardFees);
    }

    @Test
    public void reversalsCountApartAndNegative() {
        RechargeFigures f = RechargeLines.empty();
        RechargeLines.add(f, "RECHARGE", 1, new BigDecimal("500.00"), new BigDecimal("50.00"), null);
        RechargeLines.add(f, "REVERSAL", 1, new BigDecimal("-500.00"), new BigDecimal("-50.00"), null);
        assertEquals(1, f.recharges);
        assertEquals(1, f.reversals);
        assertEquals(Money.parse("550.00"), f.rechargeAmount);
        assertEquals(Money.parse("-550.00"), f.reversedAmount);
        assertFalse(RechargeLines.add(f, "CONSUME", 1, new BigDecimal("-10.00"), BigDecimal.ZERO, null));
        assertEquals(Money.parse("550.00"), f.rechargeAmount);
    }
}
