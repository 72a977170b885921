package io.tessera.marketing.internal.rules;

import io.tessera.platform.api.Money;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which recharge activities (充值有礼) reward a recharge, best first. One applies when it runs now for the store
 * ({@link ActivityWindow}), the member's level is one of its levels (none listed: every member; a member without a
 * level only then) and the recharge is at least its {@code rechargeFrom}. Best: the highest {@code rechargeFrom} (the
 * tier the customer reached: 充500送50 before 充200送10), then the larger bonus, then the older activity. Only the
 * first whose budget and member limit can still be taken rewards: a recharge earns one promotion.
 */
public final class RechargeTiers {

    private RechargeTiers() {
    }

    /** A recharge activity's terms. {@code bonus}: zero when it gives only coupons or points. */
    public record Tier(long activityId, ActivityWindow.Terms terms, Set<Long> levelIds, Money rechargeFrom, Money bonus) {
    }

    private static final Comparator<Tier> BEST = Comparator.comparing(Tier::rechargeFrom).reversed()
            .thenComparing(Comparator.comparing(Tier::bonus).reversed()).thenComparingLong(Tier::activityId);

    public static List<Tier> applicable(List<Tier> tiers, long storeId, Long levelId, Money amount, LocalDateTime now) {
        return tiers.stream().filter(t -> ActivityWindow.running(t.terms(), storeId, now) == null)
                .filter(t -> t.levelIds().isEmpty() || levelId != null && t.levelIds().contains(levelId))
                .filter(t -> amount.compareTo(t.rechargeFrom()) >= 0).sorted(BEST).toList();
    }
}
