package io.tessera.coupons.internal;

import static io.tessera.testing.Refusals.assertRefused;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponEvents;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponState;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.api.TemplateStatus;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.TesseraException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

/**
 * Claiming and giving coupons with the real {@link CouponServiceImpl} and {@link TemplateServiceImpl} on embedded
 * Derby: stock and limits under concurrency (Quotas, with member rows made apart), retries, template states and
 * locks, numbers and validity, gifts.
 */
public class IssuingOnDerbyTest {

    private final CouponsOnDerby derby = new CouponsOnDerby();

    @After
    public void close() {
        derby.close();
    }

    private static Requests.TemplateRequest cash(Consumer<Requests.TemplateRequest> change) {
        return CouponsOnDerby.cash(change);
    }

    /** The call is refused with this code naming this field. */
    private static void assertRefusedAt(String code, String field, Runnable call) {
        try {
            call.run();
            fail("expected " + code + " at " + field);
        } catch (TesseraException refused) {
            assertEquals(refused.getMessage(), code, refused.getCode());
            assertEquals(refused.getMessage(), field, refused.getField());
        }
    }

    // ---- limits -------------------------------------------------------------------------------------------

    /**
     * {@code threads} claims of the template at once, thread i for member 1 + i % {@code members}, each with its own
     * key and the caller set on its thread: each answer is a coupon no or the refusal's code. Any other failure (a
     * deadlock, a lock timeout, a duplicate key) fails the test.
     */
    private List<String> claimAtOnce(long templateId, int threads, int members) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> tries = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                long member = 1 + i % members;
                tries.add(pool.submit(() -> {
                    CallerContext.set(CouponsOnDerby.HQ);
                    try {
                        ready.countDown();
                        go.await();
                        try {
                            return derby.coupons.claim(CouponsOnDerby.claimOf(templateId, member), UUID.randomUUID().toString()).no;
                        } catch (TesseraException refused) {
                            return refused.getCode();
                        }
                    } finally {
                        CallerContext.clear();
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> f : tries) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The coupon nos among the answers (each answered once), the refusals counted by code in {@code refusals}. */
    private static Set<String> couponsAmong(List<String> answers, Map<String, Integer> refusals) {
        Set<String> nos = new HashSet<>();
        for (String answer : answers) {
            if (CouponNos.valid(answer)) {
                assertTrue("coupon " + answer + " answered twice", nos.add(answer));
            } else {
                refusals.merge(answer, 1, Integer::sum);
            }
        }
        return nos;
    }

    /** Each member's coupons of the template, and their counters say as many (refused claims rolled theirs back). */
    private Map<Long, Long> perMemberMatchingTheCounters(long templateId) throws Exception {
        Map<Long, Long> perMember = new HashMap<>();
        for (long[] row : derby.pairs("SELECT MEMBER_ID, COUNT(*) FROM CPN_COUPON WHERE TEMPLATE_ID = ? GROUP BY MEMBER_ID", templateId)) {
            perMember.put(row[0], row[1]);
        }
        for (long[] row : derby.pairs("SELECT MEMBER_ID, CLAIMED FROM CPN_QUOTA_MEMBER WHERE TEMPLATE_ID = ?", templateId)) {
            assertEquals("member " + row[0] + "'s counter", perMember.getOrDefault(row[0], 0L).longValue(), row[1]);
        }
        assertEquals(perMember.size(), derby.count("SELECT COUNT(*) FROM CPN_QUOTA_MEMBER WHERE TEMPLATE_ID = ? AND CLAIMED > 0", templateId));
        return perMember;
    }

    @Test
    public void sixtyFourConcurrentClaimsMakeExactlyTheStockAndNoMemberGoesOverTheLimit() throws Exception {
        CouponTemplate t = derby.active(cash(r -> {
            r.stock = 40L;
            r.perMemberLimit = 3;
        }));
        int threads = 64;
        int members = 20;
        List<String> answers = claimAtOnce(t.id, threads, members);
        Map<String, Integer> refusals = new HashMap<>();
        Set<String> nos = couponsAmong(answers, refusals);
        assertEquals(answers.toString(), 40, nos.size());
        assertEquals(threads - 40, refusals.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(refusals.toString(), Set.of("COUPON_OUT_OF_STOCK", "COUPON_MEMBER_LIMIT_REACHED").containsAll(refusals.keySet()));
        // only members 1..4 tried a fourth time
        assertTrue(refusals.toString(), refusals.getOrDefault("COUPON_MEMBER_LIMIT_REACHED", 0) <= threads - 3 * members);
        assertEquals(new HashSet<>(derby.strings("SELECT COUPON_NO FROM CPN_COUPON WHERE TEMPLATE_ID = ?", t.id)), nos);
        assertEquals(40, derby.couponsOf(t.id));
        assertEquals(40, derby.issued(t.id));
        assertEquals(40, derby.count("SELECT COUNT(DISTINCT COUPON_NO) FROM CPN_COUPON WHERE TEMPLATE_ID = ?", t.id));
        for (Map.Entry<Long, Long> m : perMemberMatchingTheCounters(t.id).entrySet()) {
            assertTrue("member " + m.getKey() + " has " + m.getValue(), m.getValue() <= 3);
        }
        assertEquals(40, derby.count("SELECT COUNT(*) FROM CPN_COUPON_EVENT E JOIN CPN_COUPON C ON C.ID = E.COUPON_ID"
                + " WHERE C.TEMPLATE_ID = ? AND E.EVENT_TYPE = 'CLAIMED'", t.id));
        assertEquals(40, derby.published(CouponEvents.CLAIMED));
        assertEquals(40, derby.templates.get(t.id).issued);
    }

    @Test
    public void concurrentClaimsUnderADailyLimitKeepEveryCounterExact() throws Exception {
        CouponTemplate t = derby.active(cash(r -> {
            r.stock = 30L;
            r.perDayLimit = 2;
            r.perMemberLimit = 3;
        }));
        LocalDate day = BusinessTime.today();
        List<String> answers = claimAtOnce(t.id, 64, 20);
        Map<String, Integer> refusals = new HashMap<>();
        Set<String> nos = couponsAmong(answers, refusals);
        // the stock (30) is below what the members may have (20 x 2): it runs out, whatever the interleaving
        assertEquals(answers.toString(), 30, nos.size());
        assertEquals(30, derby.couponsOf(t.id));
        assertEquals(30, derby.issued(t.id));
        Map<Long, Long> perMember = perMemberMatchingTheCounters(t.id);
        // the day counters (summed over days) say the same
        Map<Long, Long> perDay = new HashMap<>();
        for (long[] row : derby.pairs("SELECT MEMBER_ID, SUM(CLAIMED) FROM CPN_QUOTA_DAY WHERE TEMPLATE_ID = ? GROUP BY MEMBER_ID", t.id)) {
            if (row[1] > 0) {
                perDay.put(row[0], row[1]);
            }
        }
        assertEquals(perMember, perDay);
        Assume.assumeTrue(day.equals(BusinessTime.today())); // all on one business day: then the daily limit holds
        assertTrue(refusals.toString(), Set.of("COUPON_OUT_OF_STOCK", "COUPON_DAILY_LIMIT_REACHED").containsAll(refusals.keySet()));
        for (Map.Entry<Long, Long> m : perMember.entrySet()) {
            assertTrue("member " + m.getKey() + " has " + m.getValue() + " today", m.getValue() <= 2);
        }
    }

    @Test
    public void aMemberOverTheLimitIsRefusedAndTakesNoStock() throws Exception {
        CouponTemplate t = derby.active(cash(r -> {
            r.stock = 10L;
            r.perMemberLimit = 2;
        }));
        derby.claim(t.id, 1);
        derby.claim(t.id, 1);
        assertRefusedAt("COUPON_MEMBER_LIMIT_REACHED", "templateId", () -> derby.claim(t.id, 1));
        derby.claim(t.id, 2);
        assertEquals(3, derby.issued(t.id));
        assertEquals(3, derby.couponsOf(t.id));
        assertEquals(2, derby.count("SELECT CLAIMED FROM CPN_QUOTA_MEMBER WHERE TEMPLATE_ID = ? AND MEMBER_ID = 1", t.id));
    }

    @Test
    public void aSecondClaimTheSameDayIsOverADailyLimitOfOne() throws Exception {
        CouponTemplate t = derby.active(cash(r -> {
            r.perDayLimit = 1;
            r.perMemberLimit = 5;
        }));
        LocalDate before = BusinessTime.today();
        Coupon first = derby.claim(t.id, 1);
        TesseraException second = null;
        try {
            derby.claim(t.id, 1);
        } catch (TesseraException refused) {
            second = refused;
        }
        Coupon other = derby.claim(t.id, 2);
        // the two claims of member 1 on one business day (never true across midnight: nothing to check then)
        Assume.assumeTrue(before.equals(BusinessTime.today()));
        assertEquals(CouponState.AVAILABLE, first.state);
        assertEquals(2, other.memberId);
        assertTrue("the second claim the same day was not refused", second != null);
        assertEquals("COUPON_DAILY_LIMIT_REACHED", second.getCode());
        assertEquals("templateId", second.getField());
        assertEquals(2, derby.issued(t.id));
        assertEquals(1, derby.count("SELECT COUNT(*) FROM CPN_COUPON WHERE TEMPLATE_ID = ? AND MEMBER_ID = 1", t.id));
        assertEquals(1, derby.count("SELECT CLAIMED FROM CPN_QUOTA_DAY WHERE TEMPLATE_ID = ? AND MEMBER_ID = 1", t.id));
        // refused before the member's counter: it says one
        assertEquals(1, derby.count("SELECT CLAIMED FROM CPN_QUOTA_MEMBER WHERE TEMPLATE_ID = ? AND MEMBER_ID = 1", t.id));
    }

    @Test
    public void aClaimRefusedForStockRollsBackTheMembersCounters() throws Exception {
        Requests.TemplateRequest request = cash(r -> {
            r.stock = 1L;
            r.perMemberLimit = 5;
            r.perDayLimit = 5;
        });
        CouponTemplate t = derby.active(request);
        derby.claim(t.id, 1);
        assertRefusedAt("COUPON_OUT_OF_STOCK", "templateId", () -> derby.claim(t.id, 2));
        assertRefusedAt("COUPON_OUT_OF_STOCK", "templateId", () -> derby.claim(t.id, 2));
        assertEquals(1, derby.issued(t.id));
        // member 2's rows were made apart (and stay); their increments rolled back with the refusal
        assertEquals(0, derby.count("SELECT SUM(CLAIMED) FROM CPN_QUOTA_MEMBER WHERE TEMPLATE_ID = ? AND MEMBER_ID = 2", t.id));
        assertEquals(0, derby.count("SELECT SUM(CLAIMED) FROM CPN_QUOTA_DAY WHERE TEMPLATE_ID = ? AND MEMBER_ID = 2", t.id));
        // an active template's stock can grow: member 2 now claims
        request.stock = 2L;
        assertEquals(Long.valueOf(2), derby.templates.update(t.id, request).stock);
        derby.claim(t.id, 2);
        assertEquals(2, derby.issued(t.id));
        assertEquals(1, derby.count("SELECT CLAIMED FROM CPN_QUOTA_MEMBER WHERE TEMPLATE_ID = ? AND MEMBER_ID = 2", t.id));
    }

    // ---- retries ------------------------------------------------------------------------------------------

    @Test
    public void aClaimRetriedWithItsKeyAnswersTheSameCouponAndIssuesNothingMore() throws Exception {
        CouponTemplate t = derby.active(cash(r -> r.stock = 5L));
        String key = UUID.randomUUID().toString();
        Coupon first = derby.coupons.claim(CouponsOnDerby.claimOf(t.id, 7), key);
        Coupon again = derby.coupons.claim(CouponsOnDerby.claimOf(t.id, 7), key);
        assertEquals(first.no, again.no);
        assertEquals(1, derby.couponsOf(t.id));
        assertEquals(1, derby.issued(t.id));
        assertEquals(1, derby.published(CouponEvents.CLAIMED));
        Coupon another = derby.claim(t.id, 7);
        assertNotEquals(first.no, another.no);
        assertEquals(2, derby.issued(t.id));
        assertRefused("IDEMPOTENCY_KEY_REQUIRED", () -> derby.coupons.claim(CouponsOnDerby.claimOf(t.id, 7), null));
        assertRefused("IDEMPOTENCY_KEY_REQUIRED", () -> derby.coupons.claim(CouponsOnDerby.claimOf(t.id, 7), " "));
        assertEquals(2, derby.issued(t.id));
    }

    // ---- who claims what ----------------------------------------------------------------------------------

    @Test
    public void aClaimNeedsAnActiveMemberAndAnExistingTemplate() throws Exception {
        CouponTemplate t = derby.active(cash(r -> { }));
        assertRefusedAt("MEMBER_NOT_FOUND", "memberId", () -> derby.claim(t.id, 5000));
        assertRefusedAt("MEMBER_RETURNED", "memberId", () -> derby.claim(t.id, CouponsOnDerby.RETURNED_MEMBER));
        assertRefusedAt("COUPON_TEMPLATE_NOT_FOUND", "templateId", () -> derby.claim(t.id + 1000, 1));
        Requests.Claim noTemplate = CouponsOnDerby.claimOf(t.id, 1);
        noTemplate.templateId = null;
        assertRefusedAt("FIELD_REQUIRED", "templateId", () -> derby.coupons.claim(noTemplate, UUID.randomUUID().toString()));
        Requests.Claim noMember = CouponsOnDerby.claimOf(t.id, 1);
        noMember.memberId = null;
        assertRefusedAt("FIELD_REQUIRED", "memberId", () -> derby.coupons.claim(noMember, UUID.randomUUID().toString()));
        assertEquals(0, derby.issued(t.id));
    }

    // ---- template states and locks ------------------------------------------------------------------------

    @Test
    public void onlyAnActiveTemplateMakesCoupons() throws Exception {
        CouponTemplate draft = derby.templates.create(cash(r -> { }));
        assertEquals(TemplateStatus.DRAFT, draft.status);
        assertRefusedAt("COUPON_TEMPLATE_NOT_ACTIVE", "templateId", () -> derby.claim(draft.id, 1));
        CouponTemplate active = derby.templates.activate(draft.id);
        assertEquals(TemplateStatus.ACTIVE, active.status);
        Coupon before = derby.claim(draft.id, 1);
        CouponTemplate stopped = derby.templates.stop(draft.id);
        assertEquals(TemplateStatus.STOPPED, stopped.status);
        assertRefusedAt("COUPON_TEMPLATE_NOT_ACTIVE", "templateId", () -> derby.claim(draft.id, 2));
        assertEquals(1, derby.issued(draft.id));
        assertEquals(CouponState.AVAILABLE, derby.read(before.no).state); // those issued stay usable
        derby.templates.activate(draft.id);
        derby.claim(draft.id, 2);
        assertEquals(2, derby.issued(draft.id));
        assertEquals(List.of("coupon-template.create", "coupon-template.activate", "coupon-template.stop", "coupon-template.activate"),
                derby.audited);
    }

    @Test
    public void anActiveOrStoppedTemplatesMoneyFieldsAreLocked() throws Exception {
        Requests.TemplateRequest request = cash(r -> r.stock = 10L);
        CouponTemplate t = derby.active(request);
        assertRefusedAt("COUPON_TEMPLATE_LOCKED", "value", () -> derby.templates.update(t.id, cash(r -> {
            r.stock = 10L;
            r.value = Money.parse("20.00");
        })));
        assertRefusedAt("COUPON_TEMPLATE_LOCKED", "minSpend", () -> derby.templates.update(t.id, cash(r -> {
            r.stock = 10L;
            r.minSpend = Money.parse("50.00");
        })));
        assertRefusedAt("COUPON_TEMPLATE_LOCKED", "kind", () -> derby.templates.update(t.id, cash(r -> {
            r.kind = CouponKind.DISCOUNT;
            r.value = null;
            r.discountRate = new java.math.BigDecimal("0.9");
        })));
        CouponTemplate unchanged = derby.templates.get(t.id);
        assertEquals(Money.parse("10.00"), unchanged.value);
        assertEquals(CouponKind.CASH, unchanged.kind);
        assertEquals(Money.ZERO, unchanged.minSpend);
        // what is not money changes
        CouponTemplate renamed = derby.templates.update(t.id, cash(r -> {
            r.name = "新名字";
            r.stock = 20L;
            r.perMemberLimit = 4;
            r.giftable = true;
        }));
        assertEquals("新名字", renamed.name);
        assertEquals(Long.valueOf(20), renamed.stock);
        assertEquals(TemplateStatus.ACTIVE, renamed.status);
        // never a stock below what is issued
        derby.claim(t.id, 1);
        derby.claim(t.id, 2);
        assertRefusedAt("COUPON_TEMPLATE_INVALID", "stock", () -> derby.templates.update(t.id, cash(r -> r.stock = 1L)));
        assertEquals(Long.valueOf(2), derby.templates.update(t.id, cash(r -> r.stock = 2L)).stock);
        derby.templates.stop(t.id);
        assertRefusedAt("COUPON_TEMPLATE_LOCKED", "value", () -> derby.templates.update(t.id, cash(r -> r.value = Money.parse("1.00"))));
        // a draft changes freely
        CouponTemplate draft = derby.templates.create(cash(r -> { }));
        assertEquals(Money.parse("30.00"), derby.templates.update(draft.id, cash(r -> r.value = Money.parse("30.00"))).value);
    }

    // ---- numbers and validity -----------------------------------------------------------------------------

    @Test
    public void couponNumbersAreValidAndUnique() throws Exception {
        CouponTemplate t = derby.active(cash(r -> { }));
        Set<String> nos = new HashSet<>();
        for (long member = 1; member <= 30; member++) {
            Coupon c = derby.claim(t.id, member);
            assertTrue(c.no, CouponNos.valid(c.no));
            assertTrue(c.no, nos.add(c.no));
            assertEquals(member, c.memberId);
            assertEquals(t.id, c.templateId);
            assertEquals(CouponKind.CASH, c.kind);
            assertEquals("CLAIM", c.issueType);
            assertEquals("POS", c.issueChannel); // the default channel
            assertFalse(c.gifted);
        }
        assertEquals(nos, new HashSet<>(derby.strings("SELECT COUPON_NO FROM CPN_COUPON WHERE TEMPLATE_ID = ?", t.id)));
        // a claim at a store with its channel is recorded so
        Requests.Claim atStore = CouponsOnDerby.claimOf(t.id, 31);
        atStore.storeId = CouponsOnDerby.STORE;
        atStore.channel = io.tessera.coupons.api.RedeemChannel.MINI_PROGRAM;
        Coupon c = derby.coupons.claim(atStore, UUID.randomUUID().toString());
        assertEquals(Long.valueOf(CouponsOnDerby.STORE), c.issueStoreId);
        assertEquals("MINI_PROGRAM", c.issueChannel);
        assertRefused("STORE_NOT_FOUND", () -> {
            Requests.Claim nowhere = CouponsOnDerby.claimOf(t.id, 32);
            nowhere.storeId = 999L;
            derby.coupons.claim(nowhere, UUID.randomUUID().toString());
        });
    }

    @Test
    public void aRelativeCouponIsValidFromTheClaimDayPlusItsDelayForItsDays() throws Exception {
        CouponTemplate t = derby.active(cash(r -> {
            r.validDays = 30;
            r.startDelayDays = 2;
        }));
        CouponTemplate today = derby.active(cash(r -> r.validDays = 1));
        LocalDate before = BusinessTime.today();
        Coupon c = derby.claim(t.id, 1);
        Coupon d = derby.claim(today.id, 1);
        LocalDate after = BusinessTime.today();
        // claimed on `before` or, across midnight, on `after`
        assertTrue(c.validFrom + " after a claim on " + before, c.validFrom.equals(before.plusDays(2)) || c.validFrom.equals(after.plusDays(2)));
        assertEquals(c.validFrom.plusDays(29), c.validTo);
        assertTrue(d.validFrom + " after a claim on " + before, d.validFrom.equals(before) || d.validFrom.equals(after));
        assertEquals(d.validFrom, d.validTo); // one day: its first is its last
        Coupon stored = derby.read(c.no);
        assertEquals(c.validFrom, stored.validFrom);
        assertEquals(c.validTo, stored.validTo);
    }

    @Test
    public void aFixedCouponHasItsTemplatesDates() throws Exception {
        LocalDate from = BusinessTime.today().minusDays(3);
        LocalDate to = from.plusDays(60);
        CouponTemplate t = derby.active(cash(r -> {
            r.validity = CouponTemplate.Validity.FIXED;
            r.validDays = null;
            r.validFrom = from;
            r.validTo = to;
        }));
        Coupon c = derby.claim(t.id, 1);
        assertEquals(from, c.validFrom);
        assertEquals(to, c.validTo);
    }

    // ---- gifts --------------------------------------------------------------------------------------------

    @Test
    public void aGiftMovesTheCouponAndItsHistorySaysFromWhomToWhom() throws Exception {
        CouponTemplate t = derby.active(cash(r -> {
            r.giftable = true;
            r.perMemberLimit = 1;
        }));
        Coupon mine = derby.claim(t.id, 1);
        derby.claim(t.id, 2);
        Coupon given = derby.gift(mine.no, 1, 2);
        assertEquals(mine.no, given.no);
        assertEquals(2, given.memberId);
        assertTrue(given.gifted);
        assertEquals(CouponState.AVAILABLE, given.state);
        Coupon read = derby.read(mine.no);
        assertEquals(2, read.memberId);
        assertEquals(2, read.history.size());
        assertEquals("CLAIMED", read.history.get(0).type);
        Coupon.History gift = read.history.get(1);
        assertEquals("GIFTED", gift.type);
        assertEquals(Long.valueOf(1), gift.fromMemberId);
        assertEquals(Long.valueOf(2), gift.toMemberId);
        assertEquals("送你", gift.note);
        assertEquals(1, derby.published(CouponEvents.GIFTED));
        // the old owner cannot give it again
        assertRefusedAt("COUPON_NOT_OWNER", "fromMemberId", () -> derby.gift(mine.no, 1, 3));
        // a gift does not count against the receiver's limit: member 2 holds two coupons of a limit of one
        assertEquals(2, derby.count("SELECT COUNT(*) FROM CPN_COUPON WHERE TEMPLATE_ID = ? AND MEMBER_ID = 2", t.id));
        assertEquals(1, derby.count("SELECT CLAIMED FROM CPN_QUOTA_MEMBER WHERE TEMPLATE_ID = ? AND MEMBER_ID = 2", t.id));
        assertEquals(2, derby.issued(t.id));
        // the new owner may give it on
        assertEquals(3, derby.gift(mine.no, 2, 3).memberId);
        assertEquals(List.of("CLAIMED", "GIFTED", "GIFTED"), derby.read(mine.no).history.stream().map(h -> h.type).toList());
    }

    @Test
    public void giftsRefused() throws Exception {
        CouponTemplate giftable = derby.active(cash(r -> r.giftable = true));
        CouponTemplate kept = derby.active(cash(r -> r.giftable = false));
        Coupon notGiftable = derby.claim(kept.id, 1);
        assertRefused("COUPON_NOT_GIFTABLE", () -> derby.gift(notGiftable.no, 1, 2));
        assertEquals(1, derby.read(notGiftable.no).memberId);
        Coupon c = derby.claim(giftable.id, 1);
        assertRefusedAt("COUPON_GIFT_TO_SELF", "toMemberId", () -> derby.gift(c.no, 1, 1));
        assertRefusedAt("MEMBER_NOT_FOUND", "toMemberId", () -> derby.gift(c.no, 1, 5000));
        assertRefusedAt("MEMBER_RETURNED", "toMemberId", () -> derby.gift(c.no, 1, CouponsOnDerby.RETURNED_MEMBER));
        assertRefusedAt("COUPON_NOT_OWNER", "fromMemberId", () -> derby.gift(c.no, 3, 2));
        String wrongDigit = c.no.substring(0, 17) + (char) ('0' + (c.no.charAt(17) - '0' + 1) % 10);
        assertRefusedAt("COUPON_NO_INVALID", "couponNo", () -> derby.gift(wrongDigit, 1, 2));
        assertRefusedAt("COUPON_NOT_FOUND", "couponNo", () -> derby.gift(CouponNos.next(), 1, 2));
        Requests.Void v = new Requests.Void();
        v.reason = "测试作废";
        derby.coupons.voidCoupon(c.no, v, UUID.randomUUID().toString());
        assertRefusedAt("COUPON_NOT_AVAILABLE", "couponNo", () -> derby.gift(c.no, 1, 2));
        Coupon read = derby.read(c.no);
        assertEquals(1, read.memberId);
        assertEquals(CouponState.VOID, read.state);
        assertEquals(List.of("CLAIMED", "VOIDED"), read.history.stream().map(h -> h.type).toList());
        assertEquals(0, derby.published(CouponEvents.GIFTED));
    }
}
