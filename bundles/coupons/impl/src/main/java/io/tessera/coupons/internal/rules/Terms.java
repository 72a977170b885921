package io.tessera.coupons.internal.rules;

import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.Scope;
import io.tessera.coupons.api.SingleItemMode;
import java.math.BigDecimal;
import java.util.Set;

/**
 * What pricing needs of one coupon: its number and its template's money terms (fen).
 *
 * @param value      CASH, THRESHOLD: the amount off; SINGLE_ITEM: the amount off each unit, or the unit's fixed price
 * @param rate       DISCOUNT: the share paid (0.85 = 15 % off)
 * @param cap        DISCOUNT: the most it takes off, or null
 * @param minSpend   the applicable lines must cost at least this (0 = no minimum)
 * @param maxUnits   SINGLE_ITEM, EXCHANGE: the most units one coupon covers
 * @param products   ALL, LISTED (only {@code skus}), EXCLUDED (all but {@code skus}); EXCHANGE and SINGLE_ITEM are LISTED
 * @param stackKinds the kinds of coupon this one may share an order with
 * @param stackWithLevel whether it may be used on an order with the member level discount
 */
public record Terms(String couponNo, CouponKind kind, long value, SingleItemMode singleMode, BigDecimal rate, Long cap, long minSpend,
                    int maxUnits, Scope products, Set<String> skus, Set<CouponKind> stackKinds, boolean stackWithLevel) {

    public boolean appliesTo(String sku) {
        return switch (products) {
            case ALL -> true;
            case LISTED -> skus.contains(sku);
            case EXCLUDED -> !skus.contains(sku);
        };
    }
}
