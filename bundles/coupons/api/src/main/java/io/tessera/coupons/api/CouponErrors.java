package io.tessera.coupons.api;

import io.tessera.platform.api.ErrorCode;

/** The coupons domain's error catalogue: templates, issuing, redemption at checkout, refunds. */
public enum CouponErrors implements ErrorCode {
    COUPON_TEMPLATE_NOT_FOUND(404),
    /** A template's fields do not make a coupon of its kind (the field says which). */
    COUPON_TEMPLATE_INVALID(400),
    /** An active template's money fields (kind, value, rate, cap, minimum spend, units) cannot change. */
    COUPON_TEMPLATE_LOCKED(409),
    /** Not a state change the template can make now (e.g. activating a stopped template's draft fields). */
    COUPON_TEMPLATE_STATE_INVALID(409),
    /** The template is not active: no new coupons. */
    COUPON_TEMPLATE_NOT_ACTIVE(422),
    COUPON_OUT_OF_STOCK(422),
    COUPON_MEMBER_LIMIT_REACHED(422),
    COUPON_DAILY_LIMIT_REACHED(422),
    COUPON_NOT_FOUND(404),
    /** Not a coupon number: 18 digits, starting with 9, whose last digit checks the others. */
    COUPON_NO_INVALID(400),
    /** A coupon is used on a member's order only. */
    COUPON_MEMBER_REQUIRED(422),
    COUPON_NOT_OWNER(422),
    /** Not for this store or store format. */
    COUPON_STORE_NOT_ALLOWED(422),
    COUPON_NOT_YET_VALID(422),
    COUPON_EXPIRED(422),
    COUPON_VOID(422),
    /** The applicable lines do not reach the coupon's minimum spend (the message says by how much). */
    COUPON_BELOW_MINIMUM_SPEND(422),
    /** No line of the order is a product the coupon applies to. */
    COUPON_PRODUCT_NOT_IN_SCOPE(422),
    /** Not redeemable where the order comes from (POS, payment code, mini-program, terminal). */
    COUPON_CHANNEL_NOT_ALLOWED(422),
    /** Not with another coupon of the order, or not with the member level discount. */
    COUPON_STACKING_NOT_ALLOWED(422),
    /** The coupon would take nothing off this order (what it applies to is already free). */
    COUPON_NOT_APPLICABLE(422),
    /** More coupons than an order takes, or one coupon named twice. */
    COUPON_TOO_MANY(422),
    COUPON_ALREADY_RESERVED(409),
    COUPON_ALREADY_USED(409),
    COUPON_NOT_GIFTABLE(422),
    /** Gift or void of a coupon that is not available (reserved, used, expired or void). */
    COUPON_NOT_AVAILABLE(409),
    COUPON_GIFT_TO_SELF(422),
    COUPON_NOT_EXCHANGEABLE(422),
    /** The template's points price changed since the mall showed it: show the new one and ask again. */
    COUPON_POINTS_PRICE_CHANGED(409),
    /** A send names neither members nor a segment, or too many members inline. */
    COUPON_SEND_INVALID(400),
    /** A refund would have to keep back more than it gives, and the policy refuses a write-off. */
    COUPON_REFUND_SHORTFALL(422);

    private final int status;

    CouponErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
