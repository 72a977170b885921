package io.tessera.marketing.internal.rules;

import io.tessera.marketing.api.ActivityStatus;
import io.tessera.marketing.api.MarketingErrors;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Whether an activity rewards an occasion now: ACTIVE, within [startsAt, endsAt), in one of its stores (none
 * listed: every store), with budget left and under the member's limit. The budget and the limit are then taken by
 * conditional updates (see Occasions), so this is the explanation, the updates the guarantee.
 */
public final class ActivityWindow {

    private ActivityWindow() {
    }

    public record Terms(ActivityStatus status, LocalDateTime startsAt, LocalDateTime endsAt, Set<Long> storeIds, Long budget, long used) {
    }

    /** The refusal, or null when the activity is running for the store. */
    public static MarketingErrors running(Terms t, Long storeId, LocalDateTime now) {
        if (t.status() != ActivityStatus.ACTIVE || now.isBefore(t.startsAt()) || !now.isBefore(t.endsAt())) {
            return MarketingErrors.ACTIVITY_NOT_ACTIVE;
        }
        if (!t.storeIds().isEmpty() && (storeId == null || !t.storeIds().contains(storeId))) {
            return MarketingErrors.ACTIVITY_NOT_ACTIVE;
        }
        if (t.budget() != null && t.used() >= t.budget()) {
            return MarketingErrors.ACTIVITY_BUDGET_EXHAUSTED;
        }
        return null;
    }
}
