package io.tessera.marketing.internal.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import io.tessera.marketing.api.ActivityStatus;
import io.tessera.marketing.api.MarketingErrors;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.Test;

public class ActivityWindowTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 0, 0);
    private static final LocalDateTime END = LocalDateTime.of(2027, 1, 1, 0, 0);

    private static ActivityWindow.Terms terms(ActivityStatus status, Set<Long> stores, Long budget, long used) {
        return new ActivityWindow.Terms(status, START, END, stores, budget, used);
    }

    @Test
    public void runsWhileActiveFromItsStartUntilJustBeforeItsEnd() {
        ActivityWindow.Terms t = terms(ActivityStatus.ACTIVE, Set.of(), null, 0);
        assertNull(ActivityWindow.running(t, 101L, START));
        assertNull(ActivityWindow.running(t, 101L, END.minusNanos(1_000_000)));
        assertEquals(MarketingErrors.ACTIVITY_NOT_ACTIVE, ActivityWindow.running(t, 101L, START.minusNanos(1_000_000)));
        assertEquals(MarketingErrors.ACTIVITY_NOT_ACTIVE, ActivityWindow.running(t, 101L, END));
        for (ActivityStatus s : new ActivityStatus[] {ActivityStatus.DRAFT, ActivityStatus.PAUSED, ActivityStatus.ENDED}) {
            assertEquals(s.name(), MarketingErrors.ACTIVITY_NOT_ACTIVE, ActivityWindow.running(terms(s, Set.of(), null, 0), 101L, START.plusDays(1)));
        }
    }

    @Test
    public void inItsStoresOnlyWhenItListsThem() {
        ActivityWindow.Terms listed = terms(ActivityStatus.ACTIVE, Set.of(101L, 102L), null, 0);
        assertNull(ActivityWindow.running(listed, 102L, START));
        assertEquals(MarketingErrors.ACTIVITY_NOT_ACTIVE, ActivityWindow.running(listed, 103L, START));
        assertEquals(MarketingErrors.ACTIVITY_NOT_ACTIVE, ActivityWindow.running(listed, null, START));
        assertNull(ActivityWindow.running(terms(ActivityStatus.ACTIVE, Set.of(), null, 0), null, START));
    }

    @Test
    public void untilItsBudgetIsUsed() {
        assertNull(ActivityWindow.running(terms(ActivityStatus.ACTIVE, Set.of(), 10L, 9), 101L, START));
        assertEquals(MarketingErrors.ACTIVITY_BUDGET_EXHAUSTED, ActivityWindow.running(terms(ActivityStatus.ACTIVE, Set.of(), 10L, 10), 101L, START));
    }
}
