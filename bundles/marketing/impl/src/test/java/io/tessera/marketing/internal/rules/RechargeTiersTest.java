package io.tessera.marketing.internal.rules;

import static org.junit.Assert.assertEquals;

import io.tessera.marketing.api.ActivityStatus;
import io.tessera.platform.api.Money;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.Test;

public class RechargeTiersTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 5, 10, 0);
    private static final long STORE = 101;

    private static RechargeTiers.Tier tier(long id, String from, String bonus, Set<Long> levels, ActivityStatus status, Long budget, long used) {
        ActivityWindow.Terms terms = new ActivityWindow.Terms(status, NOW.minusDays(1), NOW.plusDays(1), Set.of(STORE), budget, used);
        return new RechargeTiers.Tier(id, terms, levels, Money.parse(from), Money.parse(bonus));
    }

    private static List<Long> ids(List<RechargeTiers.Tier> tiers) {
        return tiers.stream().map(RechargeTiers.Tier::activityId).toList();
    }

    @Test
    public void theHighestTierReachedComesFirstThenTheLargerBonusThenTheOlderActivity() {
        List<RechargeTiers.Tier> tiers = List.of(tier(1, "200", "10", Set.of(), ActivityStatus.ACTIVE, null, 0),
                tier(2, "500", "50", Set.of(), ActivityStatus.ACTIVE, null, 0), tier(3, "500", "60", Set.of(), ActivityStatus.ACTIVE, null, 0),
                tier(4, "500", "60", Set.of(), ActivityStatus.ACTIVE, null, 0), tier(5, "1000", "150", Set.of(), ActivityStatus.ACTIVE, null, 0));
        assertEquals(List.of(3L, 4L, 2L, 1L), ids(RechargeTiers.applicable(tiers, STORE, null, Money.parse("999.99"), NOW)));
        assertEquals(List.of(5L, 3L, 4L, 2L, 1L), ids(RechargeTiers.applicable(tiers, STORE, null, Money.parse("1000"), NOW)));
        assertEquals(List.of(), ids(RechargeTiers.applicable(tiers, STORE, null, Money.parse("199.99"), NOW)));
    }

    @Test
    public void levelsLimitWhoEarnsAndAMemberWithoutALevelOnlyEarnsWhereNoneIsListed() {
        List<RechargeTiers.Tier> tiers = List.of(tier(1, "100", "5", Set.of(), ActivityStatus.ACTIVE, null, 0),
                tier(2, "100", "20", Set.of(7L, 8L), ActivityStatus.ACTIVE, null, 0));
        assertEquals(List.of(2L, 1L), ids(RechargeTiers.applicable(tiers, STORE, 8L, Money.parse("100"), NOW)));
        assertEquals(List.of(1L), ids(RechargeTiers.applicable(tiers, STORE, 6L, Money.parse("100"), NOW)));
        assertEquals(List.of(1L), ids(RechargeTiers.applicable(tiers, STORE, null, Money.parse("100"), NOW)));
    }

    @Test
    public void onlyRunningActivitiesOfTheStoreWithBudgetLeftApply() {
        List<RechargeTiers.Tier> tiers = List.of(tier(1, "100", "5", Set.of(), ActivityStatus.PAUSED, null, 0),
                tier(2, "100", "5", Set.of(), ActivityStatus.ACTIVE, 3L, 3), tier(3, "100", "5", Set.of(), ActivityStatus.ACTIVE, 3L, 2));
        assertEquals(List.of(3L), ids(RechargeTiers.applicable(tiers, STORE, null, Money.parse("100"), NOW)));
        assertEquals(List.of(), ids(RechargeTiers.applicable(tiers, 999, null, Money.parse("100"), NOW)));
    }
}
