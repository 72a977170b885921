package io.tessera.payments.internal;

import io.tessera.payments.api.OrderState;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.schedule.ScheduledTask;
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
 * row locked (an order being paid at that moment is paid or closed, never both), releasing what their
 * discounts reserved.
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=payments.orders.expire", ScheduledTask.INTERVAL + "=PT1M"})
public class OrderExpiry implements ScheduledTask {

    private static final int BATCH = 500;

    private final JpaTemplate jpa;
    private final Closing closing;

    @Activate
    public OrderExpiry(@Reference(target = "(osgi.unit.name=tessera-payments)") JpaTemplate jpa, @Reference EventPublisher events,
                       @Reference Collaborators collaborators) {
        this.jpa = jpa;
        this.closing = new Closing(events, collaborators);
    }

    @Override
    public String run() {
        int closed = 0;
        List<Long> due;
        do {
            due = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT o.id FROM OrderEntity o WHERE o.state = :s "
                            + "AND o.expiresAt < :now ORDER BY o.id", Long.class).setParameter("s", OrderState.CREATED.name())
                    .setParameter("now", BusinessTime.now()).setMaxResults(BATCH).getResultList());
            for (long id : due) {
                boolean done = jpa.txExpr(TransactionType.Required, em -> {
                    OrderEntity o = em.find(OrderEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                    if (o == null || !OrderState.CREATED.name().equals(o.state) || !o.expiresAt.isBefore(BusinessTime.now())) {
                        return false;
                    }
                    closing.close(em, o, "unpaid past " + o.expiresAt);
                    return true;
                });
                closed += done ? 1 : 0;
            }
        } while (due.size() == BATCH);
        return closed + " unpaid order(s) closed";
    }
}
