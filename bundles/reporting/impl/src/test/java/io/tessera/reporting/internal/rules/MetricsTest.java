package io.tessera.reporting.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.tessera.platform.api.Money;
import io.tessera.reporting.api.CouponLine;
import io.tessera.reporting.api.OverviewLine;
import io.tessera.reporting.api.PointsLine;
import java.math.BigDecimal;
import org.junit.Test;

public class MetricsTest {

    @Test
    public void eachPointsRowTypeGoesToItsColumnAndTheNetFollows() {
        PointsLine l = Metrics.pointsLine("2026-12");
        Metrics.addPoints(l, Metrics.points("EARN"), 100);
        Metrics.addPoints(l, Metrics.points("ACTIVITY"), 20);
        Metrics.addPoints(l, Metrics.points("GRANT"), 5);
        Metrics.addPoints(l, Metrics.points("SPEND"), -40);
        Metrics.addPoints(l, Metrics.points("EXCHANGE"), -10);
        Metrics.addPoints(l, Metrics.points("RELEASE"), 7);
        Metrics.addPoints(l, Metrics.points("PUT_BACK"), 3);
        Metrics.addPoints(l, Metrics.points("EXPIRE"), -11);
        Metrics.addPoints(l, Metrics.points("TAKE_BACK"), -13);
        Metrics.addPoints(l, Metrics.points("ADJUST"), -2);
        Metrics.addPoints(l, Metrics.points("ACTIVATE"), 99);
        Metrics.addPoints(l, Metrics.points("SETTLE"), 99);
        assertEquals(125, l.issued);
        assertEquals(50, l.spent);
        assertEquals(7, l.released);
        assertEquals(3, l.putBack);
        assertEquals(11, l.expired);
        assertEquals(13, l.takenBack);
        assertEquals(-2, l.adjusted);
        // issued − spent + released + putBack − expired − takenBack + adjusted: what the journal moved in all
        assertEquals(100 + 20 + 5 - 40 - 10 + 7 + 3 - 11 - 13 - 2, l.net);
        assertEquals(59, l.net);
        assertFalse(Metrics.addPoints(l, Metrics.COUPON_CLAIMED, 1));
    }

    @Test
    public void couponsCountClaimsRedemptionsAndReturnsWithTheirDiscount() {
        CouponLine l = Metrics.couponLine(null);
        assertTrue(Metrics.addCoupons(l, Metrics.COUPON_CLAIMED, 3, BigDecimal.ZERO));
        Metrics.addCoupons(l, Metrics.COUPON_REDEEMED, 2, new BigDecimal("15.50"));
        Metrics.addCoupons(l, Metrics.COUPON_RETURNED, 1, new BigDecimal("5.50"));
        assertFalse(Metrics.addCoupons(l, Metrics.MEMBER_NEW, 1, BigDecimal.ZERO));
        assertEquals(3, l.claimed);
        assertEquals(2, l.redeemed);
        assertEquals(Money.parse("15.50"), l.discount);
        assertEquals(1, l.returned);
        assertEquals(Money.parse("5.50"), l.returnedDiscount);
    }

    @Test
    public void theOverviewTakesSalesNetOfRefundsRechargesPaidPlusBonusAndConsumptionPositive() {
        OverviewLine l = Metrics.overviewLine("2026-12-04");
        Metrics.addSales(l, 3, new BigDecimal("300.00"), new BigDecimal("20.01"));
        Metrics.addStoredValue(l, "RECHARGE", 2, new BigDecimal("1000.00"), new BigDecimal("100.00"));
        Metrics.addStoredValue(l, "CONSUME", 4, new BigDecimal("-80.00"), new BigDecimal("-8.00"));
        Metrics.addStoredValue(l, "REFUND", 1, new BigDecimal("10.00"), BigDecimal.ZERO);
        Metrics.addOverview(l, Metrics.MEMBER_NEW, 5, 0, BigDecimal.ZERO);
        Metrics.addOverview(l, Metrics.COUPON_CLAIMED, 6, 0, BigDecimal.ZERO);
        Metrics.addOverview(l, Metrics.COUPON_REDEEMED, 2, 0, new BigDecimal("9.90"));
        Metrics.addOverview(l, Metrics.COUPON_RETURNED, 1, 0, new BigDecimal("4.95"));
        Metrics.addOverview(l, Metrics.points("EARN"), 1, 300, BigDecimal.ZERO);
        Metrics.addOverview(l, Metrics.points("EXCHANGE"), 1, -120, BigDecimal.ZERO);
        Metrics.addOverview(l, Metrics.points("EXPIRE"), 1, -50, BigDecimal.ZERO);
        assertEquals(3, l.sales);
        assertEquals(Money.parse("279.99"), l.salesAmount);
        assertEquals(2, l.recharges);
        assertEquals(Money.parse("1100.00"), l.rechargeAmount);
        assertEquals(4, l.consumptions);
        assertEquals(Money.parse("88.00"), l.consumptionAmount);
        assertEquals(5, l.newMembers);
        assertEquals(6, l.couponsClaimed);
        assertEquals(2, l.couponsRedeemed);
        assertEquals(Money.parse("9.90"), l.couponDiscount);
        assertEquals(300, l.pointsIssued);
        assertEquals(120, l.pointsSpent);

        OverviewLine total = Metrics.overviewLine(null);
        Metrics.addOverview(total, l);
        Metrics.addOverview(total, l);
        assertEquals(Money.parse("559.98"), total.salesAmount);
        assertEquals(10, total.newMembers);
        assertEquals(240, total.pointsSpent);
    }
}
