package io.tessera.wallets.internal;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.schedule.ScheduledTask;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.wallets.api.Hold;
import io.tessera.wallets.internal.jpa.AccountEntity;
import io.tessera.wallets.internal.jpa.HoldEntity;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scheduled task "wallets.holds.expire" (every minute unless etc/io.tessera.scheduler.cfg says
 * otherwise): holds past their expiry give their amount back to the available balance, each in a
 * transaction of its own (account, then hold, locked).
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=wallets.holds.expire", ScheduledTask.INTERVAL + "=PT1M"})
public class HoldExpiry implements ScheduledTask {

    private static final int BATCH = 500;

    private final JpaTemplate jpa;
    private final Postings postings;

    @Activate
    public HoldExpiry(@Reference(target = "(osgi.unit.name=tessera-wallets)") JpaTemplate jpa, @Reference EventPublisher events,
                      @Reference UnitOfWork work) {
        this.jpa = jpa;
        this.postings = new Postings(jpa, events, work);
    }

    @Override
    public String run() {
        int expired = 0;
        List<Long> due;
        do {
            due = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT h.id FROM HoldEntity h WHERE h.status = :s "
                            + "AND h.expiresAt < :now ORDER BY h.id", Long.class).setParameter("s", Hold.Status.HELD.name())
                    .setParameter("now", BusinessTime.now()).setMaxResults(BATCH).getResultList());
            for (long id : due) {
                boolean done = jpa.txExpr(TransactionType.Required, em -> {
                    HoldEntity h = WalletParticipantImpl.lockHold(em, null, id);
                    if (!Hold.Status.HELD.name().equals(h.status) || !h.expiresAt.isBefore(BusinessTime.now())) {
                        return false;
                    }
                    WalletParticipantImpl.close(em.find(AccountEntity.class, h.accountId), h, Hold.Status.EXPIRED, postings);
                    return true;
                });
                expired += done ? 1 : 0;
            }
        } while (due.size() == BATCH);
        return expired + " hold(s) expired";
    }
}
