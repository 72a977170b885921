package io.tessera.points.internal.rules;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.points.api.Activity;
import io.tessera.points.api.EarningOutcome;
import io.tessera.points.api.RuleKind;
import io.tessera.points.api.TenderMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an order or activity earns, and why: the one place the earning arithmetic lives.
 *
 * <p>Rule choice: of the active rules of the kind (and activity) valid on the day that cover the store, the
 * most specific wins — the store listed, then its format listed, then a rule for every store — then the higher
 * priority, then the lower id. One rule per order.
 *
 * <p>A sale earns ⌊base in fen × points per yuan × the level's multiplier / 100⌋, where base is what the
 * succeeded tenders the rule accepts paid (tenders are net of every discount: points per yuan actually paid);
 * then the rule's cap per order, then what is left of its cap per day.
 */
public final class EarningRules {

    /** An earning rule as the arithmetic needs it. */
    public record Rule(long id, String name, int version, RuleKind kind, Activity activity, BigDecimal pointsPerYuan, Long fixedPoints,
                       TenderMode tenderMode, Set<PaymentMethod> tenders, Set<Long> storeIds, Set<String> formatCodes,
                       Map<Long, BigDecimal> levels, Long capPerOrder, Long capPerDay, LocalDate validFrom, LocalDate validTo, int priority) {

        boolean accepts(PaymentMethod m) {
            return switch (tenderMode) {
                case ALL -> true;
                case ONLY -> tenders.contains(m);
                case EXCEPT -> !tenders.contains(m);
            };
        }

        /** 3: the store is listed; 2: its format; 1: every store; 0: not this store. */
        int specificity(long storeId, String formatCode) {
            if (storeIds.isEmpty() && formatCodes.isEmpty()) {
                return 1;
            }
            if (storeIds.contains(storeId)) {
                return 3;
            }
            return formatCode != null && formatCodes.contains(formatCode) ? 2 : 0;
        }

        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** What one tender paid. */
    public record Paid(PaymentMethod method, Money amount) {
    }

    /** The outcome: points (after caps), what they were computed on, the rule, and the explanation. */
    public record Result(Rule rule, Money base, BigDecimal multiplier, long computed, long points, EarningOutcome outcome,
                         String explanation, Set<PaymentMethod> accepted) {

        static Result none(EarningOutcome outcome, String explanation) {
            return new Result(null, Money.ZERO, BigDecimal.ONE.setScale(2), 0, 0, outcome, explanation, Set.of());
        }
    }

    private EarningRules() {
    }

    /** The rule that applies: the active rules of the kind (and activity), as the caller read them. */
    public static Optional<Rule> select(List<Rule> rules, RuleKind kind, Activity activity, long storeId, String formatCode, LocalDate day) {
        return rules.stream()
                .filter(r -> r.kind() == kind && (kind == RuleKind.SPEND || r.activity() == activity))
                .filter(r -> r.validOn(day) && r.specificity(storeId, formatCode) > 0)
                .min(Comparator.comparingInt((Rule r) -> r.specificity(storeId, formatCode)).reversed()
                        .thenComparing(Comparator.comparingInt(Rule::priority).reversed()).thenComparingLong(Rule::id));
    }

    /**
     * A paid sale's points.
     *
     * @param levelId     the member's level (null: none), for the rule's multiplier
     * @param earnedToday what the account already earned today by sales (the daily cap)
     */
    public static Result sale(List<Rule> rules, long storeId, String formatCode, LocalDate day, Long levelId, List<Paid> tenders,
                              long earnedToday) {
        Optional<Rule> chosen = select(rules, RuleKind.SPEND, null, storeId, formatCode, day);
        if (chosen.isEmpty()) {
            return Result.none(EarningOutcome.NO_RULE, "no active earning rule covers store " + storeId
                    + (formatCode == null ? "" : " (format " + formatCode + ")") + " on " + day);
        }
        Rule rule = chosen.get();
        Set<PaymentMethod> accepted = EnumSet.noneOf(PaymentMethod.class);
        Set<PaymentMethod> refused = new TreeSet<>();
        Money base = Money.ZERO;
        for (Paid p : tenders) {
            if (rule.accepts(p.method())) {
                accepted.add(p.method());
                base = base.plus(p.amount());
            } else {
                refused.add(p.method());
            }
        }
        BigDecimal multiplier = levelId == null ? BigDecimal.ONE.setScale(2) : rule.levels().getOrDefault(levelId, BigDecimal.ONE.setScale(2));
        if (accepted.isEmpty() && !refused.isEmpty()) {
            return new Result(rule, Money.ZERO, multiplier, 0, 0, EarningOutcome.TENDER_EXCLUDED,
                    "rule " + rule.id() + " (" + rule.name() + ") earns no points for " + names(refused), Set.of());
        }
        long computed = perYuan(base, rule.pointsPerYuan(), multiplier);
        String how = base + " × " + rule.pointsPerYuan().stripTrailingZeros().toPlainString() + " per yuan"
                + (multiplier.compareTo(BigDecimal.ONE) == 0 ? "" : " × " + multiplier + " (level)") + " = " + computed + " points";
        String note = refused.isEmpty() ? "" : "; " + names(refused) + " earn nothing";
        if (computed == 0) {
            return new Result(rule, base, multiplier, 0, 0, EarningOutcome.ZERO_BASE, how + under(rule) + note, accepted);
        }
        return capped(rule, base, multiplier, computed, earnedToday, how + under(rule), note, accepted);
    }

    /**
     * An activity's points: fixed, or for a RECHARGE rule with points per yuan, per yuan of {@code base}. Activity
     * rules have no caps (each activity earns once: a registration, a first purchase, a recharge).
     */
    public static Result activity(List<Rule> rules, Activity activity, long storeId, String formatCode, LocalDate day, Money base) {
        Optional<Rule> chosen = select(rules, RuleKind.ACTIVITY, activity, storeId, formatCode, day);
        if (chosen.isEmpty()) {
            return Result.none(EarningOutcome.NO_RULE, "no active " + activity + " rule covers store " + storeId + " on " + day);
        }
        Rule rule = chosen.get();
        BigDecimal one = BigDecimal.ONE.setScale(2);
        long computed;
        String how;
        if (rule.fixedPoints() != null) {
            computed = rule.fixedPoints();
            how = activity + ": " + computed + " points";
        } else {
            computed = perYuan(base, rule.pointsPerYuan(), one);
            how = activity + ": " + base + " × " + rule.pointsPerYuan().stripTrailingZeros().toPlainString() + " per yuan = " + computed + " points";
        }
        if (computed == 0) {
            return new Result(rule, base, one, 0, 0, EarningOutcome.ZERO_BASE, how + under(rule), Set.of());
        }
        return new Result(rule, base, one, computed, computed, EarningOutcome.EARNED, how + under(rule), Set.of());
    }

    private static String under(Rule rule) {
        return " under rule " + rule.id() + " (" + rule.name() + ")";
    }

    private static Result capped(Rule rule, Money base, BigDecimal multiplier, long computed, long earnedToday, String how, String note,
                                 Set<PaymentMethod> accepted) {
        long points = computed;
        StringBuilder why = new StringBuilder(how);
        if (rule.capPerOrder() != null && points > rule.capPerOrder()) {
            points = rule.capPerOrder();
            why.append(", capped at ").append(points).append(" per order");
        }
        if (rule.capPerDay() != null) {
            long room = Math.max(0, rule.capPerDay() - earnedToday);
            if (room == 0) {
                return new Result(rule, base, multiplier, computed, 0, EarningOutcome.CAP_DAY,
                        why.append("; the daily cap of ").append(rule.capPerDay()).append(" was already reached").append(note).toString(), accepted);
            }
            if (points > room) {
                points = room;
                why.append(", cut to ").append(points).append(" by the daily cap of ").append(rule.capPerDay());
            }
        }
        return new Result(rule, base, multiplier, computed, points, EarningOutcome.EARNED, why.append(note).toString(), accepted);
    }

    /** ⌊fen × rate × multiplier / 100⌋. */
    static long perYuan(Money base, BigDecimal pointsPerYuan, BigDecimal multiplier) {
        if (!base.isPositive()) {
            return 0;
        }
        return base.toBigDecimal().multiply(pointsPerYuan).multiply(multiplier).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static String names(Set<PaymentMethod> methods) {
        return String.join(", ", methods.stream().map(Enum::name).toList());
    }
}
