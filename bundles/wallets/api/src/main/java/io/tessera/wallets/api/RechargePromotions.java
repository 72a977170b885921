package io.tessera.wallets.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;

/**
 * What a recharge earns besides itself: marketing's recharge activities (充值有礼, "recharge 500, get 50 and a
 * coupon"). Wallets ask it inside the recharge's transaction, before the journal row is written, so the bonus is in
 * that row and the promotion's budget, the member's limit and the rewards that follow commit or roll back with the
 * recharge. A recharge that names a package gets the package's bonus instead (the two never stack). Optional: without
 * an implementation a recharge earns only its package. Implementations join the caller's transaction and refuse by
 * answering no offer, never by throwing.
 */
public interface RechargePromotions {

    /** The promotion for the recharge, with its budget and the member's limit taken; null when none applies. */
    Offer offer(Recharge recharge);

    /** The recharge's journal row is written: the offer's bonus is recorded against it and its other rewards follow. */
    void posted(Offer offer, long entryId);

    /** A recharge about to be posted. */
    final class Recharge {
        public long memberId;
        /** The member's level (null: none). */
        public Long levelId;
        public long storeId;
        public Money amount;
        public PaymentMethod paidWith;
    }

    /** A promotion's answer: the bonus stored value (zero when it rewards with coupons or points only). */
    final class Offer {
        public long activityId;
        public String activityName;
        public Money bonus;
        public Recharge recharge;
    }
}
