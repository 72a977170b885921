package io.tessera.wallets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.tessera.platform.api.TesseraException;
import org.junit.Test;

public class ReversalRuleTest {

    @Test
    public void anUntouchedRechargeIsReversible() {
        ReversalRule.check(false, 10000, 2000, 10000, 2000);
        ReversalRule.check(false, 10000, 2000, 25000, 2000); // other recharges on top do not matter
    }

    @Test
    public void spendingAnyPartOfItBlocksTheReversal() {
        TesseraException principal = assertThrows(TesseraException.class, () -> ReversalRule.check(false, 10000, 2000, 9999, 2000));
        assertEquals("RECHARGE_ALREADY_SPENT", principal.getCode());
        assertEquals(422, principal.getStatus());
        TesseraException bonus = assertThrows(TesseraException.class, () -> ReversalRule.check(false, 10000, 2000, 10000, 1999));
        assertEquals("RECHARGE_ALREADY_SPENT", bonus.getCode());
    }

    @Test
    public void neverTwice() {
        TesseraException twice = assertThrows(TesseraException.class, () -> ReversalRule.check(true, 100, 0, 100, 0));
        assertEquals("RECHARGE_ALREADY_REVERSED", twice.getCode());
        assertEquals(409, twice.getStatus());
    }
}
