package io.tessera.reporting.internal;

import io.tessera.coupons.api.CouponFeed;
import io.tessera.members.api.MemberFeed;
import io.tessera.payments.api.OrderFeed;
import io.tessera.payments.api.Refund;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobProgress;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.points.api.PointsEntry;
import io.tessera.points.api.PointsFeed;
import io.tessera.reporting.api.ReadModelService;
import io.tessera.reporting.api.ReadModelStatus;
import io.tessera.reporting.api.ReportingErrors;
import io.tessera.reporting.internal.jpa.StateEntity;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.JournalFeed;
import java.util.List;
import java.util.function.Consumer;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebuild: one at a time (the RPT_STATE row "rebuild", claimed under its lock before the job is submitted; a
 * rebuild whose job ended, even by a restart, frees it), as a job of the caller: the read model emptied, then every paid order with its refunds
 * from the payments' {@link OrderFeed}, every journal row from the wallets' {@link JournalFeed}, every registration
 * from the members' {@link MemberFeed}, and — when their features are installed — every coupon and redemption from
 * the {@link CouponFeed} and every points row from the {@link PointsFeed}, in batches of
 * {@value #BATCH}, each one transaction through {@link ReadModel}. Events consumed meanwhile are not lost: a fact
 * the consumer wrote first is skipped by the rebuild, and the other way round.
 */
@Component(service = ReadModelService.class)
public class ReadModelServiceImpl implements ReadModelService {

    static final String JOB_TYPE = "reporting.rebuild";
    static final int BATCH = 500;
    private static final int TRIES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ReadModelServiceImpl.class);

    private final JpaTemplate jpa;
    private final JobService jobs;
    private final OrderFeed orders;
    private final JournalFeed journal;
    private final MemberFeed members;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CouponFeed coupons;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PointsFeed points;

    @Activate
    public ReadModelServiceImpl(@Reference(target = "(osgi.unit.name=tessera-reporting)") JpaTemplate jpa, @Reference JobService jobs,
                                @Reference OrderFeed orders, @Reference JournalFeed journal, @Reference MemberFeed members) {
        this.jpa = jpa;
        this.jobs = jobs;
        this.orders = orders;
        this.journal = journal;
        this.members = members;
    }

    @Override
    public Job rebuild() {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        // Claimed first, in a transaction of its own: the job is submitted (and may start) only once the claim is seen.
        jpa.tx(TransactionType.Required, em -> {
            StateEntity state = em.find(StateEntity.class, "rebuild", LockModeType.PESSIMISTIC_WRITE);
            if (state.running == 1 && (state.jobId == null ? state.changedAt != null && state.changedAt.isAfter(BusinessTime.now().minusMinutes(1))
                    : !jobs.get(state.jobId).status.finished())) {
                throw ReportingErrors.REBUILD_RUNNING.error("the read model is being rebuilt" + (state.jobId == null ? "" : " by job " + state.jobId));
            }
            state.running = 1;
            state.jobId = null;
            state.changedAt = BusinessTime.now();
        });
        Job job = jobs.submit(JOB_TYPE, "Rebuild the reporting read model", null, this::run);
        jpa.tx(TransactionType.Required, em -> em.find(StateEntity.class, "rebuild", LockModeType.PESSIMISTIC_WRITE).jobId = job.id);
        return job;
    }

    @Override
    public ReadModelStatus status() {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        return jpa.txExpr(TransactionType.Supports, em -> {
            ReadModelStatus s = new ReadModelStatus();
            s.payments = count(em, "SELECT COUNT(p) FROM PaymentFact p WHERE p.kind = 'PAY'");
            s.refunds = count(em, "SELECT COUNT(p) FROM PaymentFact p WHERE p.kind = 'REFUND'");
            s.walletEntries = count(em, "SELECT COUNT(f) FROM WalletFact f");
            s.counted = count(em, "SELECT COUNT(k) FROM FactKey k");
            StateEntity state = em.find(StateEntity.class, "rebuild");
            s.lastRebuild = state.jobId == null ? null : jobs.get(state.jobId);
            return s;
        });
    }

    private String run(JobProgress progress) {
        try {
            jpa.tx(TransactionType.Required, em -> {
                for (String entity : List.of("TenderFact", "PaymentFact", "PaySum", "WalletFact", "WalletSum", "FactKey", "MetricSum")) {
                    em.createQuery("DELETE FROM " + entity).executeUpdate();
                }
            });
            long[] counts = new long[3];
            long cursor = 0;
            while (true) {
                OrderFeed.Batch batch = orders.next(cursor, BATCH);
                if (batch.items.isEmpty()) {
                    break;
                }
                cursor = batch.cursor;
                write(em -> {
                    for (OrderFeed.Item item : batch.items) {
                        ReadModel.paid(em, item.order);
                        for (Refund r : item.refunds) {
                            ReadModel.refunded(em, r, item.order);
                        }
                    }
                });
                counts[0] += batch.items.size();
                counts[1] += batch.items.stream().mapToLong(i -> i.refunds.size()).sum();
                progress.counter("orders", counts[0]);
                progress.counter("refunds", counts[1]);
                progress.done(counts[0] + counts[2]);
            }
            long after = 0;
            while (true) {
                List<JournalEntry> rows = journal.next(after, BATCH);
                if (rows.isEmpty()) {
                    break;
                }
                after = rows.get(rows.size() - 1).id;
                write(em -> ReadModel.journals(em, rows));
                counts[2] += rows.size();
                progress.counter("walletEntries", counts[2]);
                progress.done(counts[0] + counts[2]);
            }
            String more = counts(progress);
            return counts[0] + " order(s), " + counts[1] + " refund(s), " + counts[2] + " journal row(s), " + more;
        } finally {
            jpa.tx(TransactionType.Required, em -> {
                StateEntity state = em.find(StateEntity.class, "rebuild", LockModeType.PESSIMISTIC_WRITE);
                state.running = 0;
                state.changedAt = BusinessTime.now();
            });
        }
    }

    /** Registrations, coupons and points rows into the counts: those of the installed domains. */
    private String counts(JobProgress progress) {
        long n = 0;
        long after = 0;
        for (List<MemberFeed.Registration> rows; !(rows = members.next(after, BATCH)).isEmpty(); after = rows.get(rows.size() - 1).memberId) {
            List<MemberFeed.Registration> batch = rows;
            write(em -> batch.forEach(r -> Counts.registered(em, r.memberId, r.storeId, r.registeredAt)));
            progress.counter("members", n += rows.size());
        }
        String done = n + " member(s)";
        CouponFeed c = coupons;
        if (c == null) {
            done += ", no coupons (not installed)";
        } else {
            n = 0;
            after = 0;
            for (List<CouponFeed.Issued> rows; !(rows = c.issued(after, BATCH)).isEmpty(); after = rows.get(rows.size() - 1).id) {
                List<CouponFeed.Issued> batch = rows;
                write(em -> batch.forEach(i -> Counts.issued(em, i.couponNo, i.storeId, i.claimedAt)));
                progress.counter("coupons", n += rows.size());
            }
            long used = 0;
            after = 0;
            for (List<CouponFeed.Redeemed> rows; !(rows = c.redemptions(after, BATCH)).isEmpty(); after = rows.get(rows.size() - 1).id) {
                List<CouponFeed.Redeemed> batch = rows;
                write(em -> batch.forEach(r -> {
                    Counts.redeemed(em, r.couponNo, r.orderNo, r.storeId, r.discount, r.usedAt);
                    if (r.returnedAt != null) {
                        Counts.returned(em, r.couponNo, r.orderNo, r.storeId, r.discount, r.returnedAt);
                    }
                }));
                progress.counter("redemptions", used += rows.size());
            }
            done += ", " + n + " coupon(s), " + used + " redemption(s)";
        }
        PointsFeed p = points;
        if (p == null) {
            return done + ", no points (not installed)";
        }
        n = 0;
        after = 0;
        for (List<PointsEntry> rows; !(rows = p.next(after, BATCH)).isEmpty(); after = rows.get(rows.size() - 1).id) {
            List<PointsEntry> batch = rows;
            write(em -> batch.forEach(e -> Counts.points(em, e)));
            progress.counter("pointsEntries", n += rows.size());
        }
        return done + ", " + n + " points row(s)";
    }

    /** One batch in one transaction, again if it met the consumer writing the same sums row first. */
    private void write(Consumer<EntityManager> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                jpa.tx(TransactionType.Required, work::accept);
                return;
            } catch (RuntimeException e) {
                if (attempt >= TRIES) {
                    throw e;
                }
                LOG.info("A rebuild batch met a concurrent write and runs again ({} of {})", attempt + 1, TRIES);
            }
        }
    }

    private static long count(EntityManager em, String jpql) {
        return ((Number) em.createQuery(jpql).getSingleResult()).longValue();
    }
}
