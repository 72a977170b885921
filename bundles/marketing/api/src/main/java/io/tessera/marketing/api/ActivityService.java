package io.tessera.marketing.api;

import io.tessera.platform.api.Page;
import io.tessera.platform.api.audit.AuditEntry;
import java.util.List;

/**
 * Activities (headquarters make and run them, every operator reads them) and their rewards.
 * A draft changes freely; once activated, its type, trigger and rewards are locked (ACTIVITY_LOCKED) while its name,
 * window, stores, budget (never below what was used) and per-member limit may still change.
 */
public interface ActivityService {

    Activity create(Requests.ActivityRequest request);

    Activity update(long id, Requests.ActivityRequest request);

    Activity get(long id);

    Page<Activity> list(ActivityType type, ActivityStatus status, int page, int size);

    Activity activate(long id);

    Activity pause(long id);

    Activity end(long id);

    List<AuditEntry> audit(long id);

    /** Rewards, newest first, filtered by activity, member and state (each optional). */
    Page<Reward> rewards(Long activityId, Long memberId, RewardState state, int page, int size);

    /** A REFUSED reward goes back to PENDING to be delivered again (e.g. after the coupon template got more stock). */
    Reward retry(long rewardId);
}
