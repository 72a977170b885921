package io.tessera.coupons.api;

/**
 * What a coupon takes off, in the order checkout applies them: exchange and single-item coupons first
 * (they name units of listed items), then threshold and cash (an amount off what applies), discount last
 * (its rate applies to what is left).
 */
public enum CouponKind {
    /** 兑换券: a listed item free (up to its units). */
    EXCHANGE,
    /** 单品券: a fixed amount off, or a fixed price for, each unit of listed items, up to a quantity. */
    SINGLE_ITEM,
    /** 满减: spend at least the minimum over the applicable lines, get an amount off. */
    THRESHOLD,
    /** 代金券: a fixed amount off the order (or off its applicable lines). */
    CASH,
    /** 折扣券: pay a rate of the applicable lines (0.85 = 15 % off), optionally capped. */
    DISCOUNT
}
