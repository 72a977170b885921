package io.tessera.marketing.internal;

import io.tessera.marketing.api.Activity;
import io.tessera.marketing.api.ActivityService;
import io.tessera.marketing.api.ActivityStatus;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.api.Reward;
import io.tessera.marketing.api.RewardState;
import io.tessera.marketing.internal.jpa.ActivityEntity;
import io.tessera.marketing.internal.jpa.ActivityRewardEntity;
import io.tessera.marketing.internal.jpa.RewardEntity;
import io.tessera.members.api.LevelService;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.audit.AuditEntry;
import io.tessera.platform.api.audit.AuditService;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Activities: headquarters (HQ_ADMIN) make, change and run them; every operator reads them. Every change is
 * audited ("marketing-activity") and counts a version. Rewards: headquarters see every reward; a store operator the
 * rewards of a member they may see.
 */
@Component(service = ActivityService.class)
public class ActivityServiceImpl implements ActivityService {

    private static final String AUDITED = "marketing-activity";

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final OrgService org;
    private final MemberService members;
    private final LevelService levels;

    @Activate
    public ActivityServiceImpl(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference AuditService audit,
                               @Reference OrgService org, @Reference MemberService members, @Reference LevelService levels) {
        this.jpa = jpa;
        this.levels = levels;
        this.audit = audit;
        this.org = org;
        this.members = members;
    }

    @Override
    public Activity create(Requests.ActivityRequest r) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN);
        ActivityEntity e = new ActivityEntity();
        ActivityForm.Read read = ActivityForm.apply(r, e);
        checkStores(read.storeIds());
        checkLevels(read.levelIds());
        LocalDateTime now = BusinessTime.now();
        e.status = ActivityStatus.DRAFT.name();
        e.used = 0;
        e.version = 1;
        e.createdBy = caller.label();
        e.createdAt = now;
        e.updatedAt = now;
        return jpa.txExpr(TransactionType.Required, em -> {
            em.persist(e);
            em.flush();
            Activities.saveParts(em, e.id, read.storeIds(), read.levelIds(), read.rewards());
            Activity after = Activities.dto(Activities.load(em, e));
            audit.record("marketing-activity.create", AUDITED, String.valueOf(e.id), null, null, after);
            return after;
        });
    }

    @Override
    public Activity update(long id, Requests.ActivityRequest r) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        return jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity e = Activities.locked(em, id);
            Activities.Loaded was = Activities.load(em, e);
            Activity before = Activities.dto(was);
            ActivityStatus status = ActivityStatus.valueOf(e.status);
            if (status == ActivityStatus.ENDED) {
                throw MarketingErrors.ACTIVITY_STATE_INVALID.at("status", "activity " + id + " has ended: it no longer changes");
            }
            ActivityEntity old = copy(e);
            ActivityForm.Read read = ActivityForm.apply(r, e);
            checkStores(read.storeIds());
            checkLevels(read.levelIds());
            boolean draft = status == ActivityStatus.DRAFT;
            String locked = ActivityForm.lockedChange(old, was.rewards(), e, read.rewards());
            if (!draft && locked != null) {
                throw MarketingErrors.ACTIVITY_LOCKED.at(locked, "activity " + id + " is " + status
                        + ": its type, trigger, smallest recharge and rewards no longer change (end it and make a new one)");
            }
            if (e.budget != null && e.budget < e.used) {
                throw ActivityForm.invalid("budget", "activity " + id + " has rewarded " + e.used + " times already: the budget is at least that");
            }
            e.version++;
            e.updatedAt = BusinessTime.now();
            // Once it has run, its reward rows stay (their ids are in the rewards' delivery keys): only the stores change.
            Activities.saveParts(em, id, read.storeIds(), read.levelIds(), draft ? read.rewards() : null);
            Activity after = Activities.dto(Activities.load(em, e));
            audit.record("marketing-activity.update", AUDITED, String.valueOf(id), null, before, after);
            return after;
        });
    }

    @Override
    public Activity get(long id) {
        return jpa.txExpr(TransactionType.Required, em -> Activities.dto(Activities.load(em, Activities.find(em, id))));
    }

    @Override
    public Page<Activity> list(ActivityType type, ActivityStatus status, int page, int size) {
        Page.check(page, size);
        return jpa.txExpr(TransactionType.Required, em -> {
            Page<ActivityEntity> p = PagedQuery.of("ActivityEntity", "a").filter(type == null ? null : type.name(), "a.type = :type", "type")
                    .filter(status == null ? null : status.name(), "a.status = :status", "status")
                    .page(em, ActivityEntity.class, "a.id DESC", page, size);
            return new Page<>(Activities.withParts(em, p.getItems()).stream().map(Activities::dto).toList(), p.getPage(), p.getSize(),
                    p.getTotal());
        });
    }

    @Override
    public Activity activate(long id) {
        return change(id, ActivityStatus.ACTIVE, Set.of(ActivityStatus.DRAFT, ActivityStatus.PAUSED), "marketing-activity.activate");
    }

    @Override
    public Activity pause(long id) {
        return change(id, ActivityStatus.PAUSED, Set.of(ActivityStatus.ACTIVE), "marketing-activity.pause");
    }

    @Override
    public Activity end(long id) {
        return change(id, ActivityStatus.ENDED, Set.of(ActivityStatus.ACTIVE, ActivityStatus.PAUSED), "marketing-activity.end");
    }

    private Activity change(long id, ActivityStatus to, Set<ActivityStatus> from, String action) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        return jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity e = Activities.locked(em, id);
            Activities.Loaded l = Activities.load(em, e);
            Activity before = Activities.dto(l);
            ActivityStatus now = ActivityStatus.valueOf(e.status);
            if (!from.contains(now)) {
                throw MarketingErrors.ACTIVITY_STATE_INVALID.at("status", "activity " + id + " is " + now + ": it cannot become " + to);
            }
            e.status = to.name();
            e.version++;
            e.updatedAt = BusinessTime.now();
            em.flush();
            Activity after = Activities.dto(l);
            audit.record(action, AUDITED, String.valueOf(id), null, before, after);
            return after;
        });
    }

    @Override
    public List<AuditEntry> audit(long id) {
        jpa.txExpr(TransactionType.Required, em -> Activities.find(em, id));
        return audit.recent(AUDITED, String.valueOf(id), 100);
    }

    @Override
    public Page<Reward> rewards(Long activityId, Long memberId, RewardState state, int page, int size) {
        Caller caller = CallerContext.current();
        if (!caller.hasRole(Role.HQ_ADMIN)) {
            // A store operator reads the rewards of a member they may see (the members' rule), not a whole activity's.
            members.get(Checks.required("memberId", memberId));
        }
        Page.check(page, size);
        return jpa.txExpr(TransactionType.Required, em -> {
            Page<RewardEntity> p = PagedQuery.of("RewardEntity", "r").filter(activityId, "r.activityId = :a", "a")
                    .filter(memberId, "r.memberId = :m", "m").filter(state == null ? null : state.name(), "r.state = :s", "s")
                    .page(em, RewardEntity.class, "r.id DESC", page, size);
            return new Page<>(p.getItems().stream().map(Activities::reward).toList(), p.getPage(), p.getSize(), p.getTotal());
        });
    }

    @Override
    public Reward retry(long rewardId) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        return jpa.txExpr(TransactionType.Required, em -> {
            int moved = em.createQuery("UPDATE RewardEntity r SET r.state = 'PENDING', r.nextAt = :now, r.attempts = 0 WHERE r.id = :id"
                    + " AND r.state = 'REFUSED'").setParameter("now", BusinessTime.now()).setParameter("id", rewardId).executeUpdate();
            RewardEntity r = em.find(RewardEntity.class, rewardId);
            if (r == null) {
                throw MarketingErrors.REWARD_NOT_FOUND.error("no reward " + rewardId);
            }
            em.refresh(r);
            if (moved == 0) {
                throw MarketingErrors.REWARD_STATE_INVALID.at("state", "reward " + rewardId + " is " + r.state + ": only a REFUSED reward is tried again");
            }
            Reward out = Activities.reward(r);
            audit.record("marketing-reward.retry", "marketing-reward", String.valueOf(rewardId), null, null, out);
            return out;
        });
    }

    private void checkStores(Set<Long> storeIds) {
        for (long store : storeIds) {
            if (org.findStore(store).isEmpty()) {
                throw ActivityForm.invalid("storeIds", "no store " + store);
            }
        }
    }

    private void checkLevels(Set<Long> levelIds) {
        if (levelIds.isEmpty()) {
            return;
        }
        Set<Long> known = levels.list().stream().filter(l -> l.id != null).map(l -> l.id).collect(Collectors.toSet());
        for (long level : levelIds) {
            if (!known.contains(level)) {
                throw ActivityForm.invalid("levelIds", "no level " + level);
            }
        }
    }

    private static ActivityEntity copy(ActivityEntity e) {
        ActivityEntity c = new ActivityEntity();
        c.type = e.type;
        c.trigger = e.trigger;
        c.rechargeFrom = e.rechargeFrom;
        return c;
    }
}
