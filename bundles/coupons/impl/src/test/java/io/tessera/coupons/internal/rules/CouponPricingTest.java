package io.tessera.coupons.internal.rules;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.Scope;
import io.tessera.coupons.api.SingleItemMode;
import io.tessera.coupons.internal.rules.CouponPricing.Applied;
import io.tessera.coupons.internal.rules.CouponPricing.Line;
import io.tessera.payments.api.spi.Allocation;
import io.tessera.platform.api.TesseraException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.Test;

/** CouponPricing: each kind's price, the order of application, stacking, refusals, and random carts (all amounts in fen). */
public class CouponPricingTest {

    private static final Set<CouponKind> ALL_KINDS = EnumSet.allOf(CouponKind.class);

    // ---- building lines and coupons -------------------------------------------------------------------------

    private static Line line(String sku, long quantity, long payable) {
        return new Line(sku, quantity, payable);
    }

    private static Set<String> skus(String... skus) {
        return new LinkedHashSet<>(Arrays.asList(skus));
    }

    /** A coupon stacking with every kind and with the level discount, no minimum spend. */
    private static Terms terms(String no, CouponKind kind, long value, SingleItemMode mode, BigDecimal rate, Long cap, int maxUnits,
                               Scope scope, String... skus) {
        return new Terms(no, kind, value, mode, rate, cap, 0, maxUnits, scope, skus(skus), ALL_KINDS, true);
    }

    private static Terms cash(String no, long value, Scope scope, String... skus) {
        return terms(no, CouponKind.CASH, value, null, null, null, 0, scope, skus);
    }

    private static Terms cash(String no, long value) {
        return cash(no, value, Scope.ALL);
    }

    private static Terms threshold(String no, long value, long minSpend, Scope scope, String... skus) {
        return minSpend(terms(no, CouponKind.THRESHOLD, value, null, null, null, 0, scope, skus), minSpend);
    }

    private static Terms amountOff(String no, long value, int maxUnits, String... skus) {
        return terms(no, CouponKind.SINGLE_ITEM, value, SingleItemMode.AMOUNT_OFF, null, null, maxUnits, Scope.LISTED, skus);
    }

    private static Terms fixedPrice(String no, long value, int maxUnits, String... skus) {
        return terms(no, CouponKind.SINGLE_ITEM, value, SingleItemMode.FIXED_PRICE, null, null, maxUnits, Scope.LISTED, skus);
    }

    private static Terms exchange(String no, int maxUnits, String... skus) {
        return terms(no, CouponKind.EXCHANGE, 0, null, null, null, maxUnits, Scope.LISTED, skus);
    }

    private static Terms discount(String no, String rate, Long cap, Scope scope, String... skus) {
        return terms(no, CouponKind.DISCOUNT, 0, null, new BigDecimal(rate), cap, 0, scope, skus);
    }

    private static Terms discount(String no, String rate, Long cap) {
        return discount(no, rate, cap, Scope.ALL);
    }

    private static Terms minSpend(Terms t, long minSpend) {
        return new Terms(t.couponNo(), t.kind(), t.value(), t.singleMode(), t.rate(), t.cap(), minSpend, t.maxUnits(), t.products(),
            t.skus(), t.stackKinds(), t.stackWithLevel());
    }

    private static Terms stacksWith(Terms t, CouponKind... kinds) {
        Set<CouponKind> k = kinds.length == 0 ? EnumSet.noneOf(CouponKind.class) : EnumSet.copyOf(Arrays.asList(kinds));
        return new Terms(t.couponNo(), t.kind(), t.value(), t.singleMode(), t.rate(), t.cap(), t.minSpend(), t.maxUnits(), t.products(),
            t.skus(), k, t.stackWithLevel());
    }

    private static Terms notWithLevel(Terms t) {
        return new Terms(t.couponNo(), t.kind(), t.value(), t.singleMode(), t.rate(), t.cap(), t.minSpend(), t.maxUnits(), t.products(),
            t.skus(), t.stackKinds(), false);
    }

    private static List<Applied> price(List<Line> lines, Terms... coupons) {
        return CouponPricing.price(lines, false, List.of(coupons));
    }

    private static Applied priceOne(List<Line> lines, Terms coupon) {
        List<Applied> applied = price(lines, coupon);
        assertEquals(1, applied.size());
        assertSame(coupon, applied.get(0).coupon());
        return applied.get(0);
    }

    /** The refusal pricing throws, checked to be {@code code} at field "discounts". */
    private static TesseraException refused(CouponErrors code, boolean levelApplied, List<Line> lines, Terms... coupons) {
        TesseraException e = assertThrows(TesseraException.class, () -> CouponPricing.price(lines, levelApplied, List.of(coupons)));
        assertEquals(e.getMessage(), code.code(), e.getCode());
        assertEquals("discounts", e.getField());
        return e;
    }

    private static TesseraException refused(CouponErrors code, List<Line> lines, Terms... coupons) {
        return refused(code, false, lines, coupons);
    }

    private static void assertApplied(Applied a, long amount, long[] perLine, long[] base, long[] units) {
        assertEquals("amount", amount, a.amount());
        assertArrayEquals("perLine", perLine, a.perLine());
        assertArrayEquals("base", base, a.base());
        assertArrayEquals("units", units, a.units());
    }

    private static long[] fen(long... values) {
        return values;
    }

    // ---- CASH -------------------------------------------------------------------------------------------------

    @Test
    public void cashWorthMoreThanTheCartTakesOnlyWhatTheCartCosts() {
        List<Line> lines = List.of(line("A", 1, 300), line("B", 2, 400));
        Applied a = priceOne(lines, cash("c", 1000));
        assertApplied(a, 700, fen(300, 400), fen(300, 400), fen(0, 0));
        assertEquals(700, a.baseTotal());
        // the order is left at 0
        assertEquals(0, 300 - a.perLine()[0]);
        assertEquals(0, 400 - a.perLine()[1]);
    }

    @Test
    public void cashExactlyTheCartTakesItAll() {
        Applied a = priceOne(List.of(line("A", 1, 1000)), cash("c", 1000));
        assertApplied(a, 1000, fen(1000), fen(1000), fen(0));
    }

    @Test
    public void cashIsSpreadByLargestRemainderTiesToTheEarlierLine() {
        // 100 over three equal lines: 33.33 each, the one fen left goes to the first line
        Applied a = priceOne(List.of(line("A", 1, 1000), line("B", 1, 1000), line("C", 1, 1000)), cash("c", 100));
        assertApplied(a, 100, fen(34, 33, 33), fen(1000, 1000, 1000), fen(0, 0, 0));
    }

    @Test
    public void cashIsSpreadByLargestRemainderTiesToTheLargerWeight() {
        // 2 over 1000 / 3000: exact shares 0.5 / 1.5, equal fractions: the larger line gets the fen
        Applied a = priceOne(List.of(line("A", 1, 1000), line("B", 1, 3000)), cash("c", 2));
        assertApplied(a, 2, fen(0, 2), fen(1000, 3000), fen(0, 0));
        // 500 over 1000 / 2000 / 3000: 83.33 / 166.67 / 250: the largest fraction (B) gets the fen
        Applied b = priceOne(List.of(line("A", 1, 1000), line("B", 1, 2000), line("C", 1, 3000)), cash("c", 500));
        assertApplied(b, 500, fen(83, 167, 250), fen(1000, 2000, 3000), fen(0, 0, 0));
    }

    @Test
    public void cashOnListedLinesLeavesTheOthersAlone() {
        Applied a = priceOne(List.of(line("A", 1, 1000), line("B", 1, 3000), line("C", 1, 1000)), cash("c", 600, Scope.LISTED, "A", "C"));
        assertApplied(a, 600, fen(300, 0, 300), fen(1000, 0, 1000), fen(0, 0, 0));
    }

    @Test
    public void cashOnAnOrderAlreadyFreeIsNotApplicable() {
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("A", 1, 0)), cash("c", 500));
        // made free by an earlier coupon
        TesseraException e = refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("A", 1, 800)), cash("c2", 500), exchange("x", 1, "A"));
        assertTrue(e.getMessage(), e.getMessage().contains("c2"));
    }

    // ---- THRESHOLD ----------------------------------------------------------------------------------------------

    @Test
    public void thresholdAtTheMinimumTakesItsValue() {
        Applied a = priceOne(List.of(line("A", 2, 6000), line("B", 1, 4000)), threshold("t", 2000, 10000, Scope.ALL));
        assertApplied(a, 2000, fen(1200, 800), fen(6000, 4000), fen(0, 0));
    }

    @Test
    public void thresholdAboveTheMinimumTakesItsValue() {
        // 满100减20 on 110.00: 2000 spread 6000 / 5000 = 1090.9 / 909.1
        Applied a = priceOne(List.of(line("A", 2, 6000), line("B", 1, 5000)), threshold("t", 2000, 10000, Scope.ALL));
        assertApplied(a, 2000, fen(1091, 909), fen(6000, 5000), fen(0, 0));
    }

    @Test
    public void thresholdBelowTheMinimumIsRefusedSayingByHowMuch() {
        TesseraException e = refused(CouponErrors.COUPON_BELOW_MINIMUM_SPEND, List.of(line("A", 2, 6000), line("B", 1, 3999)),
            threshold("t", 2000, 10000, Scope.ALL));
        assertTrue(e.getMessage(), e.getMessage().contains("short by 0.01"));
        assertTrue(e.getMessage(), e.getMessage().contains("100.00"));
        assertTrue(e.getMessage(), e.getMessage().contains("99.99"));

        TesseraException f = refused(CouponErrors.COUPON_BELOW_MINIMUM_SPEND, List.of(line("A", 1, 7550)),
            threshold("t", 2000, 10000, Scope.ALL));
        assertTrue(f.getMessage(), f.getMessage().contains("short by 24.50"));
    }

    @Test
    public void thresholdMinimumCountsOnlyTheApplicableLines() {
        List<Line> lines = List.of(line("A", 1, 6000), line("B", 1, 9000));
        TesseraException e = refused(CouponErrors.COUPON_BELOW_MINIMUM_SPEND, lines, threshold("t", 2000, 10000, Scope.LISTED, "A"));
        assertTrue(e.getMessage(), e.getMessage().contains("short by 40.00"));
        e = refused(CouponErrors.COUPON_BELOW_MINIMUM_SPEND, lines, threshold("t", 2000, 10000, Scope.EXCLUDED, "B"));
        assertTrue(e.getMessage(), e.getMessage().contains("short by 40.00"));
        Applied a = priceOne(lines, threshold("t", 2000, 9000, Scope.EXCLUDED, "A"));
        assertApplied(a, 2000, fen(0, 2000), fen(0, 9000), fen(0, 0));
    }

    @Test
    public void theMinimumIsMeasuredOnWhatTheLinesCostJustBeforeTheCoupon() {
        List<Line> lines = List.of(line("A", 1, 6000), line("B", 1, 5000));
        // 110.00 reaches 100.00, but the exchange first takes B: 60.00 left
        TesseraException e = refused(CouponErrors.COUPON_BELOW_MINIMUM_SPEND, lines,
            threshold("t", 2000, 10000, Scope.ALL), exchange("x", 1, "B"));
        assertTrue(e.getMessage(), e.getMessage().contains("short by 40.00"));
        // a discount with a minimum spend after a cash coupon: 110.00 - 20.00 = 90.00 < 100.00
        refused(CouponErrors.COUPON_BELOW_MINIMUM_SPEND, lines, minSpend(discount("d", "0.9", null), 10000), cash("c", 2000));
        List<Applied> ok = price(lines, minSpend(discount("d", "0.9", null), 9000), cash("c", 2000));
        assertEquals(900, ok.get(1).amount());
        // a cash coupon has a minimum spend too
        refused(CouponErrors.COUPON_BELOW_MINIMUM_SPEND, lines, minSpend(cash("c", 500), 11001));
        assertEquals(500, priceOne(lines, minSpend(cash("c", 500), 11000)).amount());
    }

    @Test
    public void thresholdWorthMoreThanTheLinesTakesOnlyWhatTheyCost() {
        Applied a = priceOne(List.of(line("A", 1, 1500), line("B", 1, 500)), threshold("t", 5000, 2000, Scope.ALL));
        assertApplied(a, 2000, fen(1500, 500), fen(1500, 500), fen(0, 0));
    }

    // ---- SINGLE_ITEM --------------------------------------------------------------------------------------------

    @Test
    public void singleItemAmountOffCoversTheDearestUnitFirstAcrossLinesOfTheSameSku() {
        // S 2 × 8.00 and S 1 × 10.00 with another item between them
        List<Line> lines = List.of(line("S", 2, 1600), line("X", 1, 5000), line("S", 1, 1000));
        assertApplied(priceOne(lines, amountOff("s", 300, 1, "S")), 300, fen(0, 0, 300), fen(1600, 0, 1000), fen(0, 0, 1));
        assertApplied(priceOne(lines, amountOff("s", 300, 2, "S")), 600, fen(300, 0, 300), fen(1600, 0, 1000), fen(1, 0, 1));
        assertApplied(priceOne(lines, amountOff("s", 300, 3, "S")), 900, fen(600, 0, 300), fen(1600, 0, 1000), fen(2, 0, 1));
        // no more units than the lines have
        assertApplied(priceOne(lines, amountOff("s", 300, 9, "S")), 900, fen(600, 0, 300), fen(1600, 0, 1000), fen(2, 0, 1));
    }

    @Test
    public void singleItemFixedPriceCoversTheDearestUnitFirstUpToMaxUnits() {
        List<Line> lines = List.of(line("S", 2, 1600), line("X", 1, 5000), line("S", 1, 1000));
        // one unit: the 10.00 one down to 5.00
        assertApplied(priceOne(lines, fixedPrice("s", 500, 1, "S")), 500, fen(0, 0, 500), fen(1600, 0, 1000), fen(0, 0, 1));
        // two: then one 8.00 unit down to 5.00
        assertApplied(priceOne(lines, fixedPrice("s", 500, 2, "S")), 800, fen(300, 0, 500), fen(1600, 0, 1000), fen(1, 0, 1));
        assertApplied(priceOne(lines, fixedPrice("s", 500, 3, "S")), 1100, fen(600, 0, 500), fen(1600, 0, 1000), fen(2, 0, 1));
    }

    @Test
    public void singleItemDearestLineIsChosenByUnitPriceNotLineTotal() {
        // 3 × 9.00 = 27.00 on one line, 1 × 12.00 on the later line: the 12.00 unit is the dearest
        List<Line> lines = List.of(line("S", 3, 2700), line("S", 1, 1200));
        assertApplied(priceOne(lines, amountOff("s", 200, 1, "S")), 200, fen(0, 200), fen(2700, 1200), fen(0, 1));
        // equal unit prices: the earlier line first
        List<Line> tie = List.of(line("S", 1, 1000), line("S", 2, 2000));
        assertApplied(priceOne(tie, amountOff("s", 200, 1, "S")), 200, fen(200, 0), fen(1000, 2000), fen(1, 0));
        assertApplied(priceOne(tie, amountOff("s", 200, 2, "S")), 400, fen(200, 200), fen(1000, 2000), fen(1, 1));
    }

    @Test
    public void singleItemUnitCheaperThanTheAmountOffTakesOnlyTheUnit() {
        assertApplied(priceOne(List.of(line("S", 1, 200)), amountOff("s", 300, 1, "S")), 200, fen(200), fen(200), fen(1));
        // two units of 2.00 with 3.00 off each: 4.00, not 6.00
        assertApplied(priceOne(List.of(line("S", 2, 400)), amountOff("s", 300, 2, "S")), 400, fen(400), fen(400), fen(2));
        // mixed: 10.00 unit gets 3.00, 2.00 unit gets 2.00
        assertApplied(priceOne(List.of(line("S", 1, 200), line("S", 1, 1000)), amountOff("s", 300, 2, "S")), 500,
            fen(200, 300), fen(200, 1000), fen(1, 1));
    }

    @Test
    public void singleItemFixedPriceAboveTheUnitPriceTakesNothingAndIsRefused() {
        TesseraException e = refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("S", 1, 400)), fixedPrice("s", 500, 1, "S"));
        assertTrue(e.getMessage(), e.getMessage().contains("coupon s "));
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("S", 2, 1000)), fixedPrice("s", 500, 2, "S")); // exactly the price
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("S", 3, 900)), fixedPrice("s", 500, 2, "S"));
    }

    @Test
    public void singleItemFixedPriceOnSeveralUnitsOfOneLine() {
        // 3 × 10.00, two units at 6.00: 8.00 off
        assertApplied(priceOne(List.of(line("S", 3, 3000)), fixedPrice("s", 600, 2, "S")), 800, fen(800), fen(3000), fen(2));
        // 3 units paying 10.00 in all (3.33, 3.33, 3.34) at a fixed 3.00: one unit 0.33, all three 1.00
        assertApplied(priceOne(List.of(line("S", 3, 1000)), fixedPrice("s", 300, 1, "S")), 33, fen(33), fen(1000), fen(1));
        assertApplied(priceOne(List.of(line("S", 3, 1000)), fixedPrice("s", 300, 3, "S")), 100, fen(100), fen(1000), fen(3));
    }

    @Test
    public void singleItemOnUnevenUnitsTheLastUnitCarriesTheRemainder() {
        List<Line> lines = List.of(line("S", 3, 1000));
        assertApplied(priceOne(lines, amountOff("s", 500, 1, "S")), 333, fen(333), fen(1000), fen(1));
        assertApplied(priceOne(lines, amountOff("s", 500, 2, "S")), 666, fen(666), fen(1000), fen(2));
        assertApplied(priceOne(lines, amountOff("s", 500, 3, "S")), 1000, fen(1000), fen(1000), fen(3));
    }

    @Test
    public void singleItemAfterAnExchangeCoversOnlyTheUnitsLeft() {
        List<Line> lines = List.of(line("S", 3, 3000));
        List<Applied> applied = price(lines, amountOff("s", 300, 5, "S"), exchange("x", 1, "S"));
        assertApplied(applied.get(0), 1000, fen(1000), fen(3000), fen(1));
        assertApplied(applied.get(1), 600, fen(600), fen(2000), fen(2));
        // nothing left to cover
        refused(CouponErrors.COUPON_NOT_APPLICABLE, lines, amountOff("s", 300, 5, "S"), exchange("x", 3, "S"));
    }

    @Test
    public void fixedPriceDoesNotTakeAUnitItTakesNothingOff() {
        List<Line> lines = List.of(line("S", 1, 600), line("S", 1, 400));
        Terms f = fixedPrice("f", 500, 2, "S");
        Terms o = amountOff("o", 100, 1, "S");
        List<Applied> applied = price(lines, f, o);
        assertApplied(applied.get(0), 100, fen(100, 0), fen(600, 400), fen(1, 0));
        assertApplied(applied.get(1), 100, fen(0, 100), fen(500, 400), fen(0, 1));
    }

    @Test
    public void singleItemOnlyOnItsListedSkus() {
        List<Line> lines = List.of(line("A", 1, 5000), line("B", 1, 1000));
        assertApplied(priceOne(lines, amountOff("s", 300, 1, "B")), 300, fen(0, 300), fen(0, 1000), fen(0, 1));
        refused(CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE, lines, amountOff("s", 300, 1, "C"));
    }

    // ---- EXCHANGE -----------------------------------------------------------------------------------------------

    @Test
    public void exchangeOneUnitOfALineOfThree() {
        assertApplied(priceOne(List.of(line("S", 3, 1000)), exchange("x", 1, "S")), 333, fen(333), fen(1000), fen(1));
        assertApplied(priceOne(List.of(line("S", 3, 1000)), exchange("x", 2, "S")), 666, fen(666), fen(1000), fen(2));
    }

    @Test
    public void exchangeOfAllUnitsTakesTheWholeLineExactly() {
        assertApplied(priceOne(List.of(line("S", 3, 1000)), exchange("x", 3, "S")), 1000, fen(1000), fen(1000), fen(3));
        assertApplied(priceOne(List.of(line("S", 3, 1000)), exchange("x", 5, "S")), 1000, fen(1000), fen(1000), fen(3));
        assertApplied(priceOne(List.of(line("S", 1, 2500)), exchange("x", 1, "S")), 2500, fen(2500), fen(2500), fen(1));
    }

    @Test
    public void exchangeTakesTheDearestUnitFirst() {
        List<Line> lines = List.of(line("S", 2, 1000), line("T", 1, 9000), line("S", 1, 700));
        assertApplied(priceOne(lines, exchange("x", 1, "S")), 700, fen(0, 0, 700), fen(1000, 0, 700), fen(0, 0, 1));
        assertApplied(priceOne(lines, exchange("x", 2, "S")), 1200, fen(500, 0, 700), fen(1000, 0, 700), fen(1, 0, 1));
        // over two listed SKUs: the 90.00 unit first
        assertApplied(priceOne(lines, exchange("x", 1, "S", "T")), 9000, fen(0, 9000, 0), fen(1000, 9000, 700), fen(0, 1, 0));
    }

    @Test
    public void twoExchangesCoverEachUnitOnce() {
        List<Line> lines = List.of(line("S", 3, 1000));
        List<Applied> applied = price(lines, exchange("x1", 1, "S"), exchange("x2", 2, "S"));
        assertApplied(applied.get(0), 333, fen(333), fen(1000), fen(1));
        assertApplied(applied.get(1), 667, fen(667), fen(667), fen(2)); // the last two units carry the remainder
        // a third finds no unit left
        refused(CouponErrors.COUPON_NOT_APPLICABLE, lines, exchange("x1", 1, "S"), exchange("x2", 2, "S"), exchange("x3", 1, "S"));
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("S", 1, 1000)), exchange("x1", 1, "S"), exchange("x2", 1, "S"));
    }

    @Test
    public void exchangeOfAFreeLineIsNotApplicable() {
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("S", 1, 0)), exchange("x", 1, "S"));
    }

    @Test
    public void exchangeOfAnItemNotInTheOrderIsNotInScope() {
        refused(CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE, List.of(line("S", 1, 1000)), exchange("x", 1, "T"));
    }

    // ---- DISCOUNT -----------------------------------------------------------------------------------------------

    @Test
    public void discountWithoutCap() {
        Applied a = priceOne(List.of(line("A", 1, 6000), line("B", 1, 4000)), discount("d", "0.85", null));
        assertApplied(a, 1500, fen(900, 600), fen(6000, 4000), fen(0, 0));
    }

    @Test
    public void discountWithCap() {
        Applied a = priceOne(List.of(line("A", 1, 6000), line("B", 1, 4000)), discount("d", "0.85", 1000L));
        assertApplied(a, 1000, fen(600, 400), fen(6000, 4000), fen(0, 0));
        // a cap above what it takes changes nothing
        assertEquals(1500, priceOne(List.of(line("A", 1, 6000), line("B", 1, 4000)), discount("d", "0.85", 1501L)).amount());
        assertEquals(1500, priceOne(List.of(line("A", 1, 6000), line("B", 1, 4000)), discount("d", "0.85", 1500L)).amount());
    }

    @Test
    public void discountRoundsWhatIsPaidHalfUp() {
        // 1005 × 0.85 = 854.25: pays 854, 151 off
        assertApplied(priceOne(List.of(line("A", 1, 1005)), discount("d", "0.85", null)), 151, fen(151), fen(1005), fen(0));
        // 1030 × 0.95 = 978.5: half up pays 979 (half even would pay 978): 51 off
        assertEquals(51, priceOne(List.of(line("A", 1, 1030)), discount("d", "0.95", null)).amount());
        // 1010 × 0.85 = 858.5: pays 859, 151 off
        assertEquals(151, priceOne(List.of(line("A", 1, 1010)), discount("d", "0.85", null)).amount());
        // 1 × 0.5 = 0.5: pays 1: nothing off
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("A", 1, 1)), discount("d", "0.5", null));
        // the rounding is on the applicable lines' total, not line by line: 3 × 5 fen at 0.9 = 13.5 → 14, 1 off
        assertApplied(priceOne(List.of(line("A", 1, 5), line("B", 1, 5), line("C", 1, 5)), discount("d", "0.9", null)), 1,
            fen(1, 0, 0), fen(5, 5, 5), fen(0, 0, 0));
    }

    @Test
    public void discountOnListedOrExcludedLines() {
        List<Line> lines = List.of(line("A", 1, 6000), line("B", 1, 4000), line("C", 1, 2000));
        assertApplied(priceOne(lines, discount("d", "0.8", null, Scope.LISTED, "B", "C")), 1200, fen(0, 800, 400),
            fen(0, 4000, 2000), fen(0, 0, 0));
        assertApplied(priceOne(lines, discount("d", "0.8", null, Scope.EXCLUDED, "B")), 1600, fen(1200, 0, 400),
            fen(6000, 0, 2000), fen(0, 0, 0));
    }

    @Test
    public void discountThatTakesNothingIsRefused() {
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("A", 1, 1000)), discount("d", "1", null));
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("A", 1, 1000)), discount("d", "0.9", 0L));
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("A", 1, 0)), discount("d", "0.9", null));
    }

    // ---- product scope ------------------------------------------------------------------------------------------

    @Test
    public void productScopeListedExcludedAll() {
        List<Line> lines = List.of(line("A", 1, 1000), line("B", 1, 1000), line("C", 1, 2000));
        assertApplied(priceOne(lines, cash("c", 400, Scope.ALL)), 400, fen(100, 100, 200), fen(1000, 1000, 2000), fen(0, 0, 0));
        assertApplied(priceOne(lines, cash("c", 400, Scope.LISTED, "B")), 400, fen(0, 400, 0), fen(0, 1000, 0), fen(0, 0, 0));
        assertApplied(priceOne(lines, cash("c", 400, Scope.LISTED, "A", "Z")), 400, fen(400, 0, 0), fen(1000, 0, 0), fen(0, 0, 0));
        assertApplied(priceOne(lines, cash("c", 400, Scope.EXCLUDED, "B")), 400, fen(133, 0, 267), fen(1000, 0, 2000), fen(0, 0, 0));
        assertApplied(priceOne(lines, cash("c", 400, Scope.EXCLUDED, "Z")), 400, fen(100, 100, 200), fen(1000, 1000, 2000), fen(0, 0, 0));
    }

    @Test
    public void noApplicableLineIsNotInScope() {
        List<Line> lines = List.of(line("A", 1, 1000), line("B", 1, 1000));
        TesseraException e = refused(CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE, lines, cash("c9", 100, Scope.LISTED, "C"));
        assertTrue(e.getMessage(), e.getMessage().contains("c9"));
        refused(CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE, lines, cash("c", 100, Scope.EXCLUDED, "A", "B"));
        refused(CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE, lines, discount("d", "0.9", null, Scope.LISTED));
        refused(CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE, lines, threshold("t", 100, 0, Scope.LISTED, "Z"));
        // in scope comes before the minimum spend
        refused(CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE, lines, threshold("t", 100, 99999, Scope.LISTED, "Z"));
        // a line in scope that is already free is still in scope: the coupon takes nothing instead
        refused(CouponErrors.COUPON_NOT_APPLICABLE, List.of(line("A", 1, 0), line("B", 1, 1000)), cash("c", 100, Scope.LISTED, "A"));
    }

    // ---- order of application -------------------------------------------------------------------------------

    @Test
    public void couponsGivenInReverseAreAppliedExchangeSingleThresholdCashDiscount() {
        List<Line> lines = List.of(line("A", 2, 20000), line("B", 1, 5000));
        Terms d = discount("d", "0.9", null);
        Terms c = cash("c", 1000);
        Terms t = threshold("t", 2000, 10000, Scope.ALL);
        Terms s = amountOff("s", 500, 1, "A");
        Terms x = exchange("x", 1, "B");
        List<Applied> applied = price(lines, d, c, t, s, x);
        assertEquals(5, applied.size());
        assertSame(x, applied.get(0).coupon());
        assertSame(s, applied.get(1).coupon());
        assertSame(t, applied.get(2).coupon());
        assertSame(c, applied.get(3).coupon());
        assertSame(d, applied.get(4).coupon());
        assertApplied(applied.get(0), 5000, fen(0, 5000), fen(0, 5000), fen(0, 1));
        assertApplied(applied.get(1), 500, fen(500, 0), fen(20000, 0), fen(1, 0));
        assertApplied(applied.get(2), 2000, fen(2000, 0), fen(19500, 0), fen(0, 0));
        assertApplied(applied.get(3), 1000, fen(1000, 0), fen(17500, 0), fen(0, 0));
        // 16500 × 0.9 = 14850: 1650 off
        assertApplied(applied.get(4), 1650, fen(1650, 0), fen(16500, 0), fen(0, 0));
        // any order the customer gives gives the same
        List<Applied> forward = price(lines, x, s, t, c, d);
        for (int i = 0; i < 5; i++) {
            assertSame(applied.get(i).coupon(), forward.get(i).coupon());
            assertArrayEquals(applied.get(i).perLine(), forward.get(i).perLine());
        }
    }

    @Test
    public void aDiscountAfterACashCouponWorksOnWhatIsLeft() {
        List<Applied> applied = price(List.of(line("A", 1, 10000)), discount("d", "0.9", null), cash("c", 1000));
        assertEquals(CouponKind.CASH, applied.get(0).coupon().kind());
        assertApplied(applied.get(0), 1000, fen(1000), fen(10000), fen(0));
        assertApplied(applied.get(1), 900, fen(900), fen(9000), fen(0));
    }

    @Test
    public void aCashCouponAfterAThresholdWorksOnWhatIsLeft() {
        List<Applied> applied = price(List.of(line("A", 1, 3000)), cash("c", 5000), threshold("t", 2000, 3000, Scope.ALL));
        assertApplied(applied.get(0), 2000, fen(2000), fen(3000), fen(0));
        assertApplied(applied.get(1), 1000, fen(1000), fen(1000), fen(0));
    }

    @Test
    public void couponsOfOneKindAreAppliedInTheCustomersOrder() {
        List<Line> lines = List.of(line("A", 1, 1000));
        Terms big = cash("big", 800);
        Terms small = cash("small", 500);
        List<Applied> bigFirst = price(lines, big, small);
        assertSame(big, bigFirst.get(0).coupon());
        assertEquals(800, bigFirst.get(0).amount());
        assertSame(small, bigFirst.get(1).coupon());
        assertEquals(200, bigFirst.get(1).amount());
        List<Applied> smallFirst = price(lines, small, big);
        assertSame(small, smallFirst.get(0).coupon());
        assertEquals(500, smallFirst.get(0).amount());
        assertSame(big, smallFirst.get(1).coupon());
        assertEquals(500, smallFirst.get(1).amount());

        // the customer's order holds among same-kind coupons interleaved with other kinds
        Terms d1 = discount("d1", "0.5", 100L);
        Terms d2 = discount("d2", "0.5", null);
        List<Applied> mixed = price(List.of(line("A", 1, 10000)), d2, cash("c", 1000), d1);
        assertEquals("c", mixed.get(0).coupon().couponNo());
        assertSame(d2, mixed.get(1).coupon());
        assertEquals(4500, mixed.get(1).amount());
        assertSame(d1, mixed.get(2).coupon());
        assertEquals(100, mixed.get(2).amount());
    }

    @Test
    public void twoSingleItemCouponsInTheCustomersOrder() {
        List<Line> lines = List.of(line("S", 1, 1000), line("S", 1, 800));
        Terms s1 = amountOff("s1", 100, 1, "S");
        Terms s2 = fixedPrice("s2", 500, 1, "S");
        List<Applied> a = price(lines, s1, s2);
        assertApplied(a.get(0), 100, fen(100, 0), fen(1000, 800), fen(1, 0));
        assertApplied(a.get(1), 300, fen(0, 300), fen(900, 800), fen(0, 1));
        List<Applied> b = price(lines, s2, s1);
        assertApplied(b.get(0), 500, fen(500, 0), fen(1000, 800), fen(1, 0));
        assertApplied(b.get(1), 100, fen(0, 100), fen(500, 800), fen(0, 1));
    }

    @Test
    public void noCouponsPricesNothing() {
        assertEquals(List.of(), CouponPricing.price(List.of(line("A", 1, 100)), true, List.of()));
    }

    // ---- stacking -----------------------------------------------------------------------------------------------

    @Test
    public void stackingRefusedWhenTheFirstDoesNotAllowTheSecondsKind() {
        List<Line> lines = List.of(line("A", 1, 10000));
        Terms c = stacksWith(cash("c", 500), CouponKind.THRESHOLD, CouponKind.CASH);
        Terms d = discount("d", "0.9", null);
        TesseraException e = refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, lines, c, d);
        assertTrue(e.getMessage(), e.getMessage().contains("DISCOUNT"));
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, lines, d, c);
    }

    @Test
    public void stackingRefusedWhenTheSecondDoesNotAllowTheFirstsKind() {
        List<Line> lines = List.of(line("A", 1, 10000));
        Terms c = cash("c", 500); // allows every kind
        Terms d = stacksWith(discount("d", "0.9", null), CouponKind.DISCOUNT, CouponKind.EXCHANGE);
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, lines, c, d);
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, lines, d, c);
        // both allow each other: fine
        Terms c2 = stacksWith(cash("c", 500), CouponKind.DISCOUNT);
        Terms d2 = stacksWith(discount("d", "0.9", null), CouponKind.CASH);
        assertEquals(2, price(lines, d2, c2).size());
    }

    @Test
    public void stackingWithOneOfItsOwnKindNeedsItsOwnKindAllowed() {
        List<Line> lines = List.of(line("A", 1, 10000));
        Terms c1 = stacksWith(cash("c1", 500), CouponKind.DISCOUNT);
        Terms c2 = stacksWith(cash("c2", 500), CouponKind.DISCOUNT);
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, lines, c1, c2);
        // one allowing its own kind is not enough: each must
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, lines, stacksWith(cash("c1", 500), CouponKind.CASH), c2);
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, lines, c1, stacksWith(cash("c2", 500), CouponKind.CASH));
        assertEquals(2, price(lines, stacksWith(cash("c1", 500), CouponKind.CASH), stacksWith(cash("c2", 500), CouponKind.CASH)).size());
        // a coupon alone needs nothing
        assertEquals(500, priceOne(lines, stacksWith(cash("c1", 500))).amount());
    }

    @Test
    public void stackingIsCheckedOverEveryPair() {
        List<Line> lines = List.of(line("A", 1, 10000), line("S", 1, 1000));
        Terms x = exchange("x", 1, "S");
        Terms c = cash("c", 500);
        Terms d = stacksWith(discount("d", "0.9", null), CouponKind.CASH); // not with exchange
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, lines, x, c, d);
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, lines, c, d, x);
    }

    @Test
    public void aCouponThatDoesNotStackWithTheLevelDiscountIsRefusedWhenItWasApplied() {
        List<Line> lines = List.of(line("A", 1, 10000));
        Terms c = notWithLevel(cash("c", 500));
        TesseraException e = refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, true, lines, c);
        assertTrue(e.getMessage(), e.getMessage().contains("level"));
        assertEquals(500, CouponPricing.price(lines, false, List.of(c)).get(0).amount());
        assertEquals(500, CouponPricing.price(lines, true, List.of(cash("c", 500))).get(0).amount());
        // among others that would stack with the level discount
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, true, lines, discount("d", "0.9", null), c);
        assertEquals(2, CouponPricing.price(lines, false, List.of(discount("d", "0.9", null), c)).size());
    }

    @Test
    public void stackingIsRefusedBeforeAnythingIsPriced() {
        // the second coupon is out of scope, but the stacking refusal comes first
        refused(CouponErrors.COUPON_STACKING_NOT_ALLOWED, List.of(line("A", 1, 1000)),
            stacksWith(cash("c", 100)), cash("c2", 100, Scope.LISTED, "Z"));
    }

    // ---- the worked example -------------------------------------------------------------------------------------

    @Test
    public void workedExample() {
        List<Line> lines = List.of(line("A", 3, 3000), line("B", 1, 2500), line("C", 1, 4000));
        Terms x = stacksWith(exchange("x", 1, "B"), CouponKind.SINGLE_ITEM, CouponKind.DISCOUNT);
        Terms s = stacksWith(amountOff("s", 300, 2, "A"), CouponKind.EXCHANGE, CouponKind.DISCOUNT);
        Terms d = stacksWith(discount("d", "0.9", 500L), CouponKind.EXCHANGE, CouponKind.SINGLE_ITEM);
        List<Applied> applied = price(lines, d, s, x);
        assertEquals(3, applied.size());
        assertSame(x, applied.get(0).coupon());
        assertSame(s, applied.get(1).coupon());
        assertSame(d, applied.get(2).coupon());
        assertApplied(applied.get(0), 2500, fen(0, 2500, 0), fen(0, 2500, 0), fen(0, 1, 0));
        assertApplied(applied.get(1), 600, fen(600, 0, 0), fen(3000, 0, 0), fen(2, 0, 0));
        // 6400 × 0.9 = 5760: 640 off, capped at 500, split 187.5 / 312.5: the tie goes to the larger line
        assertApplied(applied.get(2), 500, fen(187, 0, 313), fen(2400, 0, 4000), fen(0, 0, 0));
        long[] payable = {3000, 2500, 4000};
        for (Applied a : applied) {
            for (int i = 0; i < 3; i++) {
                payable[i] -= a.perLine()[i];
            }
        }
        assertArrayEquals(fen(2213, 0, 3687), payable);
    }

    // ---- random carts -------------------------------------------------------------------------------------------

    private static final String[] SKUS = {"A", "B", "C", "D", "E"};

    private static final Set<String> RANDOM_CODES = Set.of(CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE.code(),
        CouponErrors.COUPON_BELOW_MINIMUM_SPEND.code(), CouponErrors.COUPON_NOT_APPLICABLE.code());

    private static String[] randomSkus(Random r) {
        int k = 1 + r.nextInt(2);
        Set<String> s = new LinkedHashSet<>();
        while (s.size() < k) {
            s.add(SKUS[r.nextInt(SKUS.length)]);
        }
        return s.toArray(new String[0]);
    }

    private static Scope randomScope(Random r) {
        return Scope.values()[r.nextInt(3)];
    }

    private static Terms randomCoupon(Random r, int n) {
        String no = "r" + n;
        CouponKind kind = CouponKind.values()[r.nextInt(CouponKind.values().length)];
        long minSpend = r.nextInt(4) == 0 ? r.nextInt(30001) : 0;
        Terms t = switch (kind) {
            case EXCHANGE -> exchange(no, 1 + r.nextInt(4), randomSkus(r));
            case SINGLE_ITEM -> r.nextBoolean() ? amountOff(no, 1 + r.nextInt(5000), 1 + r.nextInt(4), randomSkus(r))
                : fixedPrice(no, r.nextInt(5000), 1 + r.nextInt(4), randomSkus(r));
            case THRESHOLD -> threshold(no, 1 + r.nextInt(5000), r.nextInt(30001), randomScope(r), randomSkus(r));
            case CASH -> cash(no, 1 + r.nextInt(10000), randomScope(r), randomSkus(r));
            case DISCOUNT -> {
                String rate = r.nextInt(10) == 0 ? BigDecimal.valueOf(1 + r.nextInt(1000), 3).toPlainString()
                    : BigDecimal.valueOf(50 + r.nextInt(51), 2).toPlainString(); // 0.50 … 1.00, sometimes 0.001 … 1.000
                yield discount(no, rate, r.nextBoolean() ? null : Long.valueOf(r.nextInt(3001)), randomScope(r), randomSkus(r));
            }
        };
        return kind == CouponKind.THRESHOLD ? t : minSpend(t, minSpend);
    }

    /** base × rate rounded half up, by integers: rate = u / 10^s, pay = floor((2 × base × u + 10^s) / (2 × 10^s)). */
    private static long payHalfUp(long base, BigDecimal rate) {
        BigInteger u = rate.unscaledValue();
        BigInteger p = BigInteger.TEN.pow(rate.scale());
        BigInteger two = BigInteger.valueOf(2);
        return BigInteger.valueOf(base).multiply(u).multiply(two).add(p).divide(p.multiply(two)).longValueExact();
    }

    @Test
    public void randomCartsKeepTheRules() {
        Random r = new Random(20240611L);
        int priced = 0;
        int[] refusals = new int[3];
        int[] appliedKinds = new int[CouponKind.values().length];
        for (int run = 0; run < 5000; run++) {
            int n = 1 + r.nextInt(6);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                lines.add(line(SKUS[r.nextInt(SKUS.length)], 1 + r.nextInt(5), r.nextInt(10) == 0 ? 0 : r.nextInt(20001)));
            }
            int m = 1 + r.nextInt(4);
            List<Terms> coupons = new ArrayList<>();
            for (int k = 0; k < m; k++) {
                coupons.add(randomCoupon(r, k));
            }
            boolean level = r.nextBoolean();
            String what = "run " + run + ": " + lines + " " + coupons;
            List<Applied> applied;
            try {
                applied = CouponPricing.price(lines, level, coupons);
            } catch (TesseraException e) {
                assertTrue(what + ": " + e.getCode(), RANDOM_CODES.contains(e.getCode()));
                assertEquals(what, "discounts", e.getField());
                checkRefusal(what, lines, level, coupons, e);
                refusals[e.getCode().equals(CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE.code()) ? 0
                    : e.getCode().equals(CouponErrors.COUPON_BELOW_MINIMUM_SPEND.code()) ? 1 : 2]++;
                continue;
            }
            priced++;
            checkPriced(what, lines, coupons, applied);
            for (Applied a : applied) {
                appliedKinds[a.coupon().kind().ordinal()]++;
            }
        }
        // the random carts reach every outcome
        assertTrue("priced " + priced, priced > 1000);
        for (int i = 0; i < 3; i++) {
            assertTrue("refusals " + Arrays.toString(refusals), refusals[i] > 50);
        }
        for (int k : appliedKinds) {
            assertTrue("applied " + Arrays.toString(appliedKinds), k > 200);
        }
    }

    /** The coupons in the order they are applied: by kind, the customer's order within a kind. */
    private static List<Terms> applicationOrder(List<Terms> coupons) {
        List<Terms> ordered = new ArrayList<>(coupons);
        ordered.sort(Comparator.comparingInt((Terms t) -> t.kind().ordinal()).thenComparingInt(coupons::indexOf));
        return ordered;
    }

    private static void checkPriced(String what, List<Line> lines, List<Terms> coupons, List<Applied> applied) {
        int n = lines.size();
        List<Terms> ordered = applicationOrder(coupons);
        assertEquals(what, ordered.size(), applied.size());
        long[] left = new long[n];
        long[] free = new long[n];
        for (int i = 0; i < n; i++) {
            left[i] = lines.get(i).payable();
            free[i] = lines.get(i).quantity();
        }
        for (int c = 0; c < applied.size(); c++) {
            Applied a = applied.get(c);
            Terms t = a.coupon();
            String w = what + " coupon " + t.couponNo();
            assertSame(w, ordered.get(c), t);
            assertEquals(w, n, a.perLine().length);
            assertEquals(w, n, a.base().length);
            assertEquals(w, n, a.units().length);
            long sum = 0;
            long baseTotal = 0;
            boolean inScope = false;
            for (int i = 0; i < n; i++) {
                boolean applies = t.appliesTo(lines.get(i).sku());
                inScope |= applies;
                assertEquals(w + " base[" + i + "]", applies ? left[i] : 0, a.base()[i]);
                assertTrue(w + " perLine[" + i + "]", a.perLine()[i] >= 0 && a.perLine()[i] <= a.base()[i]);
                assertTrue(w + " units[" + i + "]", a.units()[i] >= 0 && a.units()[i] <= free[i]);
                if (!applies) {
                    assertEquals(w, 0, a.units()[i]);
                }
                sum += a.perLine()[i];
                baseTotal += a.base()[i];
            }
            assertTrue(w, inScope);
            assertEquals(w, a.amount(), sum);
            assertEquals(w, baseTotal, a.baseTotal());
            assertTrue(w + " takes nothing", a.amount() > 0);
            assertTrue(w + " below its minimum", baseTotal >= t.minSpend());
            switch (t.kind()) {
                case EXCHANGE, SINGLE_ITEM -> checkPerUnit(w, lines, t, a, left, free);
                case THRESHOLD, CASH -> {
                    assertArrayEquals(w + " units", new long[n], a.units());
                    assertEquals(w, Math.min(t.value(), baseTotal), a.amount());
                    assertArrayEquals(w, Allocation.spread(a.amount(), a.base()), a.perLine());
                }
                case DISCOUNT -> {
                    assertArrayEquals(w + " units", new long[n], a.units());
                    long off = baseTotal - payHalfUp(baseTotal, t.rate());
                    assertEquals(w, t.cap() == null ? off : Math.min(t.cap(), off), a.amount());
                    assertArrayEquals(w, Allocation.spread(a.amount(), a.base()), a.perLine());
                }
            }
            for (int i = 0; i < n; i++) {
                left[i] -= a.perLine()[i];
                free[i] -= a.units()[i];
                assertTrue(w + " line " + i + " below zero", left[i] >= 0);
                assertTrue(w + " line " + i + " units covered twice", free[i] >= 0);
            }
        }
    }

    /** Exchange and single-item: at most maxUnits, the dearest units first, each unit priced as the line's units cost. */
    private static void checkPerUnit(String w, List<Line> lines, Terms t, Applied a, long[] left, long[] free) {
        int n = lines.size();
        long covered = 0;
        long available = 0;
        for (int i = 0; i < n; i++) {
            covered += a.units()[i];
            if (t.appliesTo(lines.get(i).sku()) && left[i] > 0) {
                available += free[i];
            }
        }
        assertTrue(w + " covers " + covered + " > maxUnits", covered <= t.maxUnits());
        boolean fixed = t.kind() == CouponKind.SINGLE_ITEM && t.singleMode() == SingleItemMode.FIXED_PRICE;
        if (!fixed) {
            // units are covered while the coupon has any and a line it applies to still costs something
            assertEquals(w + " covered", Math.min(t.maxUnits(), available), covered);
        } else {
            // a fixed price covers only units it takes something off: a line left alone costs no more than the price per unit
            assertTrue(w + " covered", covered <= Math.min(t.maxUnits(), available));
            for (int j = 0; j < n; j++) {
                if (covered < t.maxUnits() && a.units()[j] == 0 && t.appliesTo(lines.get(j).sku()) && left[j] > 0 && free[j] > 0) {
                    assertTrue(w + " line " + j + " left alone though a unit costs more than the fixed price", left[j] / free[j] <= t.value());
                }
            }
        }
        for (int i = 0; i < n; i++) {
            long k = a.units()[i];
            if (k == 0) {
                assertEquals(w, 0, a.perLine()[i]);
                continue;
            }
            long unit = left[i] / free[i];
            long worth = k == free[i] ? left[i] : k * unit;
            long expected = t.kind() == CouponKind.EXCHANGE ? worth
                : t.singleMode() == SingleItemMode.FIXED_PRICE ? Math.max(0, worth - k * t.value())
                : Math.min(worth, k * t.value());
            assertEquals(w + " line " + i, expected, a.perLine()[i]);
            // the dearest first: a line left partly uncovered is no dearer than one covered (ties: the earlier line first)
            for (int j = 0; j < n; j++) {
                if (j != i && t.appliesTo(lines.get(j).sku()) && left[j] > 0 && a.units()[j] < free[j]
                        && !(fixed && left[j] / free[j] <= t.value())) {
                    long other = left[j] / free[j];
                    assertTrue(w + " line " + j + " (unit " + other + ") left for line " + i + " (unit " + unit + ")",
                        unit > other || (unit == other && i < j));
                }
            }
        }
    }

    /**
     * A refusal of random carts: the coupons before the refused one price alone, and the refused one is refused for
     * the reason the lines give just before it.
     */
    private static void checkRefusal(String what, List<Line> lines, boolean level, List<Terms> coupons, TesseraException e) {
        List<Terms> ordered = applicationOrder(coupons);
        List<Applied> before = List.of();
        int k = 0;
        for (; k < ordered.size(); k++) {
            try {
                before = CouponPricing.price(lines, level, ordered.subList(0, k + 1));
            } catch (TesseraException f) {
                assertEquals(what + " prefix " + (k + 1), e.getCode(), f.getCode());
                break;
            }
        }
        assertTrue(what + ": every prefix priced", k < ordered.size());
        Terms t = ordered.get(k);
        int n = lines.size();
        long[] left = new long[n];
        for (int i = 0; i < n; i++) {
            left[i] = lines.get(i).payable();
        }
        for (Applied a : before) {
            for (int i = 0; i < n; i++) {
                left[i] -= a.perLine()[i];
            }
        }
        boolean inScope = false;
        long base = 0;
        for (int i = 0; i < n; i++) {
            if (t.appliesTo(lines.get(i).sku())) {
                inScope = true;
                base += left[i];
            }
        }
        String expected = !inScope ? CouponErrors.COUPON_PRODUCT_NOT_IN_SCOPE.code()
            : t.minSpend() > 0 && base < t.minSpend() ? CouponErrors.COUPON_BELOW_MINIMUM_SPEND.code()
            : CouponErrors.COUPON_NOT_APPLICABLE.code();
        assertEquals(what + " refusing " + t.couponNo(), expected, e.getCode());
        if (expected.equals(CouponErrors.COUPON_NOT_APPLICABLE.code())) {
            long takes = switch (t.kind()) {
                case CASH, THRESHOLD -> Math.min(t.value(), base);
                case DISCOUNT -> t.cap() == null ? base - payHalfUp(base, t.rate()) : Math.min(t.cap(), base - payHalfUp(base, t.rate()));
                case EXCHANGE, SINGLE_ITEM -> 0; // checked by the priced carts' rule
            };
            assertEquals(what + " refusing " + t.couponNo() + " that takes something", 0, takes);
        }
        assertNotNull(e.getMessage());
    }

    @Test
    public void randomCheckerSeesAKnownViolation() {
        // the checker itself: a forged split that takes a line below zero fails it
        List<Line> lines = List.of(line("A", 1, 100));
        Terms c = cash("c", 200);
        Applied forged = new Applied(c, 200, fen(200), fen(100), fen(0));
        try {
            checkPriced("forged", lines, List.of(c), List.of(forged));
        } catch (AssertionError expected) {
            return;
        }
        fail("the checker let a line go below zero");
    }
}
