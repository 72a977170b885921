package io.tessera.points.api;

import io.tessera.platform.api.ErrorCode;

/** The points domain's error catalogue: accounts, earning rules, adjustments. */
public enum PointsErrors implements ErrorCode {
    /** Fewer spendable points than asked (the message says how many there are). */
    POINTS_INSUFFICIENT(422),
    /** The account owes points taken back after they were spent: nothing can be spent until later earnings settle it. */
    POINTS_ACCOUNT_IN_DEBT(422),
    POINTS_RULE_NOT_FOUND(404),
    /** An earning rule's fields do not make a rule (the field says which). */
    POINTS_RULE_INVALID(400),
    /** Not a state change the rule can make now (e.g. changing an active rule's rate: stop it and make a new one). */
    POINTS_RULE_STATE_INVALID(409),
    /** An adjustment of 0 points, or without a reason. */
    POINTS_ADJUSTMENT_INVALID(400),
    /** Points are not taken at checkout (etc/io.tessera.points.cfg: tender.enabled). */
    POINTS_TENDER_DISABLED(422),
    /** Points are used on a member's order only. */
    POINTS_MEMBER_REQUIRED(422),
    /** The points an order asks to use: one ask, a whole number more than 0 (and worth whole fen). */
    POINTS_QUANTITY_INVALID(400),
    /** Fewer points than an order may use at least (tender.minPoints). */
    POINTS_BELOW_MINIMUM(422),
    /** More points than the share of the order they may pay (tender.maxShare): the message says how many at most. */
    POINTS_SHARE_EXCEEDED(422),
    /** The points mall needs the coupons domain, which is not installed now. */
    POINTS_MALL_NOT_AVAILABLE(503);

    private final int status;

    PointsErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
