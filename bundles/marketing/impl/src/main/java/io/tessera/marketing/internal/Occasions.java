package io.tessera.marketing.internal;

import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.RewardKind;
import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.api.RewardState;
import io.tessera.marketing.internal.jpa.ActivityMemberEntity;
import io.tessera.marketing.internal.jpa.ActivityRewardEntity;
import io.tessera.marketing.internal.jpa.RewardEntity;
import io.tessera.marketing.internal.rules.ActivityWindow;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.work.UnitOfWork;
import java.time.LocalDateTime;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;

/**
 * An occasion an activity rewards (a referral that qualified): the activity must be running for the store, then one
 * of its budget is taken by a conditional update on the activity row (two nodes never take the last one both), then
 * — for the member the per-member limit counts — one of their limit, on their row of MKT_ACTIVITY_MEMBER (made
 * apart). The rewards are then written as PENDING intents with unique delivery keys, in the caller's transaction:
 * what caused them and the intents commit together, and the delivery task gives them.
 */
final class Occasions {

    private final RowsApart rows;

    Occasions(JpaTemplate jpa, UnitOfWork work) {
        this.rows = new RowsApart(jpa, work);
    }

    /** Takes one of the activity's budget for an occasion in the store: null when taken, else why not. */
    MarketingErrors take(EntityManager em, Activities.Loaded l, Long storeId) {
        LocalDateTime now = BusinessTime.now();
        MarketingErrors refusal = ActivityWindow.running(l.terms(), storeId, now);
        if (refusal != null) {
            return refusal;
        }
        int taken = em.createQuery("UPDATE ActivityEntity a SET a.used = a.used + 1 WHERE a.id = :id AND a.status = 'ACTIVE'"
                + " AND (a.budget IS NULL OR a.used < a.budget)").setParameter("id", l.activity().id).executeUpdate();
        if (taken == 1) {
            return null;
        }
        // Paused or ended since the activity was read: say so, not "budget used up".
        String status = em.createQuery("SELECT a.status FROM ActivityEntity a WHERE a.id = :id", String.class).setParameter("id", l.activity().id)
                .getSingleResult();
        return "ACTIVE".equals(status) ? MarketingErrors.ACTIVITY_BUDGET_EXHAUSTED : MarketingErrors.ACTIVITY_NOT_ACTIVE;
    }

    /** Counts one reward of the activity for the member, within its per-member limit: false when the limit is reached. */
    boolean countMember(EntityManager em, Activities.Loaded l, long memberId) {
        long activityId = l.activity().id;
        ensureRow(em, activityId, memberId);
        Integer limit = l.activity().perMemberLimit;
        return em.createQuery("UPDATE ActivityMemberEntity m SET m.rewarded = m.rewarded + 1 WHERE m.activityId = :a AND m.memberId = :m"
                        + " AND m.rewarded < :limit").setParameter("a", activityId).setParameter("m", memberId)
                .setParameter("limit", limit == null ? Integer.MAX_VALUE : limit).executeUpdate() == 1;
    }

    /**
     * The PENDING intent of one reward (nothing when one with the key exists: an occasion handled twice rewards once);
     * a BONUS is DONE as it is written: the caller credits it in the same transaction (a recharge's journal row).
     */
    void intent(EntityManager em, Activities.Loaded l, ActivityRewardEntity spec, long memberId, Long storeId, String deliveryKey, String source) {
        if (!em.createQuery("SELECT r.id FROM RewardEntity r WHERE r.deliveryKey = :k", Long.class).setParameter("k", deliveryKey)
                .getResultList().isEmpty()) {
            return;
        }
        LocalDateTime now = BusinessTime.now();
        RewardEntity r = new RewardEntity();
        r.activityId = l.activity().id;
        r.memberId = memberId;
        r.role = spec.role;
        r.kind = spec.kind;
        r.templateId = spec.templateId;
        r.points = spec.points;
        r.amount = spec.amount;
        r.storeId = storeId;
        boolean given = RewardKind.BONUS.name().equals(spec.kind);
        r.state = (given ? RewardState.DONE : RewardState.PENDING).name();
        r.attempts = given ? 1 : 0;
        r.nextAt = now;
        r.deliveryKey = deliveryKey;
        r.source = source;
        r.createdAt = now;
        r.doneAt = given ? now : null;
        em.persist(r);
        em.flush();
    }

    /** The intents of every reward of the activity for the role. */
    void intents(EntityManager em, Activities.Loaded l, RewardRole role, long memberId, Long storeId, String keyPrefix, String source) {
        for (ActivityRewardEntity spec : l.rewards()) {
            if (spec.role.equals(role.name())) {
                intent(em, l, spec, memberId, storeId, keyPrefix + ":" + spec.id, source);
            }
        }
    }

    private void ensureRow(EntityManager em, long activityId, long memberId) {
        rows.ensure(em, x -> exists(x, activityId, memberId), () -> {
            ActivityMemberEntity m = new ActivityMemberEntity();
            m.activityId = activityId;
            m.memberId = memberId;
            m.rewarded = 0;
            return m;
        });
    }

    private static boolean exists(EntityManager em, long activityId, long memberId) {
        return !em.createQuery("SELECT m.id FROM ActivityMemberEntity m WHERE m.activityId = :a AND m.memberId = :m", Long.class)
                .setParameter("a", activityId).setParameter("m", memberId).getResultList().isEmpty();
    }
}
