package io.tessera.platform.internal.schedule;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.internal.jpa.LeaseEntity;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * Named leases in {@code PLT_LEASE}, shared by every node on the database: a lease is taken with one
 * conditional update (free, expired, or already this node's), so two nodes never both hold it; a
 * scheduled run is claimed by moving its next-run time forward the same way. Nothing here relies on a
 * node's memory or clock beyond the lease's length.
 */
public final class Leases {

    /** This node: the host and process, and a random part so that a restart is another holder. */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final JpaTemplate jpa;

    public Leases(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /** Creates the lease's row unless it exists (a concurrent insert by another node wins harmlessly). */
    public void ensure(String name) {
        try {
            jpa.tx(TransactionType.Required, em -> {
                if (em.find(LeaseEntity.class, name) == null) {
                    LeaseEntity l = new LeaseEntity();
                    l.name = name;
                    em.persist(l);
                    em.flush();
                }
            });
        } catch (RuntimeException e) {
            if (!DbErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Takes the lease, or renews it, for {@code length}; false while another node holds it. */
    public boolean hold(String name, Duration length) {
        LocalDateTime now = BusinessTime.now();
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("UPDATE LeaseEntity l SET l.holder = :me, l.until = :until "
                        + "WHERE l.name = :n AND (l.holder IS NULL OR l.holder = :me OR l.until IS NULL OR l.until < :now)")
                .setParameter("me", NODE).setParameter("until", now.plus(length)).setParameter("n", name)
                .setParameter("now", now).executeUpdate() == 1);
    }

    /** Gives the lease up (on shutdown), so another node takes it at once. */
    public void release(String name) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("UPDATE LeaseEntity l SET l.holder = NULL, l.until = NULL "
                + "WHERE l.name = :n AND l.holder = :me").setParameter("n", name).setParameter("me", NODE).executeUpdate());
    }

    /**
     * Claims the task's due run: true on one node only, which then holds the task for at most
     * {@code maxRun} and schedules the next run {@code interval} from now.
     */
    public boolean claimRun(String name, Duration interval, Duration maxRun) {
        LocalDateTime now = BusinessTime.now();
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("UPDATE LeaseEntity l SET l.nextRun = :next, "
                        + "l.holder = :me, l.until = :until WHERE l.name = :n AND (l.nextRun IS NULL OR l.nextRun <= :now) "
                        + "AND (l.until IS NULL OR l.until < :now)")
                .setParameter("next", now.plus(interval)).setParameter("me", NODE).setParameter("until", now.plus(maxRun))
                .setParameter("n", name).setParameter("now", now).executeUpdate() == 1);
    }

    /** Ends a claimed run: records when and how it ended and frees the task for its next run. */
    public void finishRun(String name, String outcome) {
        String text = outcome == null ? null : outcome.length() > 500 ? outcome.substring(0, 500) : outcome;
        jpa.tx(TransactionType.Required, em -> em.createQuery("UPDATE LeaseEntity l SET l.holder = NULL, l.until = NULL, "
                        + "l.lastRunAt = :now, l.lastOutcome = :o WHERE l.name = :n AND l.holder = :me")
                .setParameter("now", BusinessTime.now()).setParameter("o", text).setParameter("n", name)
                .setParameter("me", NODE).executeUpdate());
    }

    public LeaseEntity find(String name) {
        return jpa.txExpr(TransactionType.Supports, em -> em.find(LeaseEntity.class, name));
    }
}
