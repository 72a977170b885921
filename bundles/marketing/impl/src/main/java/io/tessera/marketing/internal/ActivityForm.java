package io.tessera.marketing.internal;

import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.api.RewardKind;
import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.api.RewardSpec;
import io.tessera.marketing.internal.jpa.ActivityEntity;
import io.tessera.marketing.internal.jpa.ActivityRewardEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.TesseraException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The one place an activity request is checked and read into its rows; each refusal names its field. */
final class ActivityForm {

    static final int MAX_STORES = 500;
    static final int MAX_REWARDS = 10;
    static final long MAX_POINTS = 1_000_000;
    static final int MAX_LEVELS = 50;
    static final Money MAX_RECHARGE_FROM = Money.parse("1000000");
    static final Money MAX_BONUS = Money.parse("100000");

    /** What a request makes: the activity's own fields (written into the entity), its stores, levels and rewards. */
    record Read(Set<Long> storeIds, Set<Long> levelIds, List<ActivityRewardEntity> rewards) {
    }

    private ActivityForm() {
    }

    static Read apply(Requests.ActivityRequest r, ActivityEntity e) {
        Checks.required("body", r);
        ActivityType type = Checks.required("type", r.type);
        String name = Checks.text("name", r.name, 100);
        LocalDateTime starts = local(Checks.required("startsAt", r.startsAt));
        LocalDateTime ends = local(Checks.required("endsAt", r.endsAt));
        if (!ends.isAfter(starts)) {
            throw invalid("endsAt", "an activity ends after it starts");
        }
        if (r.budget != null && (r.budget < 1 || r.budget > 100_000_000L)) {
            throw invalid("budget", "a budget is 1 to 100,000,000 rewarded occasions (absent: no limit)");
        }
        if (r.perMemberLimit != null && (r.perMemberLimit < 1 || r.perMemberLimit > 10_000)) {
            throw invalid("perMemberLimit", "a per-member limit is 1 to 10,000 (absent: no limit)");
        }
        Set<Long> stores = new TreeSet<>();
        if (r.storeIds != null) {
            if (r.storeIds.size() > MAX_STORES) {
                throw invalid("storeIds", "at most " + MAX_STORES + " stores (none: every store)");
            }
            for (int i = 0; i < r.storeIds.size(); i++) {
                stores.add(Checks.required("storeIds[" + i + "]", r.storeIds.get(i)));
            }
        }
        if (type == ActivityType.REFERRAL) {
            Checks.required("trigger", r.trigger);
        } else if (r.trigger != null) {
            throw invalid("trigger", "only a REFERRAL activity has a trigger");
        }
        Set<Long> levels = new TreeSet<>();
        if (type == ActivityType.RECHARGE) {
            e.rechargeFrom = amount("rechargeFrom", r.rechargeFrom, MAX_RECHARGE_FROM, "the smallest recharge rewarded").toBigDecimal();
            if (r.levelIds != null) {
                if (r.levelIds.size() > MAX_LEVELS) {
                    throw invalid("levelIds", "at most " + MAX_LEVELS + " levels (none: every member)");
                }
                for (int i = 0; i < r.levelIds.size(); i++) {
                    levels.add(Checks.required("levelIds[" + i + "]", r.levelIds.get(i)));
                }
            }
        } else {
            if (r.rechargeFrom != null) {
                throw invalid("rechargeFrom", "only a RECHARGE activity has a smallest recharge");
            }
            if (r.levelIds != null && !r.levelIds.isEmpty()) {
                throw invalid("levelIds", "only a RECHARGE activity is limited to levels (a send's segment names its level)");
            }
            e.rechargeFrom = null;
        }
        List<ActivityRewardEntity> rewards = rewards(type, Checks.required("rewards", r.rewards));
        e.type = type.name();
        e.name = name;
        e.startsAt = starts;
        e.endsAt = ends;
        e.budget = r.budget;
        e.perMemberLimit = r.perMemberLimit;
        e.trigger = r.trigger == null ? null : r.trigger.name();
        return new Read(stores, levels, rewards);
    }

    private static List<ActivityRewardEntity> rewards(ActivityType type, List<RewardSpec> specs) {
        if (specs.isEmpty() || specs.size() > MAX_REWARDS) {
            throw invalid("rewards", "1 to " + MAX_REWARDS + " rewards");
        }
        List<ActivityRewardEntity> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String at = "rewards[" + i + "]";
            RewardSpec s = Checks.required(at, specs.get(i));
            RewardRole role = Checks.required(at + ".role", s.role);
            RewardKind kind = Checks.required(at + ".kind", s.kind);
            if (!roles(type).contains(role)) {
                throw invalid(at + ".role", "a " + type + " activity rewards " + roles(type));
            }
            ActivityRewardEntity e = new ActivityRewardEntity();
            e.role = role.name();
            e.kind = kind.name();
            if (kind != RewardKind.BONUS && s.amount != null) {
                throw invalid(at + ".amount", "only a BONUS reward has an amount");
            }
            if (kind == RewardKind.BONUS) {
                if (type != ActivityType.RECHARGE) {
                    throw invalid(at + ".kind", "only a RECHARGE activity gives a stored-value bonus");
                }
                if (out.stream().anyMatch(x -> x.kind.equals(RewardKind.BONUS.name()))) {
                    throw invalid(at + ".kind", "a recharge earns one bonus");
                }
                if (s.templateId != null || s.points != null) {
                    throw invalid(s.templateId != null ? at + ".templateId" : at + ".points", "a BONUS reward gives stored value, nothing else");
                }
                e.amount = amount(at + ".amount", s.amount, MAX_BONUS, "a bonus").toBigDecimal();
            } else if (kind == RewardKind.COUPON) {
                e.templateId = Checks.required(at + ".templateId", s.templateId);
                if (s.points != null) {
                    throw invalid(at + ".points", "a COUPON reward names a template, not points");
                }
            } else {
                e.points = Checks.required(at + ".points", s.points);
                if (e.points < 1 || e.points > MAX_POINTS) {
                    throw invalid(at + ".points", "a POINTS reward is 1 to " + MAX_POINTS + " points");
                }
                if (s.templateId != null) {
                    throw invalid(at + ".templateId", "a POINTS reward gives points, not a coupon");
                }
            }
            out.add(e);
        }
        return out;
    }

    /** A required amount of 0.01 to {@code max}. */
    private static Money amount(String field, Money value, Money max, String what) {
        Money m = Checks.required(field, value);
        if (!m.isPositive() || m.compareTo(max) > 0) {
            throw invalid(field, what + " is 0.01 to " + max);
        }
        return m;
    }

    static Set<RewardRole> roles(ActivityType type) {
        return switch (type) {
            case REFERRAL -> Set.of(RewardRole.REFERRER, RewardRole.REFEREE);
            case COUPON_SEND, RECHARGE, PAY_TO_JOIN -> Set.of(RewardRole.RECIPIENT);
        };
    }

    /** The fields an activity keeps once it has run: its type, trigger and rewards (null: none of them changed). */
    static String lockedChange(ActivityEntity was, List<ActivityRewardEntity> wasRewards, ActivityEntity now, List<ActivityRewardEntity> nowRewards) {
        if (!was.type.equals(now.type)) {
            return "type";
        }
        if (was.trigger == null ? now.trigger != null : !was.trigger.equals(now.trigger)) {
            return "trigger";
        }
        if (was.rechargeFrom == null ? now.rechargeFrom != null : now.rechargeFrom == null || was.rechargeFrom.compareTo(now.rechargeFrom) != 0) {
            return "rechargeFrom";
        }
        if (!shape(wasRewards).equals(shape(nowRewards))) {
            return "rewards";
        }
        return null;
    }

    private static List<String> shape(List<ActivityRewardEntity> rewards) {
        return rewards.stream().map(r -> r.role + "/" + r.kind + "/" + r.templateId + "/" + r.points + "/" + (r.amount == null ? null
                : Money.of(r.amount))).sorted().toList();
    }

    /** An API time as the chain's wall clock (what is stored). */
    static LocalDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(BusinessTime.ZONE).toLocalDateTime().truncatedTo(ChronoUnit.MILLIS);
    }

    static TesseraException invalid(String field, String message) {
        return MarketingErrors.ACTIVITY_INVALID.at(field, message);
    }
}
