package io.tessera.marketing.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponErrors;
import io.tessera.coupons.api.CouponIssuer;
import io.tessera.marketing.api.Activity;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.api.RewardKind;
import io.tessera.marketing.api.RewardRole;
import io.tessera.marketing.api.RewardSpec;
import io.tessera.marketing.api.Segment;
import io.tessera.marketing.api.SegmentKind;
import io.tessera.marketing.internal.jpa.SendEntity;
import io.tessera.members.api.LevelService;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberQuery;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.jobs.JobProgress;
import io.tessera.testing.LocalUnitOfWork;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Direct sends on a real database (embedded Derby, the marketing changelog): a segment walked page by page, each
 * member rewarded once within the activity's budget — the send stops when the budget is used up, and resumed it
 * counts the members it already rewarded without rewarding them again; the result file lists every member reached;
 * the SPEND segment reads what marketing counted from sales and refunds, each once. Members and coupons are stubs.
 */
public class SendsOnDerbyTest {

    private static final Caller HQ = new Caller(Caller.Kind.OPERATOR, 1, "hq", "H1", EnumSet.of(Role.HQ_ADMIN), Set.of());

    private UnitDatabase db;
    private LocalUnitOfWork work;
    private ActivityServiceImpl activities;
    private SendRun run;
    private MemberSpends spends;
    private final Map<Long, Member> members = new LinkedHashMap<>();
    private final Map<String, Long> issued = new HashMap<>();
    private Path results;
    private volatile boolean outOfStock;

    @Before
    public void setUp() throws IOException {
        db = UnitDatabase.create("tessera-marketing");
        work = new LocalUnitOfWork(db.jpa());
        MemberService memberService = Stub.of(MemberService.class)
                .on("list", a -> {
                    MemberQuery q = (MemberQuery) a[0];
                    List<Member> all = new ArrayList<>(members.values());
                    int from = Math.min(all.size(), (q.page - 1) * q.size);
                    return new Page<>(all.subList(from, Math.min(all.size(), from + q.size)), q.page, q.size, all.size());
                })
                .on("lookupAll", a -> {
                    Map<Long, Member> found = new HashMap<>();
                    for (Object id : (Collection<?>) a[0]) {
                        Optional.ofNullable(members.get((Long) id)).ifPresent(m -> found.put(m.id, m));
                    }
                    return found;
                })
                .build();
        AuditService audit = Stub.of(AuditService.class).on("record", a -> null).build();
        activities = new ActivityServiceImpl(db.jpa(), audit, Stub.of(OrgService.class).on("findStore", a -> Optional.of(new Store())).build(),
                memberService, Stub.of(LevelService.class).on("list", a -> List.of()).build());
        RewardDelivery delivery = new RewardDelivery(db.jpa(), new MarketingSettings());
        delivery.coupons = Stub.of(CouponIssuer.class).on("issueForActivity", a -> {
            if (outOfStock) {
                throw CouponErrors.COUPON_OUT_OF_STOCK.error("template 7 has no coupons left");
            }
            issued.merge((String) a[2], 1L, Long::sum);
            Coupon c = new Coupon();
            c.no = "9" + issued.size();
            return c;
        }).build();
        run = new SendRun(db.jpa(), new Segments(db.jpa(), memberService), new Occasions(db.jpa(), work), delivery);
        spends = new MemberSpends(db.jpa(), work);
        results = Files.createTempDirectory("sends");
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
    public void aSendStopsWhenTheBudgetIsUsedUpAndResumedRewardsNobodyTwice() throws Exception {
        for (long id = 1; id <= 5; id++) {
            member(id, id == 4 ? Member.Status.RETURNED : Member.Status.ACTIVE);
        }
        long activity = activity(3L);
        long send = send(activity, SegmentKind.ALL);

        String first = run.run(send, progress("first.csv"));
        assertTrue(first, first.startsWith("stopped after 5 member(s): ACTIVITY_BUDGET_EXHAUSTED"));
        SendEntity stopped = row(send);
        assertEquals("STOPPED", stopped.state);
        assertEquals(3, stopped.rewarded);
        assertEquals(2, stopped.skipped);
        assertEquals(3, issued.size());
        List<String> lines = Files.readAllLines(results.resolve("first.csv"), StandardCharsets.UTF_8);
        assertEquals(lines.toString(), 6, lines.size());
        assertTrue(lines.get(4), lines.get(4).contains("SKIPPED,MEMBER_RETURNED"));
        assertTrue(lines.get(5), lines.get(5).contains("SKIPPED,ACTIVITY_BUDGET_EXHAUSTED"));

        Requests.ActivityRequest more = request(10L);
        activities.update(activity, more);
        String second = run.run(send, progress("second.csv"));
        assertEquals("4 member(s) rewarded of 5 reached; skipped: {MEMBER_RETURNED=1}", second);
        assertEquals(4, issued.size());
        assertTrue(issued.toString(), issued.values().stream().allMatch(n -> n == 1));
        assertEquals(4, activities.get(activity).used);
        assertEquals("DONE", row(send).state);
    }

    @Test
    public void aSendStoppedByACouponOutOfStockGivesTheRefusedRewardWhenResumedAfterARestock() throws Exception {
        for (long id = 1; id <= 3; id++) {
            member(id, Member.Status.ACTIVE);
        }
        long activity = activity(null);
        long send = send(activity, SegmentKind.ALL);
        outOfStock = true;
        String first = run.run(send, progress("first.csv"));
        assertTrue(first, first.startsWith("stopped after 1 member(s): COUPON_OUT_OF_STOCK"));
        outOfStock = false;
        assertEquals("3 member(s) rewarded of 3 reached", run.run(send, progress("second.csv")));
        assertEquals(3, issued.size());
        assertTrue(issued.toString(), issued.values().stream().allMatch(n -> n == 1));
        // One budget per member, the first member's taken once although their reward was given on the second run.
        assertEquals(3, activities.get(activity).used);
    }

    @Test
    public void theSpendSegmentCountsSalesLessRefundsEachOnceInTheirMonth() throws Exception {
        for (long id = 1; id <= 3; id++) {
            member(id, Member.Status.ACTIVE);
        }
        OffsetDateTime november = OffsetDateTime.of(2026, 11, 30, 23, 30, 0, 0, ZoneOffset.ofHours(8));
        OffsetDateTime december = OffsetDateTime.of(2026, 12, 1, 0, 30, 0, 0, ZoneOffset.ofHours(8));
        db.jpa().tx(TransactionType.Required, em -> {
            spends.count(em, "order:A", 1, november, new BigDecimal("100.00"));
            spends.count(em, "order:A", 1, november, new BigDecimal("100.00"));
            spends.count(em, "refund:A1", 1, december, new BigDecimal("-30.00"));
            spends.count(em, "order:B", 2, november, new BigDecimal("59.99"));
            spends.count(em, "order:C", 3, december, new BigDecimal("80.00"));
        });
        // four amounts, one compiled statement (the amount is bound, not written into the text)
        assertEquals(1, db.compiledStatements("UPDATE MKT_MEMBER_SPEND").size());
        long activity = activity(null);
        long november60 = sendSpend(activity, "2026-11", "2026-11", "60.00");
        run.run(november60, progress("nov.csv"));
        assertEquals(1, row(november60).rewarded);
        assertTrue(issued.keySet().toString(), issued.keySet().stream().allMatch(k -> k.startsWith("send:" + november60 + ":1:")));

        // November and December: member 1 has 70.00 (the refund counted in December), member 3 80.00, member 2 59.99.
        long both = sendSpend(activity, "2026-11", "2026-12", "60.00");
        run.run(both, progress("both.csv"));
        assertEquals(2, row(both).rewarded);
        List<String> lines = Files.readAllLines(results.resolve("both.csv"), StandardCharsets.UTF_8);
        assertTrue(lines.toString(), lines.get(1).contains(",1,REWARDED") && lines.get(2).contains(",3,REWARDED"));
    }

    // ---- helpers ----

    private long activity(Long budget) {
        Activity a = activities.create(request(budget));
        return activities.activate(a.id).id;
    }

    private static Requests.ActivityRequest request(Long budget) {
        Requests.ActivityRequest r = new Requests.ActivityRequest();
        r.type = ActivityType.COUPON_SEND;
        r.name = "会员日送券";
        r.startsAt = OffsetDateTime.now().minusDays(1);
        r.endsAt = OffsetDateTime.now().plusDays(30);
        r.budget = budget;
        RewardSpec coupon = new RewardSpec();
        coupon.role = RewardRole.RECIPIENT;
        coupon.kind = RewardKind.COUPON;
        coupon.templateId = 7L;
        r.rewards = List.of(coupon);
        return r;
    }

    private long send(long activity, SegmentKind kind) {
        Segment s = new Segment();
        s.kind = kind;
        return insert(activity, s);
    }

    private long sendSpend(long activity, String from, String to, String min) {
        Segment s = new Segment();
        s.kind = SegmentKind.SPEND;
        s.fromMonth = from;
        s.toMonth = to;
        s.minSpend = Money.of(new BigDecimal(min));
        return insert(activity, s);
    }

    /** A send row as SendServiceImpl writes it (its job is what is tested here). */
    private long insert(long activity, Segment segment) {
        return db.jpa().txExpr(TransactionType.Required, em -> {
            SendEntity e = new SendEntity();
            Segments.apply(segment, e);
            e.activityId = activity;
            e.runAt = BusinessTime.now();
            e.state = "RUNNING";
            e.keyHash = "k" + System.nanoTime();
            e.createdBy = "hq";
            e.createdAt = BusinessTime.now();
            em.persist(e);
            em.flush();
            return e.id;
        });
    }

    private SendEntity row(long id) {
        return db.jpa().txExpr(TransactionType.Required, em -> em.find(SendEntity.class, id));
    }

    private void member(long id, Member.Status status) {
        Member m = new Member();
        m.id = id;
        m.memberNo = String.format("M%010d", id);
        m.status = status;
        m.registeredStoreId = 101L;
        members.put(id, m);
    }

    private JobProgress progress(String file) {
        return new JobProgress() {
            @Override
            public void total(long units) {
            }

            @Override
            public void done(long units) {
            }

            @Override
            public void counter(String name, long value) {
            }

            @Override
            public Path resultFile(String fileName, String contentType) {
                return results.resolve(file);
            }
        };
    }
}
