package io.tessera.wallets.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.wallets.api.SplitPolicy;
import io.tessera.wallets.internal.Splits.Parts;
import java.util.Random;
import org.junit.Test;

public class SplitsTest {

    @Test
    public void proportionalFollowsTheBalances() {
        // 100.00 principal + 20.00 bonus; pay 60.00 -> 50.00 + 10.00
        assertEquals(new Parts(5000, 1000), Splits.payment(6000, 10000, 2000, SplitPolicy.PROPORTIONAL));
    }

    @Test
    public void proportionalRoundsToTheFenWithoutLosingOne() {
        // 1/3 of the balance is bonus: 0.10 splits 0.07 + 0.03 (0.0333 rounds to 0.03), total stays 0.10
        Parts p = Splits.payment(10, 200, 100, SplitPolicy.PROPORTIONAL);
        assertEquals(10, p.totalFen());
        assertEquals(3, p.bonusFen());
    }

    @Test
    public void principalFirstAndBonusFirst() {
        assertEquals(new Parts(10000, 500), Splits.payment(10500, 10000, 2000, SplitPolicy.PRINCIPAL_FIRST));
        assertEquals(new Parts(3000, 0), Splits.payment(3000, 10000, 2000, SplitPolicy.PRINCIPAL_FIRST));
        assertEquals(new Parts(1000, 2000), Splits.payment(3000, 10000, 2000, SplitPolicy.BONUS_FIRST));
        assertEquals(new Parts(0, 1500), Splits.payment(1500, 10000, 2000, SplitPolicy.BONUS_FIRST));
    }

    @Test
    public void theWholeBalanceCanBeSpent() {
        for (SplitPolicy policy : SplitPolicy.values()) {
            assertEquals(new Parts(333, 667), Splits.payment(1000, 333, 667, policy));
        }
    }

    @Test
    public void neverMoreThanTheBalance() {
        assertThrows(IllegalArgumentException.class, () -> Splits.payment(1001, 333, 667, SplitPolicy.PROPORTIONAL));
    }

    @Test
    public void randomPaymentsNeverLoseACentOrOverdrawASide() {
        Random r = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long principal = r.nextInt(1_000_000);
            long bonus = r.nextInt(300_000);
            if (principal + bonus == 0) {
                continue;
            }
            long amount = 1 + (long) (r.nextDouble() * (principal + bonus - 1));
            for (SplitPolicy policy : SplitPolicy.values()) {
                Parts p = Splits.payment(amount, principal, bonus, policy);
                assertEquals(amount, p.totalFen());
                assertTrue(p.principalFen() >= 0 && p.principalFen() <= principal);
                assertTrue(p.bonusFen() >= 0 && p.bonusFen() <= bonus);
            }
        }
    }

    @Test
    public void refundsReturnThePaymentsSplitExactly() {
        Parts paid = new Parts(6667, 3333); // 100.00 paid as 66.67 + 33.33
        Parts first = Splits.refund(1000, paid, new Parts(0, 0));
        assertEquals(1000, first.totalFen());
        assertEquals(333, first.bonusFen());
        Parts second = Splits.refund(4000, paid, first);
        Parts soFar = new Parts(first.principalFen() + second.principalFen(), first.bonusFen() + second.bonusFen());
        Parts last = Splits.refund(5000, paid, soFar);
        assertEquals(6667, soFar.principalFen() + last.principalFen());
        assertEquals(3333, soFar.bonusFen() + last.bonusFen());
    }

    @Test
    public void refundsNeverExceedThePayment() {
        Parts paid = new Parts(500, 500);
        assertThrows(IllegalArgumentException.class, () -> Splits.refund(1001, paid, new Parts(0, 0)));
        assertThrows(IllegalArgumentException.class, () -> Splits.refund(1, paid, paid));
        assertThrows(IllegalArgumentException.class, () -> Splits.refund(0, paid, new Parts(0, 0)));
    }

    @Test
    public void randomRefundSequencesAddUpToThePayment() {
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Parts paid = new Parts(r.nextInt(100_000), r.nextInt(50_000));
            if (paid.totalFen() == 0) {
                continue;
            }
            Parts done = new Parts(0, 0);
            while (done.totalFen() < paid.totalFen()) {
                long left = paid.totalFen() - done.totalFen();
                long amount = 1 + (long) (r.nextDouble() * (left - 1));
                Parts part = Splits.refund(amount, paid, done);
                assertEquals(amount, part.totalFen());
                done = new Parts(done.principalFen() + part.principalFen(), done.bonusFen() + part.bonusFen());
                assertTrue(done.principalFen() <= paid.principalFen() && done.bonusFen() <= paid.bonusFen());
            }
            assertEquals(paid, done);
        }
    }
}
