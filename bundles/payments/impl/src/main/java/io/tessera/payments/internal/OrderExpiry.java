package io.tessera.payments.internal;

import io.tessera.org.api.OrgService;
import io.tessera.payments.api.OrderState;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.schedule.ScheduledTask;
import io.tessera.wallets.api.WalletParticipant;
import java.util.List;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scheduled task "payments.orders.expire" (every minute unless etc/io.tessera.scheduler.cfg says
 * otherwise): orders still CREATED past their expiry are closed, each in a transaction of its own with its
 * row locked (an order being paid at that moment is paid or closed, never both), releasing its stored-value
 * holds and what its discounts reserved. A payment a channel is still deciding is closed at the channel
 * first; if the channel says it was paid, the order is paid instead, and if it cannot say, the order waits
 * for the next run.
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=payments.orders.expire", ScheduledTask.INTERVAL + "=PT1M"})
public class OrderExpiry implements ScheduledTask {

    private static final int BATCH = 500;

    private final JpaTemplate jpa;
    private final Tendering taking;

    @Activate
    public OrderExpiry(@Reference(target = "(osgi.unit.name=tessera-payments)") JpaTemplate jpa, @Reference WalletParticipant wallets,
                       @Reference OrgService org, @Reference Channels channels, @Reference Settlement settlement) {
        this.jpa = jpa;
        this.taking = new Tendering(jpa, wallets, org, channels, settlement);
    }

    @Override
    public String run() {
        return CallerContext.callAs(Caller.system("payments.orders.expire"), this::expire);
    }

    private String expire() {
        int closed = 0;
        int waiting = 0;
        long after = 0;
        List<Long> due;
        do {
            long from = after;
            due = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT o.id FROM OrderEntity o WHERE o.state = :s "
                            + "AND o.expiresAt < :now AND o.id > :after ORDER BY o.id", Long.class).setParameter("s", OrderState.CREATED.name())
                    .setParameter("now", BusinessTime.now()).setParameter("after", from).setMaxResults(BATCH).getResultList());
            for (long id : due) {
                after = id;
                taking.closeAtChannel(id);
                Boolean done = jpa.txExpr(TransactionType.Required, em -> {
                    OrderEntity o = em.find(OrderEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                    if (o == null || !OrderState.CREATED.name().equals(o.state) || !o.expiresAt.isBefore(BusinessTime.now())) {
                        return false;
                    }
                    if (Tendering.deciding(em, o).isPresent()) {
                        return null;
                    }
                    taking.close(em, o, "unpaid past " + o.expiresAt);
                    return true;
                });
                closed += Boolean.TRUE.equals(done) ? 1 : 0;
                waiting += done == null ? 1 : 0;
            }
        } while (due.size() == BATCH);
        return closed + " unpaid order(s) closed" + (waiting == 0 ? "" : ", " + waiting + " waiting for their channel to answer");
    }
}
