package io.tessera.marketing.internal;

import io.tessera.marketing.api.ActivityStatus;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.Referral;
import io.tessera.marketing.api.ReferralState;
import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.api.Trigger;
import io.tessera.marketing.internal.jpa.ActivityEntity;
import io.tessera.marketing.internal.jpa.ReferralCodeEntity;
import io.tessera.marketing.internal.jpa.ReferralEntity;
import io.tessera.marketing.internal.rules.ReferralCodes;
import io.tessera.marketing.internal.rules.ReferralRules;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.platform.api.BusinessTime;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;

/**
 * Referrals, the one place their rules are applied: binding a referee to the referrer whose code they name (at
 * registration, from the event; or soon after, through the API), and rewarding both once the activity's trigger
 * happens (REGISTER: at once; FIRST_PAYMENT: the referee's first paid sale). Rewarding is a conditional update
 * BOUND → REWARDED, so an event delivered twice rewards once; the rewards are intents with unique keys
 * ("ref:&lt;activity&gt;:&lt;referee&gt;:&lt;role&gt;:&lt;reward&gt;").
 */
final class Referrals {

    private final MemberService members;
    private final Occasions occasions;
    private final MarketingSettings settings;

    Referrals(MemberService members, Occasions occasions, MarketingSettings settings) {
        this.members = members;
        this.occasions = occasions;
        this.settings = settings;
    }

    /** What a binding came to: the referral row written, or the refusal (nothing written when {@code late}). */
    record Bound(ReferralEntity referral, MarketingErrors refusal, String message) {
    }

    /**
     * The referee (registered in {@code storeId} at {@code registeredAt}) names {@code code}. At registration
     * ({@code late} false) a refusal is recorded as a REFUSED referral, so the question "why was nobody rewarded?"
     * has an answer; through the API ({@code late} true) it is answered and nothing is written.
     */
    Bound bind(EntityManager em, long refereeId, long storeId, LocalDateTime registeredAt, String code, boolean late) {
        ReferralEntity earlier = em.find(ReferralEntity.class, refereeId);
        String normal = ReferralCodes.normalise(code);
        Long referrerId = null;
        MarketingErrors refusal;
        String message;
        ActivityEntity activity = null;
        if (normal == null) {
            refusal = MarketingErrors.REFERRAL_CODE_INVALID;
            message = "a referral code is 8 letters and digits with a check character";
        } else {
            ReferralCodeEntity owner = em.createQuery("SELECT c FROM ReferralCodeEntity c WHERE c.code = :c", ReferralCodeEntity.class)
                    .setParameter("c", normal).getResultList().stream().findFirst().orElse(null);
            Optional<Member> referrer = owner == null ? Optional.empty() : members.lookup(owner.memberId);
            if (referrer.isEmpty()) {
                refusal = MarketingErrors.REFERRAL_CODE_NOT_FOUND;
                message = "no member has the referral code " + normal;
            } else {
                referrerId = referrer.get().id;
                LocalDateTime now = BusinessTime.now();
                // A code refused at registration (mistyped) does not count as a referrer: the right one may follow.
                boolean referred = earlier != null && !ReferralState.REFUSED.name().equals(earlier.state);
                refusal = ReferralRules.check(new ReferralRules.Party(refereeId, registeredAt),
                        new ReferralRules.Party(referrerId, local(referrer.get())), referred, late, now, settings.bindWindow());
                message = refusal == null ? null : explain(refusal);
                if (refusal == null) {
                    activity = runningActivity(em, storeId, now).orElse(null);
                    if (activity == null) {
                        refusal = MarketingErrors.REFERRAL_NO_ACTIVITY;
                        message = "no referral activity runs in store " + storeId + " now";
                    }
                }
            }
        }
        if (refusal != null) {
            if (late || earlier != null) {
                return new Bound(earlier, refusal, message);
            }
            ReferralEntity r = row(refereeId, referrerId, storeId, code, null);
            r.state = ReferralState.REFUSED.name();
            r.refusal = refusal.name();
            em.persist(r);
            em.flush();
            return new Bound(r, refusal, message);
        }
        // A refused row (a code mistyped at registration) becomes the referral.
        ReferralEntity r = earlier != null ? earlier : row(refereeId, referrerId, storeId, normal, activity.id);
        r.referrerId = referrerId;
        r.code = normal;
        r.activityId = activity.id;
        r.refusal = null;
        r.boundAt = BusinessTime.now();
        r.state = ReferralState.BOUND.name();
        if (earlier == null) {
            em.persist(r);
        }
        em.flush();
        if (Trigger.REGISTER.name().equals(activity.trigger)) {
            reward(em, refereeId, "registered");
        }
        return new Bound(em.find(ReferralEntity.class, refereeId), null, null);
    }

    /** The referee's paid sale: a referral waiting for FIRST_PAYMENT is rewarded. */
    void paid(EntityManager em, long refereeId, String orderNo) {
        ReferralEntity r = em.find(ReferralEntity.class, refereeId);
        if (r == null || !ReferralState.BOUND.name().equals(r.state) || r.activityId == null) {
            return;
        }
        ActivityEntity a = em.find(ActivityEntity.class, r.activityId);
        if (a != null && Trigger.FIRST_PAYMENT.name().equals(a.trigger)) {
            reward(em, refereeId, "order:" + orderNo);
        }
    }

    /**
     * BOUND → REWARDED once (a conditional update), then the activity's budget; the referee's rewards, and the
     * referrer's within the per-member limit (over it, the referral says so and the referee is still rewarded).
     */
    private void reward(EntityManager em, long refereeId, String cause) {
        LocalDateTime now = BusinessTime.now();
        int moved = em.createQuery("UPDATE ReferralEntity r SET r.state = 'REWARDED', r.rewardedAt = :now WHERE r.refereeId = :id"
                + " AND r.state = 'BOUND'").setParameter("now", now).setParameter("id", refereeId).executeUpdate();
        if (moved == 0) {
            return;
        }
        ReferralEntity r = em.find(ReferralEntity.class, refereeId);
        em.refresh(r);
        Activities.Loaded l = Activities.load(em, Activities.find(em, r.activityId));
        MarketingErrors refusal = occasions.take(em, l, r.storeId);
        if (refusal != null) {
            r.state = ReferralState.REFUSED.name();
            r.refusal = refusal.name();
            em.flush();
            return;
        }
        String key = "ref:" + l.activity().id + ":" + refereeId + ":";
        String source = "referral:" + refereeId + " (" + cause + ")";
        occasions.intents(em, l, RewardRole.REFEREE, refereeId, r.storeId, key + RewardRole.REFEREE, source);
        if (occasions.countMember(em, l, r.referrerId)) {
            occasions.intents(em, l, RewardRole.REFERRER, r.referrerId, null, key + RewardRole.REFERRER, source);
        } else {
            r.refusal = MarketingErrors.ACTIVITY_MEMBER_LIMIT_REACHED.name();
        }
        em.flush();
    }

    /** The newest running REFERRAL activity that covers the store. */
    static Optional<ActivityEntity> runningActivity(EntityManager em, long storeId, LocalDateTime now) {
        List<ActivityEntity> running = em.createQuery("SELECT a FROM ActivityEntity a WHERE a.type = :t AND a.status = :s AND a.startsAt <= :now"
                        + " AND a.endsAt > :now AND (NOT EXISTS (SELECT x.id FROM ActivityStoreEntity x WHERE x.activityId = a.id)"
                        + " OR EXISTS (SELECT y.id FROM ActivityStoreEntity y WHERE y.activityId = a.id AND y.storeId = :store))"
                        + " ORDER BY a.startsAt DESC, a.id DESC", ActivityEntity.class)
                .setParameter("t", ActivityType.REFERRAL.name()).setParameter("s", ActivityStatus.ACTIVE.name()).setParameter("now", now)
                .setParameter("store", storeId).setMaxResults(1).getResultList();
        return running.stream().findFirst();
    }

    static Referral dto(ReferralEntity e) {
        Referral r = new Referral();
        r.refereeId = e.refereeId;
        r.referrerId = e.referrerId;
        r.code = e.code;
        r.activityId = e.activityId;
        r.state = ReferralState.valueOf(e.state);
        r.refusal = e.refusal;
        r.boundAt = BusinessTime.offset(e.boundAt);
        r.rewardedAt = BusinessTime.offset(e.rewardedAt);
        return r;
    }

    static LocalDateTime local(Member m) {
        return m.registeredAt == null ? LocalDateTime.MIN : m.registeredAt.atZoneSameInstant(BusinessTime.ZONE).toLocalDateTime();
    }

    private static ReferralEntity row(long refereeId, Long referrerId, long storeId, String code, Long activityId) {
        ReferralEntity r = new ReferralEntity();
        r.refereeId = refereeId;
        r.referrerId = referrerId;
        r.storeId = storeId;
        r.code = code == null ? "" : code.length() > 20 ? code.substring(0, 20) : code;
        r.activityId = activityId;
        r.boundAt = BusinessTime.now();
        return r;
    }

    private static String explain(MarketingErrors refusal) {
        return switch (refusal) {
            case REFERRAL_SELF -> "a member cannot refer themselves";
            case REFERRAL_ALREADY_REFERRED -> "the member was already referred";
            case REFERRAL_LOOP -> "the referrer registered after the referee";
            case REFERRAL_TOO_LATE -> "a referral code is named within the time allowed after registering";
            default -> refusal.name();
        };
    }
}
