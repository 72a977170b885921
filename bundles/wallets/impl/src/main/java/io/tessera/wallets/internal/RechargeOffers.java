package io.tessera.wallets.internal;

import io.tessera.members.api.Member;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.wallets.api.RechargePromotions;

/**
 * A recharge's promotion, asked for inside its transaction once the account is locked (so the promotion's rows are
 * locked after the account's, in one order for every recharge), its bonus posted in the recharge's own journal row.
 * The one place both recharges (at the counter, and a paid recharge order) meet the promotions.
 */
final class RechargeOffers {

    private RechargeOffers() {
    }

    /** The offer of {@code promotions} (null: none installed, or none applies). */
    static RechargePromotions.Offer offer(RechargePromotions promotions, Member member, long storeId, Money amount, PaymentMethod paidWith) {
        if (promotions == null) {
            return null;
        }
        RechargePromotions.Recharge r = new RechargePromotions.Recharge();
        r.memberId = member.id;
        r.levelId = member.levelId;
        r.storeId = storeId;
        r.amount = amount;
        r.paidWith = paidWith;
        RechargePromotions.Offer offer = promotions.offer(r);
        if (offer != null && (offer.bonus == null || offer.bonus.isNegative())) {
            throw new IllegalStateException("promotion " + offer.activityId + " offered no valid bonus");
        }
        return offer;
    }

    static long bonusFen(RechargePromotions.Offer offer) {
        return offer == null ? 0 : offer.bonus.toFen();
    }
}
