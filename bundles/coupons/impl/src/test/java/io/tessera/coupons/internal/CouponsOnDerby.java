package io.tessera.coupons.internal;

import io.tessera.coupons.api.Coupon;
import io.tessera.coupons.api.CouponKind;
import io.tessera.coupons.api.CouponTemplate;
import io.tessera.coupons.api.Requests;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgErrors;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.testing.LocalUnitOfWork;
import io.tessera.testing.RecordedEvents;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The coupons' template and issuing services on a real database (embedded Derby, the coupons changelog), with the
 * org and members domains as stubs: two open stores of the chain, members 1 to 899 active, member 900 returned
 * (their card), no others. The caller is headquarters ({@link #HQ}) on the test's thread.
 *
 * <p>The unit of work is {@link LocalUnitOfWork} (one local transaction per use case), wrapped ({@link Replaying}) in
 * two ways that make it behave as the platform's {@code UnitOfWorkImpl}:
 * <ul>
 * <li>a key used again by the same caller for the same operation answers the first run's result, as the platform's
 * idempotency store does (LocalUnitOfWork stores nothing; the platform's replay itself is tested against the real
 * distribution). Only successful runs are stored, as the platform stores only committed answers;</li>
 * <li>{@code apart} runs on a cached pool of threads, as the platform's does, not on LocalUnitOfWork's single
 * thread. With one thread, concurrent first claims under a daily and a per-member limit wait on each other where
 * Derby cannot see it: a claim holding its member's day row waits in the queue for its member-row insert, behind
 * another claim's insert of that same day row, which waits (Derby's duplicate check) for the first claim's row lock.
 * Derby breaks it only by its lock timeout (40XL1 after derby.locks.waitTimeout), failing claims that the platform
 * would make.</li>
 * </ul>
 */
final class CouponsOnDerby implements AutoCloseable {

    static final Caller HQ = new Caller(Caller.Kind.OPERATOR, 1, "hq", "H1", EnumSet.of(Role.HQ_ADMIN), Set.of());
    static final long STORE = 101;
    static final long OTHER_STORE = 102;
    static final long RETURNED_MEMBER = 900;

    final UnitDatabase db = UnitDatabase.create("tessera-coupons");
    final LocalUnitOfWork local = new LocalUnitOfWork(db.jpa());
    final Replaying work = new Replaying(local);
    final RecordedEvents events = new RecordedEvents(db.jpa());
    /** The audit actions recorded, in order. */
    final List<String> audited = Collections.synchronizedList(new ArrayList<>());
    final TemplateServiceImpl templates;
    final CouponServiceImpl coupons;

    CouponsOnDerby() {
        OrgService org = Stub.of(OrgService.class).on("actingStore", a -> store((Long) a[0])).build();
        MemberService members = Stub.of(MemberService.class)
                .on("lookup", a -> a.length == 1 && a[0] instanceof Long id ? member(id) : Optional.empty())
                .build();
        AuditService audit = Stub.of(AuditService.class).on("record", a -> {
            audited.add((String) a[0]);
            return null;
        }).build();
        JobService jobs = Stub.of(JobService.class).build();
        templates = new TemplateServiceImpl(db.jpa(), audit, org, jobs, events);
        coupons = new CouponServiceImpl(db.jpa(), work, events, members, org, jobs);
        CallerContext.set(HQ);
    }

    private static Store store(Long id) {
        if (id == null || (id != STORE && id != OTHER_STORE)) {
            throw OrgErrors.STORE_NOT_FOUND.error("no store " + id);
        }
        Store s = new Store();
        s.id = id;
        s.code = String.valueOf(id);
        s.name = "门店" + id;
        s.formatCode = "PHARMACY";
        s.status = Store.Status.OPEN;
        return s;
    }

    private static Optional<Member> member(long id) {
        if (id < 1 || id > RETURNED_MEMBER) {
            return Optional.empty();
        }
        Member m = new Member();
        m.id = id;
        m.memberNo = String.format("M%010d", id);
        m.name = "会员" + id;
        m.status = id == RETURNED_MEMBER ? Member.Status.RETURNED : Member.Status.ACTIVE;
        m.registeredStoreId = STORE;
        m.discountRate = BigDecimal.ONE;
        return Optional.of(m);
    }

    // ---- templates ----------------------------------------------------------------------------------------

    /** A CASH template worth 10.00, claimable for 30 days from the claim day, no stock or limits: change it as needed. */
    static Requests.TemplateRequest cash(Consumer<Requests.TemplateRequest> change) {
        Requests.TemplateRequest r = new Requests.TemplateRequest();
        r.name = "十元代金券";
        r.kind = CouponKind.CASH;
        r.value = Money.parse("10.00");
        r.validity = CouponTemplate.Validity.RELATIVE;
        r.validDays = 30;
        change.accept(r);
        return r;
    }

    /** The template made and activated by headquarters. */
    CouponTemplate active(Requests.TemplateRequest r) {
        CouponTemplate draft = templates.create(r);
        return templates.activate(draft.id);
    }

    // ---- issuing ------------------------------------------------------------------------------------------

    static Requests.Claim claimOf(long templateId, long memberId) {
        Requests.Claim c = new Requests.Claim();
        c.templateId = templateId;
        c.memberId = memberId;
        return c;
    }

    Coupon claim(long templateId, long memberId) {
        return coupons.claim(claimOf(templateId, memberId), UUID.randomUUID().toString());
    }

    Coupon gift(String no, long from, long to) {
        Requests.Gift g = new Requests.Gift();
        g.fromMemberId = from;
        g.toMemberId = to;
        g.remark = "送你";
        return coupons.gift(no, g, UUID.randomUUID().toString());
    }

    /** The coupon with its history, as {@code GET /coupons/{no}} reads it. */
    Coupon read(String no) {
        return db.jpa().txExpr(TransactionType.Supports, em -> {
            CouponEntity c = Coupons.find(em, no, "couponNo");
            return Coupons.withHistory(em, c);
        });
    }

    // ---- SQL ----------------------------------------------------------------------------------------------

    long count(String sql, Object... params) throws Exception {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    /** Rows of two longs (e.g. member id, count). */
    List<long[]> pairs(String sql, Object... params) throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        return rows;
    }

    List<String> strings(String sql, Object... params) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        return rows;
    }

    long issued(long templateId) throws Exception {
        return count("SELECT ISSUED FROM CPN_TEMPLATE WHERE ID = ?", templateId);
    }

    long couponsOf(long templateId) throws Exception {
        return count("SELECT COUNT(*) FROM CPN_COUPON WHERE TEMPLATE_ID = ?", templateId);
    }

    long published(String topic) {
        return events.all().stream().filter(e -> e.topic().equals(topic)).count();
    }

    @Override
    public void close() {
        CallerContext.clear();
        work.close();
        local.close();
        db.close();
    }

    /** {@link LocalUnitOfWork} answering a key used again with the first run's result, its {@code apart} on a cached pool. */
    static final class Replaying implements UnitOfWork, AutoCloseable {

        private final LocalUnitOfWork local;
        private final Map<String, Object> answers = new ConcurrentHashMap<>();
        private final ExecutorService apartThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "coupons-test-apart");
            t.setDaemon(true);
            return t;
        });

        Replaying(LocalUnitOfWork local) {
            this.local = local;
        }

        @Override
        public <T> T run(String operation, String key, Object request, Class<T> resultType, Supplier<T> work) {
            UnitOfWork.requireKey(key);
            String stored = CallerContext.current().identity() + "|" + operation + "|" + key;
            Object earlier = answers.get(stored);
            if (earlier != null) {
                return resultType.cast(earlier);
            }
            T result = local.run(operation, key, request, resultType, work);
            answers.putIfAbsent(stored, result);
            return result;
        }

        @Override
        public <T> Optional<T> earlier(String operation, String key, Object request, Class<T> resultType) {
            Object earlier = answers.get(CallerContext.current().identity() + "|" + operation + "|" + key);
            return earlier == null ? Optional.empty() : Optional.of(resultType.cast(earlier));
        }

        /** As the platform's: on a thread with no transaction, as the same caller, committed before it answers. */
        @Override
        public <T> T apart(Supplier<T> work) {
            Optional<Caller> caller = CallerContext.find();
            Future<T> f = apartThreads.submit(() -> caller.isPresent() ? CallerContext.callAs(caller.get(), work) : work.get());
            try {
                return f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            apartThreads.shutdownNow();
        }
    }
}
