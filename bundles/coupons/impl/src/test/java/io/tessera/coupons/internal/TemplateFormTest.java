package io.tessera.coupons.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.RedeemChannel;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.Scope;
import io.tessera.coupons.api.SingleItemMode;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.TesseraException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.Test;

/**
 * {@link TemplateForm}: what each kind of template needs, what it refuses (each refusal with its catalogue code and
 * the field it names), the defaults it fills in, and which changes count as money changes.
 */
public class TemplateFormTest {

    private static final String INVALID = "COUPON_TEMPLATE_INVALID";
    private static final String AMOUNT_INVALID = "AMOUNT_INVALID";
    private static final String REQUIRED = "FIELD_REQUIRED";
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);

    // ---- requests -----------------------------------------------------------------------------------------

    /** A request of the kind that passes as it is: FIXED validity, and what the kind needs. */
    private static Requests.TemplateRequest valid(CouponKind kind) {
        Requests.TemplateRequest r = new Requests.TemplateRequest();
        r.name = "券 " + kind;
        r.kind = kind;
        r.validity = CouponTemplate.Validity.FIXED;
        r.validFrom = FROM;
        r.validTo = TO;
        switch (kind) {
            case CASH -> r.value = money("10.00");
            case THRESHOLD -> {
                r.value = money("20.00");
                r.minSpend = money("100.00");
            }
            case SINGLE_ITEM -> {
                r.value = money("5.00");
                r.skus = new ArrayList<>(List.of("SKU-1"));
            }
            case EXCHANGE -> r.skus = new ArrayList<>(List.of("SKU-1"));
            case DISCOUNT -> r.discountRate = new BigDecimal("0.85");
        }
        return r;
    }

    private static Requests.TemplateRequest valid(CouponKind kind, Consumer<Requests.TemplateRequest> change) {
        Requests.TemplateRequest r = valid(kind);
        change.accept(r);
        return r;
    }

    private static Requests.TemplateRequest relative(CouponKind kind, Consumer<Requests.TemplateRequest> change) {
        Requests.TemplateRequest r = valid(kind);
        r.validity = CouponTemplate.Validity.RELATIVE;
        r.validFrom = null;
        r.validTo = null;
        r.validDays = 30;
        change.accept(r);
        return r;
    }

    private static Money money(String text) {
        return Money.parse(text);
    }

    private static TemplateEntity applied(Requests.TemplateRequest r) {
        TemplateEntity e = new TemplateEntity();
        TemplateForm.apply(r, e);
        return e;
    }

    /** The request is refused with exactly this code, naming exactly this field. */
    private static void assertRefused(String code, String field, Requests.TemplateRequest r) {
        assertRefused(code, field, r, new TemplateEntity());
    }

    private static void assertRefused(String code, String field, Requests.TemplateRequest r, TemplateEntity e) {
        try {
            TemplateForm.apply(r, e);
            fail("expected " + code + " at " + field);
        } catch (TesseraException refused) {
            assertEquals(refused.getMessage(), code, refused.getCode());
            assertEquals(refused.getMessage(), field, refused.getField());
        }
    }

    // ---- every request ------------------------------------------------------------------------------------

    @Test
    public void aRequestNeedsABodyANameAKindAndAValidity() {
        assertRefused(REQUIRED, "body", null);
        assertRefused(REQUIRED, "name", valid(CouponKind.CASH, r -> r.name = null));
        assertRefused(REQUIRED, "name", valid(CouponKind.CASH, r -> r.name = "   "));
        assertRefused("FIELD_TOO_LONG", "name", valid(CouponKind.CASH, r -> r.name = "券".repeat(101)));
        assertRefused("FIELD_TOO_LONG", "description", valid(CouponKind.CASH, r -> r.description = "x".repeat(501)));
        assertRefused(REQUIRED, "kind", valid(CouponKind.CASH, r -> r.kind = null));
        assertRefused(REQUIRED, "validity", valid(CouponKind.CASH, r -> r.validity = null));
        TemplateEntity e = applied(valid(CouponKind.CASH, r -> {
            r.name = "  十元券  ";
            r.description = "  ";
        }));
        assertEquals("十元券", e.name);
        assertNull(e.description);
        assertEquals("券".repeat(100), applied(valid(CouponKind.CASH, r -> r.name = "券".repeat(100))).name);
    }

    // ---- CASH, THRESHOLD ----------------------------------------------------------------------------------

    @Test
    public void cashAndThresholdNeedAPositiveValue() {
        for (CouponKind kind : List.of(CouponKind.CASH, CouponKind.THRESHOLD)) {
            assertRefused(REQUIRED, "value", valid(kind, r -> r.value = null));
            assertRefused(AMOUNT_INVALID, "value", valid(kind, r -> r.value = Money.ZERO));
            assertRefused(AMOUNT_INVALID, "value", valid(kind, r -> r.value = money("-1.00")));
        }
        TemplateEntity cash = applied(valid(CouponKind.CASH, r -> r.value = money("0.01")));
        assertEquals("CASH", cash.kind);
        assertEquals(0, new BigDecimal("0.01").compareTo(cash.value));
        assertNull(cash.singleMode);
        assertNull(cash.rate);
        assertNull(cash.cap);
        assertEquals(0, BigDecimal.ZERO.compareTo(cash.minSpend));
    }

    @Test
    public void aThresholdNeedsAMinimumSpendAboveZeroAndNotBelowItsValue() {
        assertRefused(INVALID, "minSpend", valid(CouponKind.THRESHOLD, r -> r.minSpend = null));
        assertRefused(INVALID, "minSpend", valid(CouponKind.THRESHOLD, r -> r.minSpend = Money.ZERO));
        assertRefused(AMOUNT_INVALID, "minSpend", valid(CouponKind.THRESHOLD, r -> r.minSpend = money("-100.00")));
        assertRefused(INVALID, "value", valid(CouponKind.THRESHOLD, r -> r.minSpend = money("19.99")));
        TemplateEntity equal = applied(valid(CouponKind.THRESHOLD, r -> r.minSpend = money("20.00")));
        assertEquals(0, new BigDecimal("20.00").compareTo(equal.minSpend));
        TemplateEntity usual = applied(valid(CouponKind.THRESHOLD));
        assertEquals(0, new BigDecimal("20.00").compareTo(usual.value));
        assertEquals(0, new BigDecimal("100.00").compareTo(usual.minSpend));
    }

    @Test
    public void anyKindMayHaveAMinimumSpendButNotANegativeOne() {
        for (CouponKind kind : CouponKind.values()) {
            TemplateEntity e = applied(valid(kind, r -> r.minSpend = money("200.00")));
            assertEquals(kind.name(), 0, new BigDecimal("200.00").compareTo(e.minSpend));
        }
        assertRefused(AMOUNT_INVALID, "minSpend", valid(CouponKind.CASH, r -> r.minSpend = money("-0.01")));
        assertRefused(AMOUNT_INVALID, "minSpend", valid(CouponKind.DISCOUNT, r -> r.minSpend = money("-0.01")));
    }

    // ---- SINGLE_ITEM, EXCHANGE ----------------------------------------------------------------------------

    @Test
    public void aSingleItemAmountOffNeedsAValueAboveZero() {
        assertRefused(REQUIRED, "value", valid(CouponKind.SINGLE_ITEM, r -> r.value = null));
        assertRefused(AMOUNT_INVALID, "value", valid(CouponKind.SINGLE_ITEM, r -> r.value = Money.ZERO));
        assertRefused(AMOUNT_INVALID, "value", valid(CouponKind.SINGLE_ITEM, r -> {
            r.singleItemMode = SingleItemMode.AMOUNT_OFF;
            r.value = money("-3.00");
        }));
        TemplateEntity e = applied(valid(CouponKind.SINGLE_ITEM));
        assertEquals("AMOUNT_OFF", e.singleMode); // the default mode
        assertEquals(0, new BigDecimal("5.00").compareTo(e.value));
    }

    @Test
    public void aSingleItemFixedPriceMayBeZeroButNotNegative() {
        assertRefused(REQUIRED, "value", valid(CouponKind.SINGLE_ITEM, r -> {
            r.singleItemMode = SingleItemMode.FIXED_PRICE;
            r.value = null;
        }));
        assertRefused(AMOUNT_INVALID, "value", valid(CouponKind.SINGLE_ITEM, r -> {
            r.singleItemMode = SingleItemMode.FIXED_PRICE;
            r.value = money("-0.01");
        }));
        TemplateEntity free = applied(valid(CouponKind.SINGLE_ITEM, r -> {
            r.singleItemMode = SingleItemMode.FIXED_PRICE;
            r.value = Money.ZERO;
        }));
        assertEquals("FIXED_PRICE", free.singleMode);
        assertEquals(0, BigDecimal.ZERO.compareTo(free.value));
        TemplateEntity nine = applied(valid(CouponKind.SINGLE_ITEM, r -> {
            r.singleItemMode = SingleItemMode.FIXED_PRICE;
            r.value = money("9.90");
        }));
        assertEquals(0, new BigDecimal("9.90").compareTo(nine.value));
    }

    @Test
    public void singleItemAndExchangeNameTheirItems() {
        for (CouponKind kind : List.of(CouponKind.SINGLE_ITEM, CouponKind.EXCHANGE)) {
            assertRefused(INVALID, "skus", valid(kind, r -> r.skus = null));
            assertRefused(INVALID, "skus", valid(kind, r -> r.skus = List.of()));
            assertRefused(INVALID, "skus", valid(kind, r -> {
                r.productScope = Scope.LISTED;
                r.skus = null;
            }));
            assertRefused(INVALID, "productScope", valid(kind, r -> r.productScope = Scope.ALL));
            assertRefused(INVALID, "productScope", valid(kind, r -> r.productScope = Scope.EXCLUDED));
            TemplateEntity e = new TemplateEntity();
            TemplateForm.Lists lists = TemplateForm.apply(valid(kind), e);
            assertEquals(kind.name(), "LISTED", e.productScope); // their default
            assertEquals(List.of("SKU-1"), lists.skus());
        }
    }

    @Test
    public void anExchangeCouponHasNoValueRateOrCap() {
        TemplateEntity e = applied(valid(CouponKind.EXCHANGE, r -> r.maxUnits = 3));
        assertEquals("EXCHANGE", e.kind);
        assertNull(e.value);
        assertNull(e.singleMode);
        assertNull(e.rate);
        assertNull(e.cap);
        assertEquals(3, e.maxUnits);
        assertRefused(INVALID, "discountCap", valid(CouponKind.EXCHANGE, r -> r.discountCap = money("5.00")));
    }

    // ---- DISCOUNT -----------------------------------------------------------------------------------------

    @Test
    public void aDiscountRateIsAboveZeroBelowOneWithAtMostFourDecimals() {
        assertRefused(REQUIRED, "discountRate", valid(CouponKind.DISCOUNT, r -> r.discountRate = null));
        for (String wrong : List.of("0", "0.0000", "-0.5", "1", "1.0000", "1.2", "0.12345", "0.99999")) {
            assertRefused(INVALID, "discountRate", valid(CouponKind.DISCOUNT, r -> r.discountRate = new BigDecimal(wrong)));
        }
        for (String right : List.of("0.0001", "0.85", "0.9999", "0.1234", "0.500000")) {
            TemplateEntity e = applied(valid(CouponKind.DISCOUNT, r -> r.discountRate = new BigDecimal(right)));
            assertEquals(right, 0, new BigDecimal(right).compareTo(e.rate));
            assertEquals(right, 4, e.rate.scale()); // the column's scale
        }
        TemplateEntity e = applied(valid(CouponKind.DISCOUNT));
        assertNull(e.value);
        assertNull(e.cap);
        assertNull(e.singleMode);
    }

    @Test
    public void onlyADiscountHasACapAndItIsAboveZero() {
        TemplateEntity e = applied(valid(CouponKind.DISCOUNT, r -> r.discountCap = money("50.00")));
        assertEquals(0, new BigDecimal("50.00").compareTo(e.cap));
        assertRefused(AMOUNT_INVALID, "discountCap", valid(CouponKind.DISCOUNT, r -> r.discountCap = Money.ZERO));
        assertRefused(AMOUNT_INVALID, "discountCap", valid(CouponKind.DISCOUNT, r -> r.discountCap = money("-1.00")));
        for (CouponKind kind : List.of(CouponKind.CASH, CouponKind.THRESHOLD, CouponKind.SINGLE_ITEM, CouponKind.EXCHANGE)) {
            assertRefused(INVALID, "discountCap", valid(kind, r -> r.discountCap = money("50.00")));
        }
    }

    // ---- units --------------------------------------------------------------------------------------------

    @Test
    public void unitsAreOneToNinetyNine() {
        for (CouponKind kind : List.of(CouponKind.SINGLE_ITEM, CouponKind.EXCHANGE)) {
            assertRefused(INVALID, "maxUnits", valid(kind, r -> r.maxUnits = 0));
            assertRefused(INVALID, "maxUnits", valid(kind, r -> r.maxUnits = -1));
            assertRefused(INVALID, "maxUnits", valid(kind, r -> r.maxUnits = 100));
            assertEquals(1, applied(valid(kind, r -> r.maxUnits = 1)).maxUnits);
            assertEquals(99, applied(valid(kind, r -> r.maxUnits = 99)).maxUnits);
        }
    }

    @Test
    public void unitsAreForSingleItemAndExchangeOnly() {
        for (CouponKind kind : List.of(CouponKind.CASH, CouponKind.THRESHOLD, CouponKind.DISCOUNT)) {
            assertRefused(INVALID, "maxUnits", valid(kind, r -> r.maxUnits = 2));
            assertRefused(INVALID, "maxUnits", valid(kind, r -> r.maxUnits = 0));
            assertEquals(kind.name(), 1, applied(valid(kind)).maxUnits);
        }
    }

    // ---- stores -------------------------------------------------------------------------------------------

    @Test
    public void listedStoresNameStoresOrFormats() {
        assertRefused(INVALID, "storeIds", valid(CouponKind.CASH, r -> r.storeScope = Scope.LISTED));
        assertRefused(INVALID, "storeIds", valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.LISTED;
            r.storeIds = List.of();
            r.formatCodes = List.of();
        }));
        TemplateEntity byStore = new TemplateEntity();
        TemplateForm.Lists stores = TemplateForm.apply(valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.LISTED;
            r.storeIds = List.of(101L, 102L, 101L);
        }), byStore);
        assertEquals("LISTED", byStore.storeScope);
        assertEquals(List.of(101L, 102L), stores.storeIds());
        assertEquals(List.of(), stores.formatCodes());
        TemplateEntity byFormat = new TemplateEntity();
        TemplateForm.Lists formats = TemplateForm.apply(valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.LISTED;
            r.formatCodes = List.of("pharmacy", " PHARMACY ", "Clinic");
        }), byFormat);
        assertEquals("LISTED", byFormat.storeScope);
        assertEquals(List.of(), formats.storeIds());
        assertEquals(List.of("PHARMACY", "CLINIC"), formats.formatCodes());
    }

    @Test
    public void allStoresListNothingAndStoresAreNeverExcluded() {
        assertRefused(INVALID, "storeScope", valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.ALL;
            r.storeIds = List.of(101L);
        }));
        assertRefused(INVALID, "storeScope", valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.ALL;
            r.formatCodes = List.of("PHARMACY");
        }));
        // no scope is ALL: lists without a scope are refused the same way
        assertRefused(INVALID, "storeScope", valid(CouponKind.CASH, r -> r.storeIds = List.of(101L)));
        assertRefused(INVALID, "storeScope", valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.EXCLUDED;
            r.storeIds = List.of(101L);
        }));
        assertRefused(INVALID, "storeScope", valid(CouponKind.CASH, r -> r.storeScope = Scope.EXCLUDED));
        assertEquals("ALL", applied(valid(CouponKind.CASH)).storeScope);
    }

    @Test
    public void storeListsHaveNoGapsAndAreBounded() {
        assertRefused(REQUIRED, "storeIds[1]", valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.LISTED;
            r.storeIds = Arrays.asList(101L, null);
        }));
        assertRefused(REQUIRED, "formatCodes[1]", valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.LISTED;
            r.formatCodes = List.of("PHARMACY", " ");
        }));
        List<Long> many = new ArrayList<>();
        for (long i = 1; i <= TemplateForm.MAX_STORES + 1; i++) {
            many.add(i);
        }
        assertRefused(INVALID, "storeIds", valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.LISTED;
            r.storeIds = many;
        }));
        List<String> formats = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            formats.add("F" + i);
        }
        assertRefused(INVALID, "formatCodes", valid(CouponKind.CASH, r -> {
            r.storeScope = Scope.LISTED;
            r.formatCodes = formats;
        }));
    }

    // ---- products -----------------------------------------------------------------------------------------

    @Test
    public void listedOrExcludedProductsNameAtLeastOneSku() {
        for (Scope scope : List.of(Scope.LISTED, Scope.EXCLUDED)) {
            assertRefused(INVALID, "skus", valid(CouponKind.CASH, r -> r.productScope = scope));
            assertRefused(INVALID, "skus", valid(CouponKind.DISCOUNT, r -> {
                r.productScope = scope;
                r.skus = List.of();
            }));
            TemplateEntity e = new TemplateEntity();
            TemplateForm.Lists lists = TemplateForm.apply(valid(CouponKind.THRESHOLD, r -> {
                r.productScope = scope;
                r.skus = List.of(" A-1 ", "B-2", "A-1");
            }), e);
            assertEquals(scope.name(), e.productScope);
            assertEquals(List.of("A-1", "B-2"), lists.skus());
        }
    }

    @Test
    public void allProductsListNoSkus() {
        assertRefused(INVALID, "productScope", valid(CouponKind.CASH, r -> {
            r.productScope = Scope.ALL;
            r.skus = List.of("A-1");
        }));
        // CASH, THRESHOLD and DISCOUNT default to ALL: skus without a scope are refused
        assertRefused(INVALID, "productScope", valid(CouponKind.DISCOUNT, r -> r.skus = List.of("A-1")));
        for (CouponKind kind : List.of(CouponKind.CASH, CouponKind.THRESHOLD, CouponKind.DISCOUNT)) {
            assertEquals(kind.name(), "ALL", applied(valid(kind)).productScope);
        }
    }

    @Test
    public void skuListsAreBoundedAndHaveNoBlanks() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= TemplateForm.MAX_SKUS; i++) {
            many.add("SKU-" + i);
        }
        assertRefused(INVALID, "skus", valid(CouponKind.SINGLE_ITEM, r -> r.skus = many));
        assertRefused(REQUIRED, "skus[1]", valid(CouponKind.SINGLE_ITEM, r -> r.skus = List.of("A", "")));
        assertRefused(REQUIRED, "skus[0]", valid(CouponKind.SINGLE_ITEM, r -> r.skus = Arrays.asList((String) null)));
        assertRefused("FIELD_TOO_LONG", "skus", valid(CouponKind.SINGLE_ITEM, r -> r.skus = List.of("S".repeat(65))));
        List<String> most = new ArrayList<>(many.subList(0, TemplateForm.MAX_SKUS));
        TemplateEntity e = new TemplateEntity();
        assertEquals(TemplateForm.MAX_SKUS, TemplateForm.apply(valid(CouponKind.SINGLE_ITEM, r -> r.skus = most), e).skus().size());
    }

    // ---- validity -----------------------------------------------------------------------------------------

    @Test
    public void fixedValidityNeedsItsDatesInOrder() {
        assertRefused(REQUIRED, "validFrom", valid(CouponKind.CASH, r -> r.validFrom = null));
        assertRefused(REQUIRED, "validTo", valid(CouponKind.CASH, r -> r.validTo = null));
        assertRefused("DATE_RANGE_INVALID", "validTo", valid(CouponKind.CASH, r -> r.validTo = FROM.minusDays(1)));
        TemplateEntity oneDay = applied(valid(CouponKind.CASH, r -> r.validTo = FROM));
        assertEquals(FROM, oneDay.validFrom);
        assertEquals(FROM, oneDay.validTo);
        TemplateEntity e = applied(valid(CouponKind.CASH));
        assertEquals("FIXED", e.validity);
        assertEquals(FROM, e.validFrom);
        assertEquals(TO, e.validTo);
        assertNull(e.validDays);
        assertEquals(0, e.startDelayDays);
    }

    @Test
    public void fixedValidityRefusesDays() {
        assertRefused(INVALID, "validDays", valid(CouponKind.CASH, r -> r.validDays = 30));
        assertRefused(INVALID, "validDays", valid(CouponKind.CASH, r -> {
            r.validDays = 30;
            r.startDelayDays = 1;
        }));
        TemplateEntity e = new TemplateEntity();
        try {
            TemplateForm.apply(valid(CouponKind.CASH, r -> r.startDelayDays = 3), e);
            fail("a FIXED validity with a start delay is refused");
        } catch (TesseraException refused) {
            assertEquals(INVALID, refused.getCode());
        }
    }

    /** The form says each refusal names its field: here the request set only startDelayDays. */
    @Test
    public void fixedValidityRefusingAStartDelayNamesStartDelayDays() {
        assertRefused(INVALID, "startDelayDays", valid(CouponKind.CASH, r -> r.startDelayDays = 3));
    }

    @Test
    public void relativeValidityNeedsOneToThreeThousandSixHundredFiftyDays() {
        assertRefused(REQUIRED, "validDays", relative(CouponKind.CASH, r -> r.validDays = null));
        assertRefused(INVALID, "validDays", relative(CouponKind.CASH, r -> r.validDays = 0));
        assertRefused(INVALID, "validDays", relative(CouponKind.CASH, r -> r.validDays = -1));
        assertRefused(INVALID, "validDays", relative(CouponKind.CASH, r -> r.validDays = 3651));
        assertEquals(Integer.valueOf(1), applied(relative(CouponKind.CASH, r -> r.validDays = 1)).validDays);
        assertEquals(Integer.valueOf(3650), applied(relative(CouponKind.CASH, r -> r.validDays = 3650)).validDays);
    }

    @Test
    public void relativeValidityMayStartZeroToThreeHundredSixtyFiveDaysLater() {
        assertRefused(INVALID, "startDelayDays", relative(CouponKind.CASH, r -> r.startDelayDays = -1));
        assertRefused(INVALID, "startDelayDays", relative(CouponKind.CASH, r -> r.startDelayDays = 366));
        assertEquals(0, applied(relative(CouponKind.CASH, r -> r.startDelayDays = null)).startDelayDays);
        assertEquals(0, applied(relative(CouponKind.CASH, r -> r.startDelayDays = 0)).startDelayDays);
        assertEquals(365, applied(relative(CouponKind.CASH, r -> r.startDelayDays = 365)).startDelayDays);
        TemplateEntity e = applied(relative(CouponKind.CASH, r -> r.startDelayDays = 7));
        assertEquals("RELATIVE", e.validity);
        assertEquals(Integer.valueOf(30), e.validDays);
        assertEquals(7, e.startDelayDays);
        assertNull(e.validFrom);
        assertNull(e.validTo);
    }

    @Test
    public void relativeValidityRefusesDates() {
        assertRefused(INVALID, "validFrom", relative(CouponKind.CASH, r -> r.validFrom = FROM));
        assertRefused(INVALID, "validFrom", relative(CouponKind.CASH, r -> {
            r.validFrom = FROM;
            r.validTo = TO;
        }));
        TemplateEntity e = new TemplateEntity();
        try {
            TemplateForm.apply(relative(CouponKind.CASH, r -> r.validTo = TO), e);
            fail("a RELATIVE validity with a last day is refused");
        } catch (TesseraException refused) {
            assertEquals(INVALID, refused.getCode());
        }
    }

    /** The form says each refusal names its field: here the request set only validTo. */
    @Test
    public void relativeValidityRefusingALastDayNamesValidTo() {
        assertRefused(INVALID, "validTo", relative(CouponKind.CASH, r -> r.validTo = TO));
    }

    @Test
    public void aTemplateChangingItsValidityKeepsNothingOfTheOther() {
        TemplateEntity e = new TemplateEntity();
        TemplateForm.apply(relative(CouponKind.CASH, r -> r.startDelayDays = 5), e);
        TemplateForm.apply(valid(CouponKind.CASH), e);
        assertEquals("FIXED", e.validity);
        assertNull(e.validDays);
        assertEquals(0, e.startDelayDays);
        assertEquals(FROM, e.validFrom);
        TemplateForm.apply(relative(CouponKind.CASH, r -> { }), e);
        assertEquals("RELATIVE", e.validity);
        assertNull(e.validFrom);
        assertNull(e.validTo);
    }

    // ---- stock, limits, points ----------------------------------------------------------------------------

    @Test
    public void aStockIsAtLeastOne() {
        assertRefused(INVALID, "stock", valid(CouponKind.CASH, r -> r.stock = 0L));
        assertRefused(INVALID, "stock", valid(CouponKind.CASH, r -> r.stock = -5L));
        assertEquals(Long.valueOf(1), applied(valid(CouponKind.CASH, r -> r.stock = 1L)).stock);
        assertNull(applied(valid(CouponKind.CASH)).stock); // no limit
    }

    @Test
    public void aStockIsNeverBelowWhatIsIssued() {
        TemplateEntity issued = new TemplateEntity();
        issued.issued = 40;
        assertRefused(INVALID, "stock", valid(CouponKind.CASH, r -> r.stock = 39L), issued);
        TemplateEntity same = new TemplateEntity();
        same.issued = 40;
        TemplateForm.apply(valid(CouponKind.CASH, r -> r.stock = 40L), same);
        assertEquals(Long.valueOf(40), same.stock);
        TemplateEntity unlimited = new TemplateEntity();
        unlimited.issued = 40;
        TemplateForm.apply(valid(CouponKind.CASH), unlimited);
        assertNull(unlimited.stock);
    }

    @Test
    public void limitsAreAtLeastOne() {
        assertRefused(INVALID, "perMemberLimit", valid(CouponKind.CASH, r -> r.perMemberLimit = 0));
        assertRefused(INVALID, "perMemberLimit", valid(CouponKind.CASH, r -> r.perMemberLimit = -1));
        assertRefused(INVALID, "perDayLimit", valid(CouponKind.CASH, r -> r.perDayLimit = 0));
        assertRefused(INVALID, "perDayLimit", valid(CouponKind.CASH, r -> r.perDayLimit = -1));
        TemplateEntity e = applied(valid(CouponKind.CASH, r -> {
            r.perMemberLimit = 1;
            r.perDayLimit = 1;
        }));
        assertEquals(Integer.valueOf(1), e.perMemberLimit);
        assertEquals(Integer.valueOf(1), e.perDayLimit);
        TemplateEntity none = applied(valid(CouponKind.CASH));
        assertNull(none.perMemberLimit);
        assertNull(none.perDayLimit);
    }

    @Test
    public void aCouponInThePointsMallHasAPointsPrice() {
        assertRefused(INVALID, "pointsPrice", valid(CouponKind.CASH, r -> r.pointsExchangeable = true));
        assertRefused(INVALID, "pointsPrice", valid(CouponKind.CASH, r -> {
            r.pointsExchangeable = true;
            r.pointsPrice = 0L;
        }));
        TemplateEntity e = applied(valid(CouponKind.CASH, r -> {
            r.pointsExchangeable = true;
            r.pointsPrice = 1L;
        }));
        assertTrue(e.pointsExchangeable);
        assertEquals(Long.valueOf(1), e.pointsPrice);
        TemplateEntity notListed = applied(valid(CouponKind.CASH, r -> {
            r.pointsExchangeable = false;
            r.pointsPrice = 500L;
        }));
        assertFalse(notListed.pointsExchangeable);
        assertNull(notListed.pointsPrice);
    }

    // ---- defaults, channels, stacking ---------------------------------------------------------------------

    @Test
    public void defaults() {
        for (CouponKind kind : CouponKind.values()) {
            TemplateEntity e = applied(valid(kind));
            assertEquals(kind.name(), "POS,PAYMENT_CODE,MINI_PROGRAM,TERMINAL", e.channels);
            assertEquals(kind.name(), "", e.stackKinds);
            assertTrue(kind.name(), e.stackWithLevel);
            assertEquals(kind.name(), 1, e.maxUnits);
            assertFalse(kind.name(), e.giftable);
            assertFalse(kind.name(), e.pointsExchangeable);
            assertEquals(kind.name(), "ALL", e.storeScope);
            assertEquals(kind.name(), kind == CouponKind.SINGLE_ITEM || kind == CouponKind.EXCHANGE ? "LISTED" : "ALL", e.productScope);
        }
        TemplateEntity emptyLists = applied(valid(CouponKind.CASH, r -> {
            r.channels = List.of();
            r.stackKinds = List.of();
        }));
        assertEquals("POS,PAYMENT_CODE,MINI_PROGRAM,TERMINAL", emptyLists.channels);
        assertEquals("", emptyLists.stackKinds);
    }

    @Test
    public void channelsAndStackingAsGiven() {
        TemplateEntity e = applied(valid(CouponKind.CASH, r -> {
            r.channels = List.of(RedeemChannel.MINI_PROGRAM, RedeemChannel.POS, RedeemChannel.POS);
            r.stackKinds = List.of(CouponKind.DISCOUNT, CouponKind.CASH, CouponKind.DISCOUNT);
            r.stackWithLevel = false;
            r.giftable = true;
        }));
        assertEquals("POS,MINI_PROGRAM", e.channels);
        assertEquals("CASH,DISCOUNT", e.stackKinds);
        assertFalse(e.stackWithLevel);
        assertTrue(e.giftable);
        assertTrue(applied(valid(CouponKind.CASH, r -> r.stackWithLevel = true)).stackWithLevel);
        assertRefused(REQUIRED, "channels[1]", valid(CouponKind.CASH, r -> r.channels = Arrays.asList(RedeemChannel.POS, null)));
        assertRefused(REQUIRED, "stackKinds[0]", valid(CouponKind.CASH, r -> r.stackKinds = Arrays.asList((CouponKind) null)));
    }

    @Test
    public void aKindChangeLeavesNothingOfTheOldKind() {
        TemplateEntity e = new TemplateEntity();
        TemplateForm.apply(valid(CouponKind.DISCOUNT, r -> r.discountCap = money("30.00")), e);
        TemplateForm.apply(valid(CouponKind.CASH), e);
        assertEquals("CASH", e.kind);
        assertNull(e.rate);
        assertNull(e.cap);
        TemplateForm.apply(valid(CouponKind.SINGLE_ITEM), e);
        TemplateForm.apply(valid(CouponKind.EXCHANGE), e);
        assertNull(e.value);
        assertNull(e.singleMode);
    }

    // ---- moneyChange --------------------------------------------------------------------------------------

    private static TemplateEntity terms(Requests.TemplateRequest r) {
        return applied(r);
    }

    @Test
    public void theSameTermsAreNoMoneyChange() {
        assertNull(TemplateForm.moneyChange(terms(valid(CouponKind.THRESHOLD)), terms(valid(CouponKind.THRESHOLD))));
        assertNull(TemplateForm.moneyChange(terms(valid(CouponKind.DISCOUNT, r -> r.discountCap = money("5.00"))),
                terms(valid(CouponKind.DISCOUNT, r -> r.discountCap = money("5.00")))));
        assertNull(TemplateForm.moneyChange(terms(valid(CouponKind.EXCHANGE, r -> r.maxUnits = 2)),
                terms(valid(CouponKind.EXCHANGE, r -> r.maxUnits = 2))));
        // the same amount at another scale (as read back from the database) is the same
        TemplateEntity before = terms(valid(CouponKind.CASH));
        TemplateEntity after = terms(valid(CouponKind.CASH));
        before.value = new BigDecimal("10");
        after.value = new BigDecimal("10.00");
        before.minSpend = new BigDecimal("0.00");
        after.minSpend = BigDecimal.ZERO;
        assertNull(TemplateForm.moneyChange(before, after));
        TemplateEntity d1 = terms(valid(CouponKind.DISCOUNT));
        TemplateEntity d2 = terms(valid(CouponKind.DISCOUNT));
        d2.rate = new BigDecimal("0.85");
        assertNull(TemplateForm.moneyChange(d1, d2));
    }

    @Test
    public void listsLimitsStockAndNamesAreNoMoneyChange() {
        TemplateEntity before = terms(valid(CouponKind.THRESHOLD));
        TemplateEntity after = terms(valid(CouponKind.THRESHOLD, r -> {
            r.name = "另一个名字";
            r.description = "说明";
            r.storeScope = Scope.LISTED;
            r.storeIds = List.of(101L);
            r.productScope = Scope.EXCLUDED;
            r.skus = List.of("X");
            r.stock = 500L;
            r.perMemberLimit = 2;
            r.perDayLimit = 1;
            r.giftable = true;
            r.channels = List.of(RedeemChannel.POS);
            r.stackKinds = List.of(CouponKind.CASH);
            r.stackWithLevel = false;
            r.validTo = TO.plusYears(1);
        }));
        assertNull(TemplateForm.moneyChange(before, after));
    }

    @Test
    public void eachMoneyFieldIsNamed() {
        assertEquals("kind", TemplateForm.moneyChange(terms(valid(CouponKind.CASH)), terms(valid(CouponKind.DISCOUNT))));
        assertEquals("value", TemplateForm.moneyChange(terms(valid(CouponKind.CASH)),
                terms(valid(CouponKind.CASH, r -> r.value = money("10.01")))));
        assertEquals("singleItemMode", TemplateForm.moneyChange(terms(valid(CouponKind.SINGLE_ITEM)),
                terms(valid(CouponKind.SINGLE_ITEM, r -> r.singleItemMode = SingleItemMode.FIXED_PRICE))));
        assertEquals("discountRate", TemplateForm.moneyChange(terms(valid(CouponKind.DISCOUNT)),
                terms(valid(CouponKind.DISCOUNT, r -> r.discountRate = new BigDecimal("0.8")))));
        assertEquals("discountCap", TemplateForm.moneyChange(terms(valid(CouponKind.DISCOUNT)),
                terms(valid(CouponKind.DISCOUNT, r -> r.discountCap = money("20.00")))));
        assertEquals("discountCap", TemplateForm.moneyChange(terms(valid(CouponKind.DISCOUNT, r -> r.discountCap = money("20.00"))),
                terms(valid(CouponKind.DISCOUNT))));
        assertEquals("discountCap", TemplateForm.moneyChange(terms(valid(CouponKind.DISCOUNT, r -> r.discountCap = money("20.00"))),
                terms(valid(CouponKind.DISCOUNT, r -> r.discountCap = money("20.01")))));
        assertEquals("minSpend", TemplateForm.moneyChange(terms(valid(CouponKind.CASH)),
                terms(valid(CouponKind.CASH, r -> r.minSpend = money("50.00")))));
        assertEquals("minSpend", TemplateForm.moneyChange(terms(valid(CouponKind.THRESHOLD)),
                terms(valid(CouponKind.THRESHOLD, r -> r.minSpend = money("99.99")))));
        assertEquals("maxUnits", TemplateForm.moneyChange(terms(valid(CouponKind.EXCHANGE)),
                terms(valid(CouponKind.EXCHANGE, r -> r.maxUnits = 2))));
    }

    @Test
    public void theFirstChangedMoneyFieldIsNamed() {
        // kind, value, singleItemMode, discountRate, discountCap, minSpend, maxUnits
        assertEquals("kind", TemplateForm.moneyChange(terms(valid(CouponKind.CASH)),
                terms(valid(CouponKind.THRESHOLD, r -> r.value = money("30.00")))));
        assertEquals("value", TemplateForm.moneyChange(terms(valid(CouponKind.THRESHOLD)),
                terms(valid(CouponKind.THRESHOLD, r -> {
                    r.value = money("30.00");
                    r.minSpend = money("300.00");
                }))));
        assertEquals("value", TemplateForm.moneyChange(terms(valid(CouponKind.SINGLE_ITEM)),
                terms(valid(CouponKind.SINGLE_ITEM, r -> {
                    r.value = money("1.00");
                    r.singleItemMode = SingleItemMode.FIXED_PRICE;
                    r.maxUnits = 3;
                }))));
        assertEquals("singleItemMode", TemplateForm.moneyChange(terms(valid(CouponKind.SINGLE_ITEM)),
                terms(valid(CouponKind.SINGLE_ITEM, r -> {
                    r.singleItemMode = SingleItemMode.FIXED_PRICE;
                    r.minSpend = money("10.00");
                }))));
        assertEquals("discountRate", TemplateForm.moneyChange(terms(valid(CouponKind.DISCOUNT)),
                terms(valid(CouponKind.DISCOUNT, r -> {
                    r.discountRate = new BigDecimal("0.9");
                    r.discountCap = money("10.00");
                    r.minSpend = money("10.00");
                }))));
        assertEquals("discountCap", TemplateForm.moneyChange(terms(valid(CouponKind.DISCOUNT)),
                terms(valid(CouponKind.DISCOUNT, r -> {
                    r.discountCap = money("10.00");
                    r.minSpend = money("10.00");
                }))));
        assertEquals("minSpend", TemplateForm.moneyChange(terms(valid(CouponKind.EXCHANGE)),
                terms(valid(CouponKind.EXCHANGE, r -> {
                    r.minSpend = money("10.00");
                    r.maxUnits = 5;
                }))));
    }
}
