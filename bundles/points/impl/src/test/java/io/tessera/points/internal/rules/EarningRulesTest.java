package io.tessera.points.internal.rules;

import static io.tessera.platform.api.PaymentMethod.ALIPAY;
import static io.tessera.platform.api.PaymentMethod.CASH;
import static io.tessera.platform.api.PaymentMethod.MEMBER;
import static io.tessera.platform.api.PaymentMethod.WECHAT;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.points.api.Activity;
import io.tessera.points.api.EarningOutcome;
import io.tessera.points.api.RuleKind;
import io.tessera.points.api.TenderMode;
import io.tessera.points.internal.rules.EarningRules.Paid;
import io.tessera.points.internal.rules.EarningRules.Result;
import io.tessera.points.internal.rules.EarningRules.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;

public class EarningRulesTest {

    private static final long STORE = 101;
    private static final String FORMAT = "MALL";
    private static final LocalDate DAY = LocalDate.of(2026, 5, 20);
    private static final BigDecimal ONE = new BigDecimal("1.00");

    /** A SPEND rule for every store, 1 point per yuan, every tender, no caps, no dates, priority 0. */
    private static R spend(long id, String name) {
        return new R(id, name, RuleKind.SPEND, null).perYuan("1");
    }

    /** An ACTIVITY rule for every store, neither fixed points nor a rate yet. */
    private static R activity(long id, String name, Activity activity) {
        return new R(id, name, RuleKind.ACTIVITY, activity);
    }

    /** Builds {@link Rule} records: every field defaulted, named setters for the ones a test is about. */
    private static final class R {
        final long id;
        final String name;
        final RuleKind kind;
        final Activity activity;
        final Map<Long, BigDecimal> levels = new HashMap<>();
        BigDecimal pointsPerYuan;
        Long fixedPoints;
        TenderMode tenderMode = TenderMode.ALL;
        Set<PaymentMethod> tenders = Set.of();
        Set<Long> storeIds = Set.of();
        Set<String> formatCodes = Set.of();
        Long capPerOrder, capPerDay;
        LocalDate validFrom, validTo;
        int priority;

        R(long id, String name, RuleKind kind, Activity activity) {
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.activity = activity;
        }

        R perYuan(String rate) { pointsPerYuan = new BigDecimal(rate); return this; }
        R fixed(long points) { fixedPoints = points; return this; }
        R only(PaymentMethod... methods) { tenderMode = TenderMode.ONLY; tenders = Set.of(methods); return this; }
        R except(PaymentMethod... methods) { tenderMode = TenderMode.EXCEPT; tenders = Set.of(methods); return this; }
        R stores(Long... ids) { storeIds = Set.of(ids); return this; }
        R formats(String... codes) { formatCodes = Set.of(codes); return this; }
        R level(long levelId, String multiplier) { levels.put(levelId, new BigDecimal(multiplier)); return this; }
        R capPerOrder(long cap) { capPerOrder = cap; return this; }
        R capPerDay(long cap) { capPerDay = cap; return this; }
        R priority(int p) { priority = p; return this; }

        /** Inclusive dates, "yyyy-MM-dd" or null for an open end. */
        R valid(String from, String to) {
            validFrom = from == null ? null : LocalDate.parse(from);
            validTo = to == null ? null : LocalDate.parse(to);
            return this;
        }

        Rule build() {
            return new Rule(id, name, 1, kind, activity, pointsPerYuan, fixedPoints, tenderMode, tenders, storeIds, formatCodes,
                    Map.copyOf(levels), capPerOrder, capPerDay, validFrom, validTo, priority);
        }
    }

    private static Paid paid(PaymentMethod method, String yuan) {
        return new Paid(method, Money.parse(yuan));
    }

    /** A sale at STORE (format MALL) on DAY, no level, nothing earned today yet. */
    private static Result sale(Rule rule, Paid... tenders) {
        return sale(rule, null, 0, tenders);
    }

    private static Result sale(Rule rule, Long levelId, long earnedToday, Paid... tenders) {
        return EarningRules.sale(List.of(rule), STORE, FORMAT, DAY, levelId, List.of(tenders), earnedToday);
    }

    /** An activity at STORE (format MALL) on DAY. */
    private static Result act(List<Rule> rules, Activity activity, String base) {
        return EarningRules.activity(rules, activity, STORE, FORMAT, DAY, Money.parse(base));
    }

    private static Optional<Long> selected(List<Rule> rules, LocalDate day) {
        return EarningRules.select(rules, RuleKind.SPEND, null, STORE, FORMAT, day).map(Rule::id);
    }

    // ---- which rule ----

    @Test
    public void theStoreListedBeatsTheFormatListedBeatsEveryStoreWhateverThePriority() {
        Rule all = spend(1, "all stores").priority(100).build();
        Rule format = spend(2, "malls").formats(FORMAT).priority(50).build();
        Rule store = spend(3, "store 101").stores(STORE).build();
        assertEquals(Optional.of(3L), selected(List.of(all, format, store), DAY));
        assertEquals(Optional.of(2L), selected(List.of(all, format), DAY));
        assertEquals(Optional.of(1L), selected(List.of(all), DAY));
    }

    @Test
    public void amongEquallySpecificRulesTheHigherPriorityThenTheLowerIdWins() {
        Rule low = spend(1, "low").priority(0).build();
        Rule high = spend(2, "high").priority(5).build();
        Rule negative = spend(3, "negative").priority(-5).build();
        assertEquals(Optional.of(2L), selected(List.of(low, high, negative), DAY));
        // on equal priority the lower id
        assertEquals(Optional.of(4L), selected(List.of(spend(9, "newer").build(), spend(4, "older").build()), DAY));
    }

    @Test
    public void validityDatesCountBothEnds() {
        List<Rule> may = List.of(spend(1, "May").valid("2026-05-01", "2026-05-31").build());
        assertEquals(Optional.empty(), selected(may, LocalDate.of(2026, 4, 30)));
        assertEquals(Optional.of(1L), selected(may, LocalDate.of(2026, 5, 1)));
        assertEquals(Optional.of(1L), selected(may, LocalDate.of(2026, 5, 31)));
        assertEquals(Optional.empty(), selected(may, LocalDate.of(2026, 6, 1)));
        // an open end is open
        assertEquals(Optional.of(2L), selected(List.of(spend(2, "from May").valid("2026-05-01", null).build()), LocalDate.of(2099, 1, 1)));
        assertEquals(Optional.of(3L), selected(List.of(spend(3, "until May").valid(null, "2026-05-31").build()), LocalDate.of(2000, 1, 1)));
        // an expired store rule gives way to the rule for every store
        Rule april = spend(4, "store 101, April").stores(STORE).valid("2026-04-01", "2026-04-30").build();
        assertEquals(Optional.of(5L), selected(List.of(april, spend(5, "all stores").build()), DAY));
    }

    @Test
    public void aRuleForOtherStoresDoesNotApplyAndTheExplanationNamesTheStoreAndTheDay() {
        Rule other = spend(1, "elsewhere").stores(202L).formats("OUTLET").build();
        Result r = sale(other, paid(WECHAT, "100.00"));
        assertEquals(EarningOutcome.NO_RULE, r.outcome());
        assertNull(r.rule());
        assertEquals(Money.ZERO, r.base());
        assertEquals(ONE, r.multiplier());
        assertEquals(0, r.computed());
        assertEquals(0, r.points());
        assertEquals(Set.of(), r.accepted());
        assertEquals("no active earning rule covers store 101 (format MALL) on 2026-05-20", r.explanation());

        Result noFormat = EarningRules.sale(List.of(other), STORE, null, DAY, null, List.of(paid(WECHAT, "1.00")), 0);
        assertEquals(EarningOutcome.NO_RULE, noFormat.outcome());
        assertEquals("no active earning rule covers store 101 on 2026-05-20", noFormat.explanation());
        // a format rule does not cover a store without a format
        assertEquals(Optional.empty(),
                EarningRules.select(List.of(spend(2, "malls").formats(FORMAT).build()), RuleKind.SPEND, null, STORE, null, DAY));
    }

    @Test
    public void theSaleUsesTheSelectedRule() {
        Rule all = spend(1, "all stores").perYuan("1").build();
        Rule store = spend(2, "double at 101").stores(STORE).perYuan("2").build();
        Result r = EarningRules.sale(List.of(all, store), STORE, FORMAT, DAY, null, List.of(paid(CASH, "10.00")), 0);
        assertSame(store, r.rule());
        assertEquals(20, r.points()); // 10.00 × 2
    }

    // ---- tenders ----

    @Test
    public void modeAllCountsEveryTender() {
        Result r = sale(spend(1, "all").build(), paid(MEMBER, "30.00"), paid(WECHAT, "70.00"));
        assertEquals(EarningOutcome.EARNED, r.outcome());
        assertEquals(Money.parse("100.00"), r.base());
        assertEquals(100, r.points()); // (30.00 + 70.00) × 1
        assertEquals(Set.of(MEMBER, WECHAT), r.accepted());
        assertEquals("100.00 × 1 per yuan = 100 points under rule 1 (all)", r.explanation());
        // the same tender twice: both payments count, ⌊10.00 + 5.50⌋ = 15
        Result twice = sale(spend(1, "all").build(), paid(WECHAT, "10.00"), paid(WECHAT, "5.50"));
        assertEquals(Money.parse("15.50"), twice.base());
        assertEquals(15, twice.points());
        assertEquals(Set.of(WECHAT), twice.accepted());
    }

    @Test
    public void modeOnlyCountsTheListedTenders() {
        Result r = sale(spend(1, "wallets").only(WECHAT, ALIPAY).build(), paid(WECHAT, "20.00"), paid(CASH, "30.00"), paid(ALIPAY, "10.00"));
        assertEquals(EarningOutcome.EARNED, r.outcome());
        assertEquals(Money.parse("30.00"), r.base()); // 20.00 + 10.00, not the cash
        assertEquals(30, r.points());
        assertEquals(Set.of(WECHAT, ALIPAY), r.accepted());
        assertEquals("30.00 × 1 per yuan = 30 points under rule 1 (wallets); CASH earn nothing", r.explanation());
    }

    @Test
    public void modeExceptMemberCountsOnlyWhatWasNotPaidByStoredValue() {
        Result r = sale(spend(1, "no stored value").except(MEMBER).build(), paid(MEMBER, "70.00"), paid(WECHAT, "30.00"));
        assertEquals(EarningOutcome.EARNED, r.outcome());
        assertEquals(Money.parse("30.00"), r.base());
        assertEquals(30, r.computed());
        assertEquals(30, r.points());
        assertEquals(Set.of(WECHAT), r.accepted());
        assertEquals("30.00 × 1 per yuan = 30 points under rule 1 (no stored value); MEMBER earn nothing", r.explanation());
    }

    @Test
    public void anOrderPaidOnlyInExcludedTendersEarnsNothingAndSaysWhich() {
        Rule rule = spend(1, "no stored value").except(MEMBER).build();
        Result r = sale(rule, paid(MEMBER, "60.00"), paid(MEMBER, "40.00"));
        assertEquals(EarningOutcome.TENDER_EXCLUDED, r.outcome());
        assertSame(rule, r.rule());
        assertEquals(Money.ZERO, r.base());
        assertEquals(0, r.computed());
        assertEquals(0, r.points());
        assertEquals(Set.of(), r.accepted());
        assertEquals("rule 1 (no stored value) earns no points for MEMBER", r.explanation());
        // several: named once each, in the enum's order
        Result two = sale(spend(7, "cash only").only(CASH).build(), paid(WECHAT, "10.00"), paid(MEMBER, "10.00"));
        assertEquals(EarningOutcome.TENDER_EXCLUDED, two.outcome());
        assertEquals("rule 7 (cash only) earns no points for MEMBER, WECHAT", two.explanation());
    }

    @Test
    public void anOrderWithoutTendersHasAZeroBase() {
        Result r = sale(spend(1, "all").build());
        assertEquals(EarningOutcome.ZERO_BASE, r.outcome());
        assertEquals(Money.ZERO, r.base());
        assertEquals(0, r.points());
        assertEquals(Set.of(), r.accepted());
        assertEquals("0.00 × 1 per yuan = 0 points under rule 1 (all)", r.explanation());
    }

    // ---- arithmetic ----

    @Test
    public void pointsAreRoundedDown() {
        Result r = sale(spend(1, "base").build(), paid(WECHAT, "99.99"));
        assertEquals(EarningOutcome.EARNED, r.outcome());
        assertEquals(99, r.computed()); // ⌊99.99 × 1⌋
        assertEquals(99, r.points());
        assertEquals("99.99 × 1 per yuan = 99 points under rule 1 (base)", r.explanation());
    }

    @Test
    public void underOnePointIsAZeroBase() {
        Result r = sale(spend(1, "base").build(), paid(WECHAT, "0.99"));
        assertEquals(EarningOutcome.ZERO_BASE, r.outcome());
        assertEquals(Money.parse("0.99"), r.base());
        assertEquals(0, r.computed());
        assertEquals(0, r.points());
        assertEquals(Set.of(WECHAT), r.accepted());
        assertEquals("0.99 × 1 per yuan = 0 points under rule 1 (base)", r.explanation());
    }

    @Test
    public void aFractionalRateIsRoundedDownToo() {
        assertEquals(5, sale(spend(1, "half").perYuan("0.5").build(), paid(CASH, "10.00")).points()); // 10.00 × 0.5
        assertEquals(5, sale(spend(1, "half").perYuan("0.5").build(), paid(CASH, "11.99")).points()); // ⌊5.995⌋
        assertEquals("10.00 × 0.5 per yuan = 5 points under rule 1 (half)",
                sale(spend(1, "half").perYuan("0.50").build(), paid(CASH, "10.00")).explanation());
    }

    @Test
    public void theLevelsMultiplierApplies() {
        Rule rule = spend(1, "gold").level(3, "1.50").build();
        Result r = sale(rule, 3L, 0, paid(WECHAT, "100.00"));
        assertEquals(new BigDecimal("1.50"), r.multiplier());
        assertEquals(150, r.points()); // 100.00 × 1 × 1.50
        assertEquals("100.00 × 1 per yuan × 1.50 (level) = 150 points under rule 1 (gold)", r.explanation());
        // rounded once, at the end: 33.33 × 1.5 × 1.20 = 59.994 → 59 (not ⌊49.995⌋ × 1.20 = 58.8 → 58)
        assertEquals(59, sale(spend(2, "1.5").perYuan("1.5").level(3, "1.20").build(), 3L, 0, paid(WECHAT, "33.33")).points());
    }

    @Test
    public void aLevelTheRuleDoesNotNameOrNoLevelMultipliesByOne() {
        Rule rule = spend(1, "gold").level(3, "1.50").build();
        Result other = sale(rule, 4L, 0, paid(WECHAT, "100.00"));
        assertEquals(ONE, other.multiplier());
        assertEquals(100, other.points());
        assertEquals("100.00 × 1 per yuan = 100 points under rule 1 (gold)", other.explanation());
        Result none = sale(rule, null, 0, paid(WECHAT, "100.00"));
        assertEquals(ONE, none.multiplier());
        assertEquals(100, none.points());
    }

    // ---- caps ----

    @Test
    public void theCapPerOrderLimitsThePoints() {
        Result r = sale(spend(1, "capped").capPerOrder(200).build(), paid(WECHAT, "500.00"));
        assertEquals(EarningOutcome.EARNED, r.outcome());
        assertEquals(500, r.computed());
        assertEquals(200, r.points());
        assertEquals("500.00 × 1 per yuan = 500 points under rule 1 (capped), capped at 200 per order", r.explanation());
        Result at = sale(spend(1, "capped").capPerOrder(200).build(), paid(WECHAT, "200.00"));
        assertEquals(200, at.points());
        assertEquals("200.00 × 1 per yuan = 200 points under rule 1 (capped)", at.explanation());
    }

    @Test
    public void theDailyCapCutsToWhatIsLeftOfIt() {
        // cap 100, 80 already today, 50 computed: 100 − 80 = 20
        Result r = sale(spend(1, "daily").capPerDay(100).build(), null, 80, paid(WECHAT, "50.00"));
        assertEquals(EarningOutcome.EARNED, r.outcome());
        assertEquals(50, r.computed());
        assertEquals(20, r.points());
        assertEquals("50.00 × 1 per yuan = 50 points under rule 1 (daily), cut to 20 by the daily cap of 100", r.explanation());
        // room enough: 100 − 20 = 80 ≥ 50
        assertEquals(50, sale(spend(1, "daily").capPerDay(100).build(), null, 20, paid(WECHAT, "50.00")).points());
    }

    @Test
    public void aReachedDailyCapEarnsNothingButKeepsWhatWasComputed() {
        Rule rule = spend(1, "daily").capPerDay(100).build();
        Result r = sale(rule, null, 100, paid(WECHAT, "50.00"));
        assertEquals(EarningOutcome.CAP_DAY, r.outcome());
        assertEquals(50, r.computed());
        assertEquals(0, r.points());
        assertEquals(Money.parse("50.00"), r.base());
        assertEquals(Set.of(WECHAT), r.accepted());
        assertEquals("50.00 × 1 per yuan = 50 points under rule 1 (daily); the daily cap of 100 was already reached", r.explanation());
        Result beyond = sale(rule, null, 130, paid(WECHAT, "50.00"));
        assertEquals(EarningOutcome.CAP_DAY, beyond.outcome());
        assertEquals(0, beyond.points());
    }

    @Test
    public void theCapPerOrderAppliesBeforeTheDailyCap() {
        // 50 computed → 40 per order → 100 − 70 = 30 left today
        Result r = sale(spend(1, "both").capPerOrder(40).capPerDay(100).build(), null, 70, paid(WECHAT, "50.00"));
        assertEquals(50, r.computed());
        assertEquals(30, r.points());
        assertEquals("50.00 × 1 per yuan = 50 points under rule 1 (both), capped at 40 per order, cut to 30 by the daily cap of 100",
                r.explanation());
    }

    // ---- activities ----

    @Test
    public void anActivityRuleGivesItsFixedPoints() {
        Rule rule = activity(7, "welcome", Activity.REGISTER).fixed(50).build();
        Result r = act(List.of(rule), Activity.REGISTER, "0.00");
        assertEquals(EarningOutcome.EARNED, r.outcome());
        assertSame(rule, r.rule());
        assertEquals(50, r.computed());
        assertEquals(50, r.points());
        assertEquals(ONE, r.multiplier());
        assertEquals(Set.of(), r.accepted());
        assertEquals("REGISTER: 50 points under rule 7 (welcome)", r.explanation());
    }

    @Test
    public void aRechargeRuleWithoutFixedPointsEarnsPerYuanRecharged() {
        Rule rule = activity(8, "recharge", Activity.RECHARGE).perYuan("0.1").build();
        Result r = act(List.of(rule), Activity.RECHARGE, "199.99");
        assertEquals(EarningOutcome.EARNED, r.outcome());
        assertEquals(Money.parse("199.99"), r.base());
        assertEquals(19, r.points()); // ⌊199.99 × 0.1⌋ = ⌊19.999⌋
        assertEquals("RECHARGE: 199.99 × 0.1 per yuan = 19 points under rule 8 (recharge)", r.explanation());
        Result small = act(List.of(rule), Activity.RECHARGE, "5.00");
        assertEquals(EarningOutcome.ZERO_BASE, small.outcome()); // 5.00 × 0.1 = 0.5
        assertEquals(0, small.points());
    }

    @Test
    public void fixedPointsWinOverARateAndActivitiesHaveNoCaps() {
        Rule bonus = activity(8, "recharge bonus", Activity.RECHARGE).fixed(30).perYuan("1").build();
        assertEquals(30, act(List.of(bonus), Activity.RECHARGE, "200.00").points());
        // Each activity earns once: a cap (refused by the rule form anyway) changes nothing.
        Result uncapped = act(List.of(activity(9, "recharge", Activity.RECHARGE).perYuan("1").capPerOrder(500).build()),
                Activity.RECHARGE, "1000.00");
        assertEquals(1000, uncapped.computed());
        assertEquals(1000, uncapped.points());
    }

    @Test
    public void aRuleForOneActivityDoesNotAnswerAnother() {
        Rule register = activity(7, "welcome", Activity.REGISTER).fixed(50).build();
        Result r = act(List.of(register), Activity.FIRST_PURCHASE, "0.00");
        assertEquals(EarningOutcome.NO_RULE, r.outcome());
        assertNull(r.rule());
        assertEquals(0, r.points());
        assertEquals("no active FIRST_PURCHASE rule covers store 101 on 2026-05-20", r.explanation());
    }

    @Test
    public void theActivitysOwnRuleIsChosenAmongOthers() {
        Rule register = activity(1, "welcome", Activity.REGISTER).fixed(50).priority(9).build();
        Rule first = activity(2, "first purchase", Activity.FIRST_PURCHASE).fixed(100).build();
        Rule storeFirst = activity(3, "first purchase at 101", Activity.FIRST_PURCHASE).fixed(200).stores(STORE).build();
        Result r = act(List.of(register, first), Activity.FIRST_PURCHASE, "0.00");
        assertSame(first, r.rule());
        assertEquals(100, r.points());
        Result store = act(List.of(register, first, storeFirst), Activity.FIRST_PURCHASE, "0.00");
        assertSame(storeFirst, store.rule());
        assertEquals(200, store.points());
    }

    @Test
    public void spendRulesNeverAnswerActivitiesAndActivityRulesNeverAnswerSales() {
        Rule spend = spend(1, "spend").build();
        Rule register = activity(2, "welcome", Activity.REGISTER).fixed(50).build();
        Rule recharge = activity(3, "recharge", Activity.RECHARGE).perYuan("1").build();
        assertEquals(EarningOutcome.NO_RULE, act(List.of(spend), Activity.REGISTER, "0.00").outcome());
        assertEquals(EarningOutcome.NO_RULE, act(List.of(spend), Activity.RECHARGE, "100.00").outcome());
        Result sale = EarningRules.sale(List.of(register, recharge), STORE, FORMAT, DAY, null, List.of(paid(WECHAT, "100.00")), 0);
        assertEquals(EarningOutcome.NO_RULE, sale.outcome());
        // with all three the sale takes the SPEND rule, the activity its own
        List<Rule> all = List.of(register, recharge, spend);
        assertSame(spend, EarningRules.sale(all, STORE, FORMAT, DAY, null, List.of(paid(WECHAT, "1.00")), 0).rule());
        assertSame(register, act(all, Activity.REGISTER, "0.00").rule());
        assertTrue(EarningRules.select(all, RuleKind.ACTIVITY, Activity.FIRST_PURCHASE, STORE, FORMAT, DAY).isEmpty());
    }
}
