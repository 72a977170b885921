package io.tessera.reporting.internal;

import io.tessera.payments.api.OrderFeed;
import io.tessera.payments.api.Refund;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobProgress;
import io.tessera.platform.api.jobs.JobService;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebuild: one at a time (the RPT_STATE row "rebuild", claimed under its lock before the job is submitted; a
 * rebuild whose job ended, even by a restart, frees it), as a job of the caller: the read model emptied, then every paid order with its refunds
 * from the payments' {@link OrderFeed} and every journal row from the wallets' {@link JournalFeed}, in batches of
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

    @Activate
    public ReadModelServiceImpl(@Reference(target = "(osgi.unit.name=tessera-reporting)") JpaTemplate jpa, @Reference JobService jobs,
                                @Reference OrderFeed orders, @Reference JournalFeed journal) {
        this.jpa = jpa;
        this.jobs = jobs;
        this.orders = orders;
        this.journal = journal;
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
            StateEntity state = em.find(StateEntity.class, "rebuild");
            s.lastRebuild = state.jobId == null ? null : jobs.get(state.jobId);
            return s;
        });
    }

    private String run(JobProgress progress) {
        try {
            jpa.tx(TransactionType.Required, em -> {
                for (String entity : List.of("TenderFact", "PaymentFact", "PaySum", "WalletFact", "WalletSum")) {
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
                write(em -> rows.forEach(j -> ReadModel.journal(em, j)));
                counts[2] += rows.size();
                progress.counter("walletEntries", counts[2]);
                progress.done(counts[0] + counts[2]);
            }
            return counts[0] + " order(s), " + counts[1] + " refund(s), " + counts[2] + " journal row(s)";
        } finally {
            jpa.tx(TransactionType.Required, em -> {
                StateEntity state = em.find(StateEntity.class, "rebuild", LockModeType.PESSIMISTIC_WRITE);
                state.running = 0;
                state.changedAt = BusinessTime.now();
            });
        }
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
