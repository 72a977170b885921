package io.tessera.coupons.internal;

import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.RedeemChannel;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.Scope;
import io.tessera.coupons.api.SingleItemMode;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PlatformErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A template request read into a template row and its lists, every refusal naming its field: what each
 * kind needs (a value, a rate, a minimum, listed SKUs), validity, limits. The one place a template's
 * terms are checked.
 */
final class TemplateForm {

    static final int MAX_STORES = 1000;
    static final int MAX_SKUS = 1000;

    /** The request read: the row's fields are set on the entity, the lists returned. */
    record Lists(List<Long> storeIds, List<String> formatCodes, List<String> skus) {
    }

    private TemplateForm() {
    }

    static Lists apply(Requests.TemplateRequest r, TemplateEntity e) {
        Checks.required("body", r);
        e.name = Checks.text("name", r.name, 100);
        e.description = Checks.optionalText("description", r.description, 500);
        CouponKind kind = Checks.required("kind", r.kind);
        e.kind = kind.name();
        e.value = null;
        e.singleMode = null;
        e.rate = null;
        e.cap = null;
        switch (kind) {
            case CASH, THRESHOLD -> e.value = positive("value", r.value);
            case SINGLE_ITEM -> {
                SingleItemMode mode = r.singleItemMode == null ? SingleItemMode.AMOUNT_OFF : r.singleItemMode;
                e.singleMode = mode.name();
                Money v = Checks.required("value", r.value);
                if (mode == SingleItemMode.AMOUNT_OFF ? !v.isPositive() : v.isNegative()) {
                    throw PlatformErrors.AMOUNT_INVALID.at("value", mode == SingleItemMode.AMOUNT_OFF ? "the amount off is more than 0"
                            : "a fixed price is not negative");
                }
                e.value = v.toBigDecimal();
            }
            case DISCOUNT -> {
                BigDecimal rate = Checks.required("discountRate", r.discountRate);
                if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) >= 0 || rate.stripTrailingZeros().scale() > 4) {
                    throw CouponErrors.COUPON_TEMPLATE_INVALID.at("discountRate", "a discount rate is the share paid, more than 0 and less"
                            + " than 1, at most 4 decimals (0.85 = 15 % off)");
                }
                e.rate = rate.setScale(4);
                e.cap = r.discountCap == null ? null : positive("discountCap", r.discountCap);
            }
            case EXCHANGE -> {
                // the listed items are free: no value
            }
        }
        if (kind != CouponKind.DISCOUNT && r.discountCap != null) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("discountCap", "only a DISCOUNT coupon has a cap");
        }
        Money min = r.minSpend == null ? Money.ZERO : r.minSpend;
        if (min.isNegative()) {
            throw PlatformErrors.AMOUNT_INVALID.at("minSpend", "a minimum spend is not negative");
        }
        if (kind == CouponKind.THRESHOLD && !min.isPositive()) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("minSpend", "a THRESHOLD coupon needs a minimum spend (满X减Y: X)");
        }
        if (kind == CouponKind.THRESHOLD && min.compareTo(Money.of(e.value)) < 0) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("value", "a THRESHOLD coupon takes off less than its minimum spend");
        }
        e.minSpend = min.toBigDecimal();
        int units = r.maxUnits == null ? 1 : r.maxUnits;
        if (units < 1 || units > 99) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("maxUnits", "1 to 99 units");
        }
        if (units != 1 && kind != CouponKind.SINGLE_ITEM && kind != CouponKind.EXCHANGE) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("maxUnits", "units are for SINGLE_ITEM and EXCHANGE coupons");
        }
        e.maxUnits = units;

        Scope stores = r.storeScope == null ? Scope.ALL : r.storeScope;
        if (stores == Scope.EXCLUDED) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("storeScope", "stores are ALL or LISTED");
        }
        List<Long> storeIds = distinct("storeIds", r.storeIds, MAX_STORES);
        List<String> formats = distinct("formatCodes", r.formatCodes, 50).stream().map(f -> Checks.text("formatCodes", f, 20).toUpperCase())
                .distinct().toList();
        if (stores == Scope.LISTED && storeIds.isEmpty() && formats.isEmpty()) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("storeIds", "LISTED stores name stores or formats");
        }
        if (stores == Scope.ALL && (!storeIds.isEmpty() || !formats.isEmpty())) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("storeScope", "stores or formats are listed: the scope is LISTED");
        }
        e.storeScope = stores.name();
        Scope products = r.productScope == null ? (kind == CouponKind.SINGLE_ITEM || kind == CouponKind.EXCHANGE ? Scope.LISTED : Scope.ALL)
                : r.productScope;
        List<String> skus = distinct("skus", r.skus, MAX_SKUS).stream().map(s -> Checks.text("skus", s, 64)).distinct().toList();
        if ((kind == CouponKind.SINGLE_ITEM || kind == CouponKind.EXCHANGE) && products != Scope.LISTED) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("productScope", kind + " coupons name their items: LISTED skus");
        }
        if (products != Scope.ALL && skus.isEmpty()) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("skus", products + " products name at least one SKU");
        }
        if (products == Scope.ALL && !skus.isEmpty()) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("productScope", "SKUs are listed: the scope is LISTED or EXCLUDED");
        }
        e.productScope = products.name();

        CouponTemplate.Validity validity = Checks.required("validity", r.validity);
        e.validity = validity.name();
        e.startDelayDays = 0;
        if (validity == CouponTemplate.Validity.FIXED) {
            e.validFrom = Checks.required("validFrom", r.validFrom);
            e.validTo = Checks.required("validTo", r.validTo);
            if (e.validTo.isBefore(e.validFrom)) {
                throw PlatformErrors.DATE_RANGE_INVALID.at("validTo", "validTo must not be before validFrom");
            }
            e.validDays = null;
            if (r.validDays != null || r.startDelayDays != null) {
                throw CouponErrors.COUPON_TEMPLATE_INVALID.at(r.validDays != null ? "validDays" : "startDelayDays",
                        "FIXED validity has dates, not days");
            }
        } else {
            e.validDays = Checks.required("validDays", r.validDays);
            if (e.validDays < 1 || e.validDays > 3650) {
                throw CouponErrors.COUPON_TEMPLATE_INVALID.at("validDays", "1 to 3650 days");
            }
            e.startDelayDays = r.startDelayDays == null ? 0 : r.startDelayDays;
            if (e.startDelayDays < 0 || e.startDelayDays > 365) {
                throw CouponErrors.COUPON_TEMPLATE_INVALID.at("startDelayDays", "0 to 365 days");
            }
            if (r.validFrom != null || r.validTo != null) {
                throw CouponErrors.COUPON_TEMPLATE_INVALID.at(r.validFrom != null ? "validFrom" : "validTo",
                        "RELATIVE validity has days, not dates");
            }
            e.validFrom = null;
            e.validTo = null;
        }
        if (r.stock != null && r.stock < 1) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("stock", "a stock is at least 1 (empty: no limit)");
        }
        if (r.stock != null && r.stock < e.issued) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("stock", e.issued + " coupons are issued already: the stock cannot be less");
        }
        e.stock = r.stock;
        e.perMemberLimit = atLeastOne("perMemberLimit", r.perMemberLimit);
        e.perDayLimit = atLeastOne("perDayLimit", r.perDayLimit);
        e.giftable = Boolean.TRUE.equals(r.giftable);
        e.pointsExchangeable = Boolean.TRUE.equals(r.pointsExchangeable);
        if (e.pointsExchangeable && (r.pointsPrice == null || r.pointsPrice < 1)) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at("pointsPrice", "a coupon in the points mall has a points price of at least 1");
        }
        e.pointsPrice = e.pointsExchangeable ? r.pointsPrice : null;
        Set<RedeemChannel> channels = r.channels == null || r.channels.isEmpty() ? EnumSet.allOf(RedeemChannel.class)
                : EnumSet.copyOf(nonNull("channels", r.channels));
        e.channels = channels.stream().map(Enum::name).collect(Collectors.joining(","));
        Set<CouponKind> stack = r.stackKinds == null || r.stackKinds.isEmpty() ? EnumSet.noneOf(CouponKind.class)
                : EnumSet.copyOf(nonNull("stackKinds", r.stackKinds));
        e.stackKinds = stack.stream().map(Enum::name).collect(Collectors.joining(","));
        e.stackWithLevel = !Boolean.FALSE.equals(r.stackWithLevel);
        return new Lists(storeIds, formats, skus);
    }

    /** Whether two versions of a template differ in what a coupon takes off (frozen once active). */
    static String moneyChange(TemplateEntity before, TemplateEntity after) {
        if (!before.kind.equals(after.kind)) {
            return "kind";
        }
        if (!same(before.value, after.value)) {
            return "value";
        }
        if (!Objects.equals(before.singleMode, after.singleMode)) {
            return "singleItemMode";
        }
        if (!same(before.rate, after.rate)) {
            return "discountRate";
        }
        if (!same(before.cap, after.cap)) {
            return "discountCap";
        }
        if (!same(before.minSpend, after.minSpend)) {
            return "minSpend";
        }
        return before.maxUnits != after.maxUnits ? "maxUnits" : null;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal positive(String field, Money m) {
        if (!Checks.required(field, m).isPositive()) {
            throw PlatformErrors.AMOUNT_INVALID.at(field, field + " is more than 0");
        }
        return m.toBigDecimal();
    }

    private static Integer atLeastOne(String field, Integer v) {
        if (v != null && v < 1) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at(field, "a limit is at least 1 (empty: none)");
        }
        return v;
    }

    private static <T> List<T> nonNull(String field, List<T> list) {
        for (int i = 0; i < list.size(); i++) {
            Checks.required(field + "[" + i + "]", list.get(i));
        }
        return list;
    }

    private static <T> List<T> distinct(String field, List<T> list, int max) {
        if (list == null) {
            return List.of();
        }
        if (list.size() > max) {
            throw CouponErrors.COUPON_TEMPLATE_INVALID.at(field, "at most " + max);
        }
        return new ArrayList<>(new LinkedHashSet<>(nonNull(field, list)));
    }
}
