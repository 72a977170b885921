package io.tessera.points.internal;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.points.api.Activity;
import io.tessera.points.api.EarningRule;
import io.tessera.points.api.RuleKind;
import io.tessera.points.api.RuleStatus;
import io.tessera.points.api.TenderMode;
import io.tessera.points.internal.jpa.RuleEntity;
import io.tessera.points.internal.jpa.RuleEntryEntity;
import io.tessera.points.internal.rules.EarningRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;

/** Earning rules as stored (PTS_RULE and its list entries), as the API shows them, and as the arithmetic takes them. */
final class Rules {

    static final String STORE = "STORE";
    static final String FORMAT = "FORMAT";
    static final String LEVEL = "LEVEL";

    private Rules() {
    }

    /** A rule with its lists. */
    record Loaded(RuleEntity rule, List<RuleEntryEntity> entries) {
    }

    static List<Loaded> active(EntityManager em, RuleKind kind) {
        List<RuleEntity> rules = em.createQuery("SELECT r FROM RuleEntity r WHERE r.kind = :k AND r.status = :s ORDER BY r.id", RuleEntity.class)
                .setParameter("k", kind.name()).setParameter("s", RuleStatus.ACTIVE.name()).getResultList();
        return withEntries(em, rules);
    }

    static List<Loaded> withEntries(EntityManager em, List<RuleEntity> rules) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Map<Long, List<RuleEntryEntity>> byRule = new HashMap<>();
        em.createQuery("SELECT e FROM RuleEntryEntity e WHERE e.ruleId IN :ids ORDER BY e.id", RuleEntryEntity.class)
                .setParameter("ids", rules.stream().map(r -> r.id).toList()).getResultList()
                .forEach(e -> byRule.computeIfAbsent(e.ruleId, k -> new ArrayList<>()).add(e));
        return rules.stream().map(r -> new Loaded(r, byRule.getOrDefault(r.id, List.of()))).toList();
    }

    static EarningRules.Rule arithmetic(Loaded l) {
        RuleEntity r = l.rule();
        Set<Long> stores = new LinkedHashSet<>();
        Set<String> formats = new LinkedHashSet<>();
        Map<Long, BigDecimal> levels = new LinkedHashMap<>();
        for (RuleEntryEntity e : l.entries()) {
            switch (e.type) {
                case STORE -> stores.add(Long.parseLong(e.value));
                case FORMAT -> formats.add(e.value);
                case LEVEL -> levels.put(Long.parseLong(e.value), e.multiplier);
                default -> throw new IllegalStateException("unknown rule entry " + e.type);
            }
        }
        return new EarningRules.Rule(r.id, r.name, r.version, RuleKind.valueOf(r.kind), r.activity == null ? null : Activity.valueOf(r.activity),
                r.pointsPerYuan, r.fixedPoints, TenderMode.valueOf(r.tenderMode), tenders(r.tenders), stores, formats, levels,
                r.capPerOrder, r.capPerDay, r.validFrom, r.validTo, r.priority);
    }

    static EarningRule dto(Loaded l) {
        RuleEntity r = l.rule();
        EarningRules.Rule a = arithmetic(l);
        EarningRule d = new EarningRule();
        d.id = r.id;
        d.name = r.name;
        d.kind = a.kind();
        d.activity = a.activity();
        d.pointsPerYuan = r.pointsPerYuan;
        d.fixedPoints = r.fixedPoints;
        d.tenderMode = a.tenderMode();
        d.tenders = new ArrayList<>(a.tenders());
        d.storeIds = new ArrayList<>(a.storeIds());
        d.formatCodes = new ArrayList<>(a.formatCodes());
        d.levels = a.levels().entrySet().stream().map(e -> {
            EarningRule.LevelMultiplier m = new EarningRule.LevelMultiplier();
            m.levelId = e.getKey();
            m.multiplier = e.getValue();
            return m;
        }).toList();
        d.capPerOrder = r.capPerOrder;
        d.capPerDay = r.capPerDay;
        d.validFrom = r.validFrom;
        d.validTo = r.validTo;
        d.priority = r.priority;
        d.status = RuleStatus.valueOf(r.status);
        d.version = r.version;
        d.createdBy = r.createdBy;
        d.createdAt = BusinessTime.offset(r.createdAt);
        d.updatedAt = BusinessTime.offset(r.updatedAt);
        return d;
    }

    static Set<PaymentMethod> tenders(String csv) {
        Set<PaymentMethod> set = EnumSet.noneOf(PaymentMethod.class);
        if (csv != null && !csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(String::trim).map(PaymentMethod::valueOf).forEach(set::add);
        }
        return set;
    }

    static String csv(Set<PaymentMethod> methods) {
        return methods.isEmpty() ? null : String.join(",", methods.stream().map(Enum::name).toList());
    }

    /** Replaces the rule's lists. */
    static void saveEntries(EntityManager em, long ruleId, List<RuleEntryEntity> entries) {
        em.createQuery("DELETE FROM RuleEntryEntity e WHERE e.ruleId = :r").setParameter("r", ruleId).executeUpdate();
        for (RuleEntryEntity e : entries) {
            e.ruleId = ruleId;
            em.persist(e);
        }
        em.flush();
    }

    static List<RuleEntryEntity> entries(EntityManager em, long ruleId) {
        return em.createQuery("SELECT e FROM RuleEntryEntity e WHERE e.ruleId = :r ORDER BY e.id", RuleEntryEntity.class)
                .setParameter("r", ruleId).getResultList();
    }
}
