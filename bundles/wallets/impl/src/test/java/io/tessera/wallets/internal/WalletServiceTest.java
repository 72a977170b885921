package io.tessera.wallets.internal;

import static org.junit.Assert.assertEquals;
import static io.tessera.testing.Refusals.assertRefused;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.Hold;
import io.tessera.wallets.api.HoldRequest;
import io.tessera.wallets.api.OperationResult;
import io.tessera.wallets.api.Requests;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Test;

/** The wallets' use cases (what REST, SOAP and the console call) on a real database. */
public class WalletServiceTest {

    private final WalletsOnDerby wallets = new WalletsOnDerby();

    @After
    public void close() {
        wallets.close();
    }


    private OperationResult pay(long member, String amount, String key) {
        Requests.Pay p = new Requests.Pay();
        p.memberId = member;
        p.storeId = WalletsOnDerby.STORE;
        p.amount = Money.parse(amount);
        p.orderNo = "POS-" + amount;
        return wallets.service.pay(p, key);
    }

    @Test
    public void memberPayTakesTheLevelDiscountRoundedToTheFen() throws Exception {
        wallets.recharge(901, "100.00");
        OperationResult paid = pay(901, "33.33", UUID.randomUUID().toString());
        // 33.33 x 0.88 = 29.3304
        assertEquals(Money.parse("29.33"), paid.payable);
        assertEquals(new BigDecimal("0.88"), paid.discountRate);
        assertEquals(Money.parse("33.33"), paid.entry.originalAmount);
        assertEquals(Money.parse("-29.33"), paid.entry.principalDelta);
        assertEquals(Money.parse("70.67"), paid.account.total);
        assertEquals(List.of(), wallets.unbalanced());
    }

    /**
     * Payments of different amounts run the same compiled statements: the store-day ledger's increment is bound, not
     * written with each amount in its text (Derby would compile it anew for every amount, as it did for EclipseLink's
     * JPQL {@code l.principalOut = l.principalOut + :pout}).
     */
    @Test
    public void paymentsOfDifferentAmountsReuseTheLedgersCompiledStatement() throws Exception {
        wallets.recharge(1, "500.00");
        for (String amount : List.of("1.01", "2.02", "3.03", "4.04", "5.05")) {
            pay(1, amount, UUID.randomUUID().toString());
        }
        assertEquals(1, wallets.db.compiledStatements("UPDATE WAL_LEDGER_DAY_SLOT").size());
        assertEquals(List.of(), wallets.unbalanced());
    }

    @Test
    public void moneyCallsNeedAKeyAndRefuseStoredValueAsTheirTender() throws Exception {
        wallets.recharge(1, "10.00");
        assertRefused("IDEMPOTENCY_KEY_REQUIRED", () -> pay(1, "1.00", null));
        Requests.Recharge r = new Requests.Recharge();
        r.memberId = 1L;
        r.storeId = WalletsOnDerby.STORE;
        r.amount = Money.parse("5.00");
        r.method = PaymentMethod.MEMBER;
        assertRefused("PAYMENT_METHOD_NOT_ALLOWED", () -> wallets.service.recharge(r, UUID.randomUUID().toString()));
        assertEquals(1, wallets.count("SELECT COUNT(*) FROM WAL_JOURNAL"));
    }

    @Test
    public void aStoredValueRefundWaitsForOpenHoldsThenEmptiesAndClosesTheAccount() throws Exception {
        wallets.recharge(1, "50.00");
        HoldRequest h = new HoldRequest();
        h.memberId = 1L;
        h.storeId = WalletsOnDerby.STORE;
        h.amount = Money.parse("10.00");
        h.reference = "SPLIT-9";
        Hold hold = wallets.db.jpa().txExpr(TransactionType.Required, em -> wallets.participant.hold(h));
        Requests.StoredValueRefund r = new Requests.StoredValueRefund();
        r.memberId = 1L;
        r.storeId = WalletsOnDerby.STORE;
        r.method = PaymentMethod.CASH;
        r.reason = "销户";
        assertRefused("WALLET_HELD", () -> wallets.service.storedValueRefund(r, UUID.randomUUID().toString()));
        wallets.db.jpa().txExpr(TransactionType.Required, em -> wallets.participant.release(hold.id));
        OperationResult refunded = wallets.service.storedValueRefund(r, UUID.randomUUID().toString());
        assertEquals(EntryType.SV_REFUND, refunded.entry.type);
        assertEquals(Money.parse("-50.00"), refunded.entry.principalDelta);
        assertEquals(Account.Status.CLOSED, refunded.account.status);
        assertRefused("WALLET_EMPTY", () -> wallets.service.storedValueRefund(r, UUID.randomUUID().toString()));
        assertEquals(List.of(), wallets.unbalanced());
    }
}
