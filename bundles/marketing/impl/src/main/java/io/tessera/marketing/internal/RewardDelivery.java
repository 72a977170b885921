package io.tessera.marketing.internal;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponIssuer;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.RewardKind;
import io.tessera.marketing.api.RewardState;
import io.tessera.marketing.internal.jpa.RewardEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.schedule.ScheduledTask;
import io.tessera.points.api.Earning;
import io.tessera.points.api.PointsParticipant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled task "marketing.rewards" (every 10 s unless etc/io.tessera.scheduler.cfg says otherwise): gives the
 * PENDING rewards, each in a transaction of its own — the row moves PENDING → DONE by a conditional update and the
 * coupon (coupons' {@link CouponIssuer}) or points ({@link PointsParticipant}) are given in the same transaction,
 * under the reward's unique delivery key, so a run that stops half way, or two nodes, give nothing twice. A
 * refusal of the giving domain (out of stock, the member's card returned…) rolls that back and marks the reward
 * REFUSED with the domain's code; when the domain is not installed the reward waits (10 s, doubling, up to 10
 * minutes) and is tried again, up to rewards.maxAttempts; so does a reward whose giving failed (a fault, not a refusal),
 * so the rewards after it are still given.
 */
@Component(service = {ScheduledTask.class, RewardDelivery.class}, property = {ScheduledTask.NAME + "=marketing.rewards", ScheduledTask.INTERVAL + "=PT10S"})
public class RewardDelivery implements ScheduledTask {

    private static final Logger LOG = LoggerFactory.getLogger(RewardDelivery.class);
    private static final int BATCH = 200;

    private final JpaTemplate jpa;
    private final MarketingSettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CouponIssuer coupons;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PointsParticipant points;

    @Activate
    public RewardDelivery(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference MarketingSettings settings) {
        this.jpa = jpa;
        this.settings = settings;
    }

    @Override
    public String run() {
        int done = 0;
        int refused = 0;
        int waiting = 0;
        long after = 0;
        List<Long> due;
        do {
            long from = after;
            due = jpa.txExpr(TransactionType.Required, em -> em.createQuery("SELECT r.id FROM RewardEntity r WHERE r.state = 'PENDING'"
                    + " AND r.nextAt <= :now AND r.id > :after ORDER BY r.id", Long.class).setParameter("now", BusinessTime.now())
                    .setParameter("after", from).setMaxResults(BATCH).getResultList());
            for (long id : due) {
                switch (deliver(id)) {
                    case DONE -> done++;
                    case REFUSED -> refused++;
                    default -> waiting++;
                }
                after = id;
            }
        } while (due.size() == BATCH);
        return done + " reward(s) given, " + refused + " refused, " + waiting + " waiting for their domain";
    }

    /** Gives one reward (or records why not); what it became. */
    RewardState deliver(long id) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                RewardEntity r = em.find(RewardEntity.class, id);
                if (r == null) {
                    return RewardState.DONE;
                }
                if (!RewardState.PENDING.name().equals(r.state)) {
                    return RewardState.valueOf(r.state);
                }
                boolean coupon = RewardKind.COUPON.name().equals(r.kind);
                CouponIssuer issuer = coupons;
                PointsParticipant granter = points;
                if (coupon ? issuer == null : granter == null) {
                    return waitFor(r, coupon ? "coupons" : "points");
                }
                int claimed = em.createQuery("UPDATE RewardEntity r SET r.state = 'DONE', r.doneAt = :now, r.attempts = r.attempts + 1"
                        + " WHERE r.id = :id AND r.state = 'PENDING'").setParameter("now", BusinessTime.now()).setParameter("id", id).executeUpdate();
                if (claimed == 0) {
                    return RewardState.DONE;
                }
                em.refresh(r);
                if (coupon) {
                    Coupon c = issuer.issueForActivity(r.templateId, r.memberId, r.deliveryKey, r.storeId, false);
                    r.couponNo = c.no;
                } else {
                    Earning e = granter.grant(r.memberId, r.points, r.deliveryKey, r.storeId, "activity " + r.activityId + ": " + r.source);
                    r.earningId = e.id;
                }
                r.code = null;
                r.message = null;
                em.flush();
                return RewardState.DONE;
            });
        } catch (TesseraException refusal) {
            // The giving domain refused: what it did is rolled back; the reward says why.
            jpa.tx(TransactionType.Required, em -> {
                RewardEntity r = em.find(RewardEntity.class, id);
                if (r != null && RewardState.PENDING.name().equals(r.state)) {
                    r.state = RewardState.REFUSED.name();
                    r.attempts++;
                    r.code = refusal.getCode();
                    r.message = clip(refusal.getMessage());
                }
            });
            LOG.info("Reward {} refused: {}", id, refusal.getCode());
            return RewardState.REFUSED;
        } catch (RuntimeException failure) {
            // Not a refusal: a fault. The reward waits (backing off) so the rewards after it are still given.
            LOG.error("Reward {} could not be given", id, failure);
            return jpa.txExpr(TransactionType.Required, em -> {
                RewardEntity r = em.find(RewardEntity.class, id);
                if (r == null || !RewardState.PENDING.name().equals(r.state)) {
                    return r == null ? RewardState.DONE : RewardState.valueOf(r.state);
                }
                return backOff(r, MarketingErrors.REWARD_DELIVERY_FAILED, "could not be given: " + failure.getClass().getSimpleName());
            });
        }
    }

    private RewardState waitFor(RewardEntity r, String domain) {
        return backOff(r, MarketingErrors.REWARD_DOMAIN_NOT_INSTALLED, "waiting for the " + domain + " feature");
    }

    /** The reward tried again later (10 s, doubling, up to 10 minutes), or REFUSED after rewards.maxAttempts. */
    private RewardState backOff(RewardEntity r, MarketingErrors why, String message) {
        r.attempts++;
        r.code = why.name();
        if (r.attempts >= settings.maxAttempts()) {
            r.state = RewardState.REFUSED.name();
            r.message = clip(message + " (" + r.attempts + " attempts)");
            return RewardState.REFUSED;
        }
        long seconds = Math.min(600, 10L << Math.min(6, r.attempts - 1));
        LocalDateTime next = BusinessTime.now().plusSeconds(seconds);
        r.nextAt = next;
        r.message = clip(message);
        return RewardState.PENDING;
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }
}
