package io.tessera.points.internal;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.schedule.ScheduledTask;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scheduled task "points.lots" (every 15 minutes unless etc/io.tessera.scheduler.cfg says otherwise): the
 * accounts with lots past their expiry, or pending lots now due, are brought up to date one account per
 * transaction (the account locked: see {@link PointsPostings#lock}). The change of the lots and their journal
 * row commit together, so a run that stops half way, or runs again, expires nothing twice. Accounts in use
 * are brought up to date anyway, by the next posting on them.
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=points.lots", ScheduledTask.INTERVAL + "=PT15M"})
public class LotExpiry implements ScheduledTask {

    private static final int BATCH = 200;

    private final JpaTemplate jpa;
    private final PointsPostings postings;

    @Activate
    public LotExpiry(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference EventPublisher events) {
        this.jpa = jpa;
        this.postings = new PointsPostings(events);
    }

    @Override
    public String run() {
        int accounts = 0;
        long after = 0;
        List<Long> due;
        do {
            LocalDateTime now = BusinessTime.now();
            long from = after;
            due = jpa.txExpr(TransactionType.Required, em -> em.createQuery("SELECT DISTINCT l.accountId FROM LotEntity l WHERE l.accountId > :after"
                            + " AND l.source <> 'DEBT' AND ((l.status IN ('ACTIVE', 'PENDING') AND l.expiresAt <= :now)"
                            + " OR (l.status = 'PENDING' AND l.availableFrom <= :now)) ORDER BY l.accountId", Long.class)
                    .setParameter("after", from).setParameter("now", now).setMaxResults(BATCH).getResultList());
            for (long account : due) {
                jpa.tx(TransactionType.Required, em -> postings.lock(em, account));
                accounts++;
                after = account;
            }
        } while (due.size() == BATCH);
        return accounts + " account(s) brought up to date";
    }
}
