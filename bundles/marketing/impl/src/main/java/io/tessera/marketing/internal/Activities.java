package io.tessera.marketing.internal;

import io.tessera.marketing.api.Activity;
import io.tessera.marketing.api.ActivityStatus;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.Reward;
import io.tessera.marketing.api.RewardKind;
import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.api.RewardSpec;
import io.tessera.marketing.api.RewardState;
import io.tessera.marketing.api.Trigger;
import io.tessera.marketing.internal.jpa.ActivityEntity;
import io.tessera.marketing.internal.jpa.ActivityLevelEntity;
import io.tessera.marketing.internal.jpa.ActivityRewardEntity;
import io.tessera.marketing.internal.jpa.ActivityStoreEntity;
import io.tessera.marketing.internal.jpa.RewardEntity;
import io.tessera.marketing.internal.rules.ActivityWindow;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

/** Reading and writing an activity with its stores and rewards, and the DTOs of activities and rewards. */
final class Activities {

    /** An activity row with its stores and rewards. */
    record Loaded(ActivityEntity activity, Set<Long> storeIds, Set<Long> levelIds, List<ActivityRewardEntity> rewards) {

        ActivityWindow.Terms terms() {
            return new ActivityWindow.Terms(ActivityStatus.valueOf(activity.status), activity.startsAt, activity.endsAt, storeIds,
                    activity.budget, activity.used);
        }
    }

    private Activities() {
    }

    static ActivityEntity find(EntityManager em, long id) {
        ActivityEntity e = em.find(ActivityEntity.class, id);
        if (e == null) {
            throw MarketingErrors.ACTIVITY_NOT_FOUND.error("no activity " + id);
        }
        return e;
    }

    static ActivityEntity locked(EntityManager em, long id) {
        ActivityEntity e = find(em, id);
        em.lock(e, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(e);
        return e;
    }

    static Loaded load(EntityManager em, ActivityEntity a) {
        return withParts(em, List.of(a)).get(0);
    }

    /** The activities with their stores, levels and rewards, in three queries. */
    static List<Loaded> withParts(EntityManager em, List<ActivityEntity> activities) {
        if (activities.isEmpty()) {
            return List.of();
        }
        List<Long> ids = activities.stream().map(a -> a.id).toList();
        Map<Long, Set<Long>> stores = new HashMap<>();
        for (ActivityStoreEntity s : em.createQuery("SELECT s FROM ActivityStoreEntity s WHERE s.activityId IN :ids", ActivityStoreEntity.class)
                .setParameter("ids", ids).getResultList()) {
            stores.computeIfAbsent(s.activityId, k -> new TreeSet<>()).add(s.storeId);
        }
        Map<Long, Set<Long>> levels = new HashMap<>();
        for (ActivityLevelEntity v : em.createQuery("SELECT v FROM ActivityLevelEntity v WHERE v.activityId IN :ids", ActivityLevelEntity.class)
                .setParameter("ids", ids).getResultList()) {
            levels.computeIfAbsent(v.activityId, k -> new TreeSet<>()).add(v.levelId);
        }
        Map<Long, List<ActivityRewardEntity>> rewards = new HashMap<>();
        for (ActivityRewardEntity r : em.createQuery("SELECT r FROM ActivityRewardEntity r WHERE r.activityId IN :ids ORDER BY r.id",
                ActivityRewardEntity.class).setParameter("ids", ids).getResultList()) {
            rewards.computeIfAbsent(r.activityId, k -> new ArrayList<>()).add(r);
        }
        return activities.stream().map(a -> new Loaded(a, stores.getOrDefault(a.id, new TreeSet<>()), levels.getOrDefault(a.id, new TreeSet<>()),
                rewards.getOrDefault(a.id, List.of()))).toList();
    }

    /** Replaces the activity's stores and levels, and its rewards unless {@code rewards} is null, with these. */
    static void saveParts(EntityManager em, long activityId, Collection<Long> storeIds, Collection<Long> levelIds,
                          List<ActivityRewardEntity> rewards) {
        em.createQuery("DELETE FROM ActivityStoreEntity s WHERE s.activityId = :a").setParameter("a", activityId).executeUpdate();
        em.createQuery("DELETE FROM ActivityLevelEntity v WHERE v.activityId = :a").setParameter("a", activityId).executeUpdate();
        if (rewards != null) {
            em.createQuery("DELETE FROM ActivityRewardEntity r WHERE r.activityId = :a").setParameter("a", activityId).executeUpdate();
        }
        for (long store : storeIds) {
            ActivityStoreEntity s = new ActivityStoreEntity();
            s.activityId = activityId;
            s.storeId = store;
            em.persist(s);
        }
        for (long level : levelIds) {
            ActivityLevelEntity v = new ActivityLevelEntity();
            v.activityId = activityId;
            v.levelId = level;
            em.persist(v);
        }
        for (ActivityRewardEntity r : rewards == null ? List.<ActivityRewardEntity>of() : rewards) {
            r.activityId = activityId;
            em.persist(r);
            // One at a time: the ids keep the order given (new objects of one flush are inserted in no set order).
            em.flush();
        }
        em.flush();
    }

    static Activity dto(Loaded l) {
        ActivityEntity e = l.activity();
        Activity a = new Activity();
        a.id = e.id;
        a.type = ActivityType.valueOf(e.type);
        a.name = e.name;
        a.status = ActivityStatus.valueOf(e.status);
        a.startsAt = BusinessTime.offset(e.startsAt);
        a.endsAt = BusinessTime.offset(e.endsAt);
        a.storeIds = new ArrayList<>(l.storeIds());
        a.budget = e.budget;
        a.used = e.used;
        a.perMemberLimit = e.perMemberLimit;
        a.trigger = e.trigger == null ? null : Trigger.valueOf(e.trigger);
        a.rechargeFrom = e.rechargeFrom == null ? null : Money.of(e.rechargeFrom);
        a.levelIds = new ArrayList<>(l.levelIds());
        a.rewards = l.rewards().stream().map(Activities::spec).toList();
        a.version = e.version;
        a.createdBy = e.createdBy;
        a.createdAt = BusinessTime.offset(e.createdAt);
        a.updatedAt = BusinessTime.offset(e.updatedAt);
        return a;
    }

    private static RewardSpec spec(ActivityRewardEntity r) {
        RewardSpec s = new RewardSpec();
        s.role = RewardRole.valueOf(r.role);
        s.kind = RewardKind.valueOf(r.kind);
        s.templateId = r.templateId;
        s.points = r.points;
        s.amount = r.amount == null ? null : Money.of(r.amount);
        return s;
    }

    static Reward reward(RewardEntity e) {
        Reward r = new Reward();
        r.id = e.id;
        r.activityId = e.activityId;
        r.memberId = e.memberId;
        r.role = RewardRole.valueOf(e.role);
        r.kind = RewardKind.valueOf(e.kind);
        r.templateId = e.templateId;
        r.points = e.points;
        r.amount = e.amount == null ? null : Money.of(e.amount);
        r.state = RewardState.valueOf(e.state);
        r.attempts = e.attempts;
        r.deliveryKey = e.deliveryKey;
        r.source = e.source;
        r.couponNo = e.couponNo;
        r.earningId = e.earningId;
        r.code = e.code;
        r.message = e.message;
        r.createdAt = BusinessTime.offset(e.createdAt);
        r.doneAt = BusinessTime.offset(e.doneAt);
        return r;
    }
}
