package io.tessera.marketing.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponIssuer;
import io.tessera.marketing.api.Activity;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.ReferralState;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.api.RewardKind;
import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.api.RewardSpec;
import io.tessera.marketing.api.RewardState;
import io.tessera.marketing.api.Trigger;
import io.tessera.marketing.internal.jpa.ReferralEntity;
import io.tessera.marketing.internal.jpa.RewardEntity;
import io.tessera.members.api.LevelService;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.points.api.Earning;
import io.tessera.points.api.PointsParticipant;
import io.tessera.testing.LocalUnitOfWork;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Referrals and their rewards on a real database (embedded Derby, the marketing changelog): bound at
 * registration, rewarded once whatever is delivered twice, within the activity's budget and the referrer's
 * limit; refusals recorded at registration and answered through the API; rewards given once by the delivery
 * task, a refusal of the giving domain recorded, a missing domain waited for. Members, coupons and points are
 * stubs that count what they are asked.
 */
public class ReferralsOnDerbyTest {

    private static final Caller HQ = new Caller(Caller.Kind.OPERATOR, 1, "hq", "H1", EnumSet.of(Role.HQ_ADMIN), Set.of());
    private static final long STORE = 101;
    private static final long TEMPLATE = 7;
    private static final LocalDateTime LONG_AGO = LocalDateTime.of(2025, 1, 1, 9, 0);

    private UnitDatabase db;
    private LocalUnitOfWork work;
    private Referrals referrals;
    private ActivityServiceImpl activities;
    private ReferralServiceImpl service;
    private RewardDelivery delivery;
    /** Members by id: registered at {@link #STORE}, at the time given. */
    private final Map<Long, Member> members = new HashMap<>();
    /** What the stubs of coupons and points were asked, by reference. */
    private final List<String> couponsIssued = new ArrayList<>();
    private final List<String> pointsGranted = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile boolean outOfStock;

    @Before
    public void setUp() {
        db = UnitDatabase.create("tessera-marketing");
        work = new LocalUnitOfWork(db.jpa());
        MarketingSettings settings = new MarketingSettings();
        MemberService memberService = Stub.of(MemberService.class)
                .on("lookup", a -> Optional.ofNullable(members.get((Long) a[0])))
                .on("get", a -> Optional.ofNullable(members.get((Long) a[0])).orElseThrow())
                .build();
        referrals = new Referrals(memberService, new Occasions(db.jpa(), work), settings);
        AuditService audit = Stub.of(AuditService.class).on("record", a -> null).on("recent", a -> List.of()).build();
        OrgService org = Stub.of(OrgService.class).on("findStore", a -> Optional.of(new Store())).build();
        activities = new ActivityServiceImpl(db.jpa(), audit, org, memberService, Stub.of(LevelService.class).on("list", a -> List.of()).build());
        service = new ReferralServiceImpl(db.jpa(), work, memberService, settings);
        delivery = new RewardDelivery(db.jpa(), settings);
        delivery.coupons = Stub.of(CouponIssuer.class).on("issueForActivity", a -> {
            if (outOfStock) {
                throw CouponErrors.COUPON_OUT_OF_STOCK.error("template " + a[0] + " has no coupons left");
            }
            couponsIssued.add((String) a[2]);
            Coupon c = new Coupon();
            c.no = "9000" + ids.incrementAndGet();
            return c;
        }).build();
        delivery.points = Stub.of(PointsParticipant.class).on("grant", a -> {
            pointsGranted.add((String) a[2]);
            Earning e = new Earning();
            e.id = ids.incrementAndGet();
            e.points = (Long) a[1];
            return e;
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
    public void aRegistrationWithACodeRewardsBothSidesOnceEvenWhenDeliveredTwiceAndTheTaskGivesEachRewardOnce() {
        long activity = activity(Trigger.REGISTER, null, null);
        member(1, LONG_AGO);
        String code = service.code(1).code;
        assertEquals(code, service.code(1).code);
        LocalDateTime now = BusinessTime.now();
        member(2, now);

        register(2, code.toLowerCase());
        register(2, code);

        ReferralEntity r = referral(2);
        assertEquals(ReferralState.REWARDED.name(), r.state);
        assertEquals(Long.valueOf(1), r.referrerId);
        assertNull(r.refusal);
        assertEquals(1, activities.get(activity).used);
        List<RewardEntity> rewards = rewards();
        assertEquals(2, rewards.size());
        assertTrue(rewards.stream().allMatch(x -> x.state.equals("PENDING") && x.source.startsWith("referral:2")));

        assertEquals("2 reward(s) given, 0 refused, 0 waiting for their domain", delivery.run());
        assertEquals("0 reward(s) given, 0 refused, 0 waiting for their domain", delivery.run());
        assertEquals(1, couponsIssued.size());
        assertEquals(1, pointsGranted.size());
        for (RewardEntity x : rewards()) {
            assertEquals(RewardState.DONE.name(), x.state);
            if (x.role.equals("REFERRER")) {
                assertEquals(1, x.memberId);
                assertNotNull(x.couponNo);
                assertEquals(couponsIssued.get(0), x.deliveryKey);
            } else {
                assertEquals(2, x.memberId);
                assertEquals(Long.valueOf(100), x.points);
                assertNotNull(x.earningId);
                assertEquals(pointsGranted.get(0), x.deliveryKey);
            }
        }
        assertEquals(1, activities.rewards(activity, 1L, null, 1, 20).getTotal());
    }

    @Test
    public void aFirstPaymentTriggerWaitsForTheRefereesFirstSale() {
        activity(Trigger.FIRST_PAYMENT, null, null);
        member(1, LONG_AGO);
        member(2, BusinessTime.now());
        register(2, service.code(1).code);
        assertEquals(ReferralState.BOUND.name(), referral(2).state);
        assertEquals(0, rewards().size());

        db.jpa().tx(TransactionType.Required, em -> referrals.paid(em, 2, "O-1"));
        db.jpa().tx(TransactionType.Required, em -> referrals.paid(em, 2, "O-1"));
        db.jpa().tx(TransactionType.Required, em -> referrals.paid(em, 2, "O-2"));
        assertEquals(ReferralState.REWARDED.name(), referral(2).state);
        assertEquals(2, rewards().size());
        assertTrue(rewards().get(0).source, rewards().get(0).source.contains("order:O-1"));
    }

    @Test
    public void theBudgetCountsReferralsAndTheLimitCountsTheReferrersShare() {
        long activity = activity(Trigger.REGISTER, 2L, 1);
        member(1, LONG_AGO);
        member(5, LONG_AGO);
        String one = service.code(1).code;
        for (long referee = 2; referee <= 3; referee++) {
            member(referee, BusinessTime.now());
            register(referee, one);
        }
        member(4, BusinessTime.now());
        register(4, service.code(5).code);

        assertEquals(ReferralState.REWARDED.name(), referral(2).state);
        assertNull(referral(2).refusal);
        // Referee 3 is rewarded; referrer 1 had their one reward already.
        assertEquals(ReferralState.REWARDED.name(), referral(3).state);
        assertEquals(MarketingErrors.ACTIVITY_MEMBER_LIMIT_REACHED.name(), referral(3).refusal);
        assertEquals(ReferralState.REFUSED.name(), referral(4).state);
        assertEquals(MarketingErrors.ACTIVITY_BUDGET_EXHAUSTED.name(), referral(4).refusal);
        assertEquals(2, activities.get(activity).used);
        assertEquals(1, rewards().stream().filter(x -> x.memberId == 1).count());
        assertEquals(1, rewards().stream().filter(x -> x.memberId == 3).count());
        assertEquals(0, rewards().stream().filter(x -> x.memberId == 4 || x.memberId == 5).count());
    }

    @Test
    public void refusalsAtRegistrationAreRecordedAndThroughTheApiAnsweredWithNothingWritten() {
        activity(Trigger.REGISTER, null, null);
        member(1, LONG_AGO);
        member(2, BusinessTime.now());
        String code = service.code(1).code;
        String typo = code.substring(0, 7) + (code.charAt(7) == '0' ? '1' : '0');
        register(2, typo);
        assertEquals(ReferralState.REFUSED.name(), referral(2).state);
        assertEquals(MarketingErrors.REFERRAL_CODE_INVALID.name(), referral(2).refusal);
        // The right code soon after: the refused row becomes the referral, rewarded; a third try finds it.
        Requests.Binding right = new Requests.Binding();
        right.refereeId = 2L;
        right.code = code;
        assertEquals(ReferralState.REWARDED, service.bind(right, "k-2-right").state);
        refused(MarketingErrors.REFERRAL_ALREADY_REFERRED, 2, code);

        member(3, LONG_AGO.minusDays(1));
        refused(MarketingErrors.REFERRAL_LOOP, 3, code);
        refused(MarketingErrors.REFERRAL_SELF, 1, code);
        member(4, BusinessTime.now().minusDays(2));
        refused(MarketingErrors.REFERRAL_TOO_LATE, 4, code);
        member(6, BusinessTime.now());
        refused(MarketingErrors.REFERRAL_CODE_INVALID, 6, "ABC");
        assertNull(db.jpa().txExpr(TransactionType.Required, em -> em.find(ReferralEntity.class, 3L)));
        assertNull(db.jpa().txExpr(TransactionType.Required, em -> em.find(ReferralEntity.class, 4L)));

        Requests.Binding b = new Requests.Binding();
        b.refereeId = 6L;
        b.code = code;
        assertEquals(ReferralState.REWARDED, service.bind(b, "k-6").state);
        assertEquals(4, rewards().size());
    }

    @Test
    public void aRefusalOfTheGivingDomainIsRecordedAndAMissingDomainIsWaitedFor() {
        activity(Trigger.REGISTER, null, null);
        member(1, LONG_AGO);
        member(2, BusinessTime.now());
        register(2, service.code(1).code);
        outOfStock = true;
        PointsParticipant points = delivery.points;
        delivery.points = null;
        assertEquals("0 reward(s) given, 1 refused, 1 waiting for their domain", delivery.run());
        RewardEntity coupon = reward(RewardRole.REFERRER);
        assertEquals(RewardState.REFUSED.name(), coupon.state);
        assertEquals(CouponErrors.COUPON_OUT_OF_STOCK.name(), coupon.code);
        RewardEntity waiting = reward(RewardRole.REFEREE);
        assertEquals(RewardState.PENDING.name(), waiting.state);
        assertEquals(MarketingErrors.REWARD_DOMAIN_NOT_INSTALLED.name(), waiting.code);
        assertTrue(waiting.nextAt.isAfter(BusinessTime.now()));
        assertEquals("0 reward(s) given, 0 refused, 0 waiting for their domain", delivery.run());

        // Stock added, the refused reward retried; points installed, the waiting one due again.
        outOfStock = false;
        delivery.points = points;
        assertEquals(RewardState.PENDING, activities.retry(coupon.id).state);
        try {
            activities.retry(coupon.id);
            fail("only a refused reward is retried");
        } catch (TesseraException e) {
            assertEquals(MarketingErrors.REWARD_STATE_INVALID.name(), e.getCode());
        }
        db.jpa().tx(TransactionType.Required, em -> em.find(RewardEntity.class, waiting.id).nextAt = BusinessTime.now());
        assertEquals("2 reward(s) given, 0 refused, 0 waiting for their domain", delivery.run());
        assertEquals(1, couponsIssued.size());
        assertEquals(1, pointsGranted.size());
    }

    @Test
    public void anActiveActivityKeepsWhatItRewardsButItsBudgetAndWindowMayChange() {
        long id = activity(Trigger.REGISTER, 10L, null);
        Requests.ActivityRequest r = request(Trigger.REGISTER, 20L, 3);
        Activity changed = activities.update(id, r);
        assertEquals(Long.valueOf(20), changed.budget);
        assertEquals(3, changed.version);
        r.rewards.get(0).points = 200L;
        try {
            activities.update(id, r);
            fail("rewards are locked");
        } catch (TesseraException e) {
            assertEquals(MarketingErrors.ACTIVITY_LOCKED.name(), e.getCode());
            assertEquals("rewards", e.getField());
        }
        assertEquals(MarketingErrors.ACTIVITY_STATE_INVALID.name(), code(() -> activities.activate(id)));
        activities.pause(id);
        activities.activate(id);
        activities.end(id);
        assertEquals(MarketingErrors.ACTIVITY_STATE_INVALID.name(), code(() -> activities.activate(id)));
        Requests.ActivityRequest bad = request(Trigger.REGISTER, null, null);
        bad.endsAt = bad.startsAt;
        assertEquals("endsAt", field(() -> activities.create(bad)));
        Requests.ActivityRequest noTrigger = request(null, null, null);
        assertEquals("trigger", field(() -> activities.create(noTrigger)));
        Requests.ActivityRequest pointsAndTemplate = request(Trigger.REGISTER, null, null);
        pointsAndTemplate.rewards.get(0).templateId = 3L;
        assertEquals("rewards[0].templateId", field(() -> activities.create(pointsAndTemplate)));
    }

    // ---- helpers ----

    private long activity(Trigger trigger, Long budget, Integer perMember) {
        Activity a = activities.create(request(trigger, budget, perMember));
        return activities.activate(a.id).id;
    }

    private static Requests.ActivityRequest request(Trigger trigger, Long budget, Integer perMember) {
        Requests.ActivityRequest r = new Requests.ActivityRequest();
        r.type = ActivityType.REFERRAL;
        r.name = "推荐有礼";
        r.startsAt = OffsetDateTime.now().minusDays(1);
        r.endsAt = OffsetDateTime.now().plusDays(30);
        r.storeIds = List.of(STORE);
        r.budget = budget;
        r.perMemberLimit = perMember;
        r.trigger = trigger;
        RewardSpec referee = new RewardSpec();
        referee.role = RewardRole.REFEREE;
        referee.kind = RewardKind.POINTS;
        referee.points = 100L;
        RewardSpec referrer = new RewardSpec();
        referrer.role = RewardRole.REFERRER;
        referrer.kind = RewardKind.COUPON;
        referrer.templateId = TEMPLATE;
        r.rewards = new ArrayList<>(List.of(referee, referrer));
        return r;
    }

    private void member(long id, LocalDateTime registeredAt) {
        Member m = new Member();
        m.id = id;
        m.status = Member.Status.ACTIVE;
        m.registeredStoreId = STORE;
        m.registeredAt = BusinessTime.offset(registeredAt);
        members.put(id, m);
    }

    /** The registration event's work, in a transaction of its own as the delivery's. */
    private void register(long referee, String code) {
        db.jpa().tx(TransactionType.Required, em -> referrals.bind(em, referee, STORE, Referrals.local(members.get(referee)), code, false));
    }

    private void refused(MarketingErrors expected, long referee, String code) {
        Requests.Binding b = new Requests.Binding();
        b.refereeId = referee;
        b.code = code;
        assertEquals(expected.name(), code(() -> service.bind(b, "k-" + referee + "-" + code)));
    }

    private ReferralEntity referral(long referee) {
        return db.jpa().txExpr(TransactionType.Required, em -> em.find(ReferralEntity.class, referee));
    }

    private List<RewardEntity> rewards() {
        return db.jpa().txExpr(TransactionType.Required, em -> em.createQuery("SELECT r FROM RewardEntity r ORDER BY r.id", RewardEntity.class)
                .getResultList());
    }

    private RewardEntity reward(RewardRole role) {
        return rewards().stream().filter(r -> r.role.equals(role.name())).findFirst().orElseThrow();
    }

    private static String code(Runnable call) {
        try {
            call.run();
        } catch (TesseraException e) {
            return e.getCode();
        }
        throw new AssertionError("refused expected");
    }

    private static String field(Runnable call) {
        try {
            call.run();
        } catch (TesseraException e) {
            return e.getField();
        }
        throw new AssertionError("refused expected");
    }
}
