package io.tessera.marketing.api;

import io.tessera.platform.api.Page;

/**
 * Direct sending (直接送券), headquarters only: a COUPON_SEND activity's rewards to a segment, now (a job at once) or
 * at {@code runAt} (the task marketing.sends starts it). Each member is rewarded at most once per send (the
 * rewards' keys name the send and the member), within the activity's budget and per-member limit.
 */
public interface SendService {

    Send send(Requests.SendRequest request, String idempotencyKey);

    Send get(long id);

    Page<Send> list(Long activityId, int page, int size);

    /** A SCHEDULED send is CANCELLED. */
    Send cancel(long id);

    /** A STOPPED send runs again from the start: members already rewarded by it are counted, not rewarded again. */
    Send resume(long id);
}
