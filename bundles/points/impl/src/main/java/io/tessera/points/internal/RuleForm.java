package io.tessera.points.internal;

import io.tessera.platform.api.Checks;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.points.api.Activity;
import io.tessera.points.api.EarningRule;
import io.tessera.points.api.PointsErrors;
import io.tessera.points.api.Requests;
import io.tessera.points.api.RuleKind;
import io.tessera.points.api.TenderMode;
import io.tessera.points.internal.jpa.RuleEntity;
import io.tessera.points.internal.jpa.RuleEntryEntity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks an earning rule request field by field (each refusal names its field) and writes it onto the entity. */
final class RuleForm {

    static final BigDecimal MAX_PER_YUAN = new BigDecimal("10000");
    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("100");
    static final long MAX_FIXED = 1_000_000;

    private RuleForm() {
    }

    /** Applies the request; answers the rule's list entries (stores, formats, levels) to save. */
    static List<RuleEntryEntity> apply(Requests.RuleRequest r, RuleEntity e) {
        if (r == null) {
            throw invalid("body", "an earning rule is required");
        }
        e.name = Checks.text("name", r.name, 100);
        RuleKind kind = required("kind", r.kind);
        e.kind = kind.name();
        if (kind == RuleKind.SPEND) {
            if (r.activity != null) {
                throw invalid("activity", "a SPEND rule rewards paying, not an activity: leave activity empty");
            }
            if (r.fixedPoints != null) {
                throw invalid("fixedPoints", "a SPEND rule earns per yuan: leave fixedPoints empty");
            }
            e.activity = null;
            e.pointsPerYuan = perYuan(required("pointsPerYuan", r.pointsPerYuan));
            e.fixedPoints = null;
        } else {
            Activity activity = required("activity", r.activity);
            e.activity = activity.name();
            if (r.fixedPoints == null && r.pointsPerYuan == null) {
                throw invalid("fixedPoints", "an activity rule gives fixedPoints" + (activity == Activity.RECHARGE ? " or pointsPerYuan of the recharge" : ""));
            }
            if (r.fixedPoints != null && r.pointsPerYuan != null) {
                throw invalid("pointsPerYuan", "give fixedPoints or pointsPerYuan, not both");
            }
            if (r.pointsPerYuan != null && activity != Activity.RECHARGE) {
                throw invalid("pointsPerYuan", "only a RECHARGE rule earns per yuan (of the principal recharged)");
            }
            if (r.fixedPoints != null && (r.fixedPoints < 1 || r.fixedPoints > MAX_FIXED)) {
                throw invalid("fixedPoints", "fixedPoints is 1 to " + MAX_FIXED);
            }
            e.fixedPoints = r.fixedPoints;
            e.pointsPerYuan = r.pointsPerYuan == null ? null : perYuan(r.pointsPerYuan);
        }
        TenderMode mode = r.tenderMode == null ? TenderMode.ALL : r.tenderMode;
        Set<PaymentMethod> tenders = EnumSet.noneOf(PaymentMethod.class);
        if (r.tenders != null) {
            for (int i = 0; i < r.tenders.size(); i++) {
                PaymentMethod m = r.tenders.get(i);
                if (m == null || !tenders.add(m)) {
                    throw invalid("tenders[" + i + "]", m == null ? "a tender is required" : m + " is listed twice");
                }
            }
        }
        if (kind == RuleKind.ACTIVITY && (mode != TenderMode.ALL || !tenders.isEmpty())) {
            throw invalid("tenderMode", "tenders apply to SPEND rules only");
        }
        if (mode == TenderMode.ALL && !tenders.isEmpty()) {
            throw invalid("tenders", "tenderMode ALL lists no tenders (ONLY or EXCEPT do)");
        }
        if (mode != TenderMode.ALL && tenders.isEmpty()) {
            throw invalid("tenders", "tenderMode " + mode + " lists at least one tender");
        }
        e.tenderMode = mode.name();
        e.tenders = Rules.csv(tenders);
        e.capPerOrder = positive("capPerOrder", r.capPerOrder);
        e.capPerDay = positive("capPerDay", r.capPerDay);
        if (kind == RuleKind.ACTIVITY && (e.capPerOrder != null || e.capPerDay != null)) {
            throw invalid(e.capPerOrder != null ? "capPerOrder" : "capPerDay", "an activity rule has no caps: each activity earns once");
        }
        e.validFrom = r.validFrom;
        e.validTo = r.validTo;
        if (e.validFrom != null && e.validTo != null && e.validTo.isBefore(e.validFrom)) {
            throw invalid("validTo", "validTo is on or after validFrom");
        }
        int priority = r.priority == null ? 0 : r.priority;
        if (priority < 0 || priority > 1000) {
            throw invalid("priority", "priority is 0 to 1000");
        }
        e.priority = priority;
        List<RuleEntryEntity> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        list(r.storeIds, 1000, "storeIds", i -> {
            Long id = r.storeIds.get(i);
            if (id == null || id <= 0) {
                throw invalid("storeIds[" + i + "]", "a store id is more than 0");
            }
            add(entries, seen, Rules.STORE, String.valueOf(id), null, "storeIds[" + i + "]");
        });
        list(r.formatCodes, 50, "formatCodes", i -> add(entries, seen, Rules.FORMAT, Checks.text("formatCodes[" + i + "]", r.formatCodes.get(i), 20),
                null, "formatCodes[" + i + "]"));
        list(r.levels, 50, "levels", i -> {
            EarningRule.LevelMultiplier m = r.levels.get(i);
            String field = "levels[" + i + "]";
            if (kind != RuleKind.SPEND) {
                throw invalid("levels", "level multipliers apply to SPEND rules only");
            }
            if (m == null || m.levelId <= 0) {
                throw invalid(field + ".levelId", "a level id is more than 0");
            }
            BigDecimal x = m.multiplier;
            if (x == null || x.signum() <= 0 || x.compareTo(MAX_MULTIPLIER) > 0 || x.stripTrailingZeros().scale() > 2) {
                throw invalid(field + ".multiplier", "a multiplier is more than 0, at most 100, with at most 2 decimals");
            }
            add(entries, seen, Rules.LEVEL, String.valueOf(m.levelId), x.setScale(2), field + ".levelId");
        });
        return entries;
    }

    /** The field of the points arithmetic that differs between two versions of a rule, or null. */
    static String pointsChange(RuleEntity was, RuleEntity now) {
        if (!Objects.equals(was.kind, now.kind) || !Objects.equals(was.activity, now.activity)) {
            return "kind";
        }
        if (!same(was.pointsPerYuan, now.pointsPerYuan)) {
            return "pointsPerYuan";
        }
        if (!Objects.equals(was.fixedPoints, now.fixedPoints)) {
            return "fixedPoints";
        }
        return null;
    }

    private interface Item {
        void check(int index);
    }

    private static void list(List<?> values, int max, String field, Item item) {
        if (values == null) {
            return;
        }
        if (values.size() > max) {
            throw invalid(field, "at most " + max + " entries");
        }
        for (int i = 0; i < values.size(); i++) {
            item.check(i);
        }
    }

    private static void add(List<RuleEntryEntity> entries, Set<String> seen, String type, String value, BigDecimal multiplier, String field) {
        if (!seen.add(type + ":" + value)) {
            throw invalid(field, value + " is listed twice");
        }
        RuleEntryEntity e = new RuleEntryEntity();
        e.type = type;
        e.value = value;
        e.multiplier = multiplier;
        entries.add(e);
    }

    private static BigDecimal perYuan(BigDecimal v) {
        if (v.signum() <= 0 || v.compareTo(MAX_PER_YUAN) > 0 || v.stripTrailingZeros().scale() > 4) {
            throw invalid("pointsPerYuan", "pointsPerYuan is more than 0, at most 10000, with at most 4 decimals");
        }
        return v.setScale(4);
    }

    private static Long positive(String field, Long v) {
        if (v != null && v < 1) {
            throw invalid(field, field + " is at least 1 (leave it empty for no cap)");
        }
        return v;
    }

    private static <T> T required(String field, T v) {
        if (v == null) {
            throw invalid(field, field + " is required");
        }
        return v;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static RuntimeException invalid(String field, String message) {
        return PointsErrors.POINTS_RULE_INVALID.at(field, message);
    }
}
