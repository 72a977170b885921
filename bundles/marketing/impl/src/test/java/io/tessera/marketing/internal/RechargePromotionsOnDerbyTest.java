package io.tessera.marketing.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponIssuer;
import io.tessera.marketing.api.Activity;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.api.RewardKind;
import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.api.RewardSpec;
import io.tessera.marketing.api.RewardState;
import io.tessera.marketing.internal.jpa.RewardEntity;
import io.tessera.members.api.Level;
import io.tessera.members.api.LevelService;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.ErrorCode;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.testing.LocalUnitOfWork;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import io.tessera.wallets.api.RechargePromotions;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Recharge promotions (充值有礼) on a real database (embedded Derby, the marketing changelog): the highest tier the
 * recharge reached for the member's level and store makes the offer; a tier whose member limit is reached gives its
 * budget back and a lower one applies; a budget shared by concurrent recharges is never overspent; the bonus is a
 * DONE reward traceable to the journal row, the coupon an intent the delivery task gives once; a recharge that rolls
 * back leaves nothing taken. The wallets' side (the bonus in the journal row) is tested through the distribution.
 */
public class RechargePromotionsOnDerbyTest {

    private static final Caller HQ = new Caller(Caller.Kind.OPERATOR, 1, "hq", "H1", EnumSet.of(Role.HQ_ADMIN), Set.of());
    private static final long STORE = 101;
    private static final long GOLD = 2;

    private UnitDatabase db;
    private LocalUnitOfWork work;
    private ActivityServiceImpl activities;
    private MarketingRechargePromotions promotions;
    private RewardDelivery delivery;
    private final List<String> couponsIssued = new ArrayList<>();
    private final AtomicLong entries = new AtomicLong(500);
    /** The journal row each offer was posted with (as the wallets would). */
    private final Map<RechargePromotions.Offer, Long> entryOf = new ConcurrentHashMap<>();

    @Before
    public void setUp() {
        db = UnitDatabase.create("tessera-marketing");
        work = new LocalUnitOfWork(db.jpa());
        AuditService audit = Stub.of(AuditService.class).on("record", a -> null).build();
        OrgService org = Stub.of(OrgService.class).on("findStore", a -> Optional.of(new Store())).build();
        LevelService levels = Stub.of(LevelService.class).on("list", a -> List.of(level(1), level(GOLD))).build();
        activities = new ActivityServiceImpl(db.jpa(), audit, org, Stub.of(MemberService.class).build(), levels);
        promotions = new MarketingRechargePromotions(db.jpa(), work);
        delivery = new RewardDelivery(db.jpa(), new MarketingSettings());
        delivery.coupons = Stub.of(CouponIssuer.class).on("issueForActivity", a -> {
            couponsIssued.add((String) a[2]);
            Coupon c = new Coupon();
            c.no = "9" + a[2].hashCode();
            return c;
        }).build();
        CallerContext.set(HQ);
    }

    @After
    public void tearDown() {
        CallerContext.clear();
        if (work != null) {
            work.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void theHighestTierReachedForTheLevelAndStoreRewardsWithItsBonusAndItsCouponOnce() {
        long low = activity("充200送10", "200.00", "10.00", null, List.of(), null, null);
        long high = activity("金卡充500送50", "500.00", "50.00", 7L, List.of(GOLD), null, null);

        RechargePromotions.Offer gold = recharge(1, GOLD, STORE, "600.00");
        assertEquals(high, gold.activityId);
        assertEquals(Money.parse("50.00"), gold.bonus);
        assertEquals(low, recharge(2, 1L, STORE, "600.00").activityId);
        assertEquals(low, recharge(3, null, STORE, "200.00").activityId);
        assertNull("below every tier", recharge(4, GOLD, STORE, "199.99"));
        assertNull("another store", recharge(5, GOLD, 999, "600.00"));

        List<RewardEntity> rewards = rewards(high);
        assertEquals(2, rewards.size());
        RewardEntity bonus = rewards.stream().filter(r -> r.kind.equals("BONUS")).findFirst().orElseThrow();
        assertEquals(RewardState.DONE.name(), bonus.state);
        assertEquals(Money.parse("50.00"), Money.of(bonus.amount));
        assertEquals("recharge:" + entryOf.get(gold), bonus.source);
        assertEquals(RewardState.PENDING.name(), rewards.stream().filter(r -> r.kind.equals("COUPON")).findFirst().orElseThrow().state);

        assertEquals("1 reward(s) given, 0 refused, 0 waiting for their domain", delivery.run());
        assertEquals("0 reward(s) given, 0 refused, 0 waiting for their domain", delivery.run());
        assertEquals(List.of("recharge:" + entryOf.get(gold) + ":" + couponSpec(high)), couponsIssued);
        assertEquals(1, activities.get(high).used);
        assertEquals(2, activities.get(low).used);
    }

    @Test
    public void aTierWhoseMemberLimitIsReachedGivesItsBudgetBackAndALowerOneApplies() {
        long low = activity("充200送10", "200.00", "10.00", null, List.of(), 2L, null);
        long high = activity("充500送60", "500.00", "60.00", null, List.of(), null, 1);

        assertEquals(high, recharge(1, null, STORE, "500.00").activityId);
        assertEquals("the member had the high tier once", low, recharge(1, null, STORE, "500.00").activityId);
        assertEquals(1, activities.get(high).used);
        assertEquals(high, recharge(2, null, STORE, "500.00").activityId);
        assertEquals(low, recharge(1, null, STORE, "800.00").activityId);
        assertNull("both used up for member 1", recharge(1, null, STORE, "800.00"));
        assertEquals(2, activities.get(low).used);
        assertEquals(2, activities.get(high).used);
    }

    @Test
    public void aRechargeThatRollsBackTakesNothing() {
        long a = activity("充100送5", "100.00", "5.00", null, List.of(), 1L, null);
        try {
            db.jpa().tx(TransactionType.Required, em -> {
                assertNotNull(promotions.offer(recharge(1, null, STORE, Money.parse("100.00"))));
                throw new IllegalStateException("the wallet refused after the offer");
            });
            fail();
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(0, activities.get(a).used);
        assertEquals(a, recharge(2, null, STORE, "100.00").activityId);
    }

    @Test
    public void concurrentRechargesNeverOverspendTheBudget() throws Exception {
        long a = activity("限量充值送", "100.00", "20.00", null, List.of(), 5L, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<RechargePromotions.Offer>> offers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long member = 100 + i;
            offers.add(pool.submit(() -> recharge(member, null, STORE, "100.00")));
        }
        int given = 0;
        for (Future<RechargePromotions.Offer> f : offers) {
            given += f.get(60, TimeUnit.SECONDS) == null ? 0 : 1;
        }
        pool.shutdown();
        assertEquals(5, given);
        assertEquals(5, activities.get(a).used);
        assertEquals(5, rewards(a).size());
    }

    @Test
    public void theFormSaysWhichFieldIsWrongAndTheSmallestRechargeIsLockedOnceRunning() {
        Requests.ActivityRequest noFrom = request("x", null, "10.00", null, List.of(), null, null);
        refused(() -> activities.create(noFrom), PlatformErrors.FIELD_REQUIRED, "rechargeFrom");
        Requests.ActivityRequest twoBonuses = request("x", "100.00", "10.00", null, List.of(), null, null);
        twoBonuses.rewards.add(bonus("5.00"));
        refused(() -> activities.create(twoBonuses), MarketingErrors.ACTIVITY_INVALID, "rewards[1].kind");
        Requests.ActivityRequest tooMuch = request("x", "100.00", "100000.01", null, List.of(), null, null);
        refused(() -> activities.create(tooMuch), MarketingErrors.ACTIVITY_INVALID, "rewards[0].amount");
        Requests.ActivityRequest noLevel = request("x", "100.00", "10.00", null, List.of(99L), null, null);
        refused(() -> activities.create(noLevel), MarketingErrors.ACTIVITY_INVALID, "levelIds");
        Requests.ActivityRequest send = request("x", null, "10.00", null, List.of(), null, null);
        send.type = ActivityType.COUPON_SEND;
        refused(() -> activities.create(send), MarketingErrors.ACTIVITY_INVALID, "rewards[0].kind");

        long a = activity("充300送30", "300.00", "30.00", null, List.of(), null, null);
        Requests.ActivityRequest lower = request("充300送30", "200.00", "30.00", null, List.of(), null, null);
        refused(() -> activities.update(a, lower), MarketingErrors.ACTIVITY_LOCKED, "rechargeFrom");
        Requests.ActivityRequest levels = request("充300送30 金卡", "300.00", "30.00", null, List.of(GOLD), null, null);
        assertEquals(List.of(GOLD), activities.update(a, levels).levelIds);
    }

    private RechargePromotions.Offer recharge(long member, Long level, long store, String amount) {
        return db.jpa().txExpr(TransactionType.Required, em -> {
            RechargePromotions.Offer o = promotions.offer(recharge(member, level, store, Money.parse(amount)));
            if (o != null) {
                long entry = entries.incrementAndGet();
                entryOf.put(o, entry);
                promotions.posted(o, entry);
            }
            return o;
        });
    }

    private static RechargePromotions.Recharge recharge(long member, Long level, long store, Money amount) {
        RechargePromotions.Recharge r = new RechargePromotions.Recharge();
        r.memberId = member;
        r.levelId = level;
        r.storeId = store;
        r.amount = amount;
        r.paidWith = PaymentMethod.CASH;
        return r;
    }

    private long activity(String name, String from, String bonus, Long template, List<Long> levels, Long budget, Integer perMember) {
        Activity a = activities.create(request(name, from, bonus, template, levels, budget, perMember));
        return activities.activate(a.id).id;
    }

    private static Requests.ActivityRequest request(String name, String from, String bonus, Long template, List<Long> levels, Long budget,
                                                    Integer perMember) {
        Requests.ActivityRequest r = new Requests.ActivityRequest();
        r.type = ActivityType.RECHARGE;
        r.name = name;
        r.startsAt = OffsetDateTime.now().minusDays(1);
        r.endsAt = OffsetDateTime.now().plusDays(30);
        r.storeIds = List.of(STORE);
        r.levelIds = levels;
        r.budget = budget;
        r.perMemberLimit = perMember;
        r.rechargeFrom = from == null ? null : Money.parse(from);
        r.rewards = new ArrayList<>(List.of(bonus(bonus)));
        if (template != null) {
            RewardSpec coupon = new RewardSpec();
            coupon.role = RewardRole.RECIPIENT;
            coupon.kind = RewardKind.COUPON;
            coupon.templateId = template;
            r.rewards.add(coupon);
        }
        return r;
    }

    private static RewardSpec bonus(String amount) {
        RewardSpec s = new RewardSpec();
        s.role = RewardRole.RECIPIENT;
        s.kind = RewardKind.BONUS;
        s.amount = Money.parse(amount);
        return s;
    }

    private List<RewardEntity> rewards(long activity) {
        return db.jpa().txExpr(TransactionType.Required, em -> em.createQuery("SELECT r FROM RewardEntity r WHERE r.activityId = :a ORDER BY r.id",
                RewardEntity.class).setParameter("a", activity).getResultList());
    }

    private long couponSpec(long activity) {
        return db.jpa().txExpr(TransactionType.Required, em -> em.createQuery("SELECT r.id FROM ActivityRewardEntity r WHERE r.activityId = :a"
                + " AND r.kind = 'COUPON'", Long.class).setParameter("a", activity).getSingleResult());
    }

    private static void refused(Runnable r, ErrorCode code, String field) {
        try {
            r.run();
            fail("expected " + code);
        } catch (TesseraException e) {
            assertEquals(e.getMessage(), code.code(), e.getCode());
            assertEquals(e.getMessage(), field, e.getField());
        }
    }

    private static Level level(long id) {
        Level l = new Level();
        l.id = id;
        l.name = "L" + id;
        return l;
    }
}
