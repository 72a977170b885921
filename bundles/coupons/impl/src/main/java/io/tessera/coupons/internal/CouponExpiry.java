package io.tessera.coupons.internal;

import io.tessera.coupons.api.CouponEvents;
import io.tessera.coupons.api.CouponState;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.schedule.ScheduledTask;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scheduled task "coupons.expire" (every 5 minutes unless etc/io.tessera.scheduler.cfg says otherwise):
 * available coupons past their last valid day become EXPIRED, in batches, each coupon by one conditional
 * update (so a coupon reserved meanwhile is left alone), with its history and event. Run again, it finds
 * nothing more: idempotent across restarts. Reserved coupons expire when their order releases them.
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=coupons.expire", ScheduledTask.INTERVAL + "=PT5M"})
public class CouponExpiry implements ScheduledTask {

    private static final int BATCH = 500;

    private final JpaTemplate jpa;
    private final EventPublisher events;

    @Activate
    public CouponExpiry(@Reference(target = "(osgi.unit.name=tessera-coupons)") JpaTemplate jpa, @Reference EventPublisher events) {
        this.jpa = jpa;
        this.events = events;
    }

    @Override
    public String run() {
        LocalDate today = BusinessTime.today();
        int expired = 0;
        long after = 0;
        List<CouponEntity> due;
        do {
            long from = after;
            due = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT c FROM CouponEntity c WHERE c.state = :s AND c.validTo < :today"
                            + " AND c.id > :after ORDER BY c.id", CouponEntity.class).setParameter("s", CouponState.AVAILABLE.name())
                    .setParameter("today", today).setParameter("after", from).setMaxResults(BATCH).getResultList());
            if (due.isEmpty()) {
                break;
            }
            after = due.get(due.size() - 1).id;
            List<Long> ids = due.stream().map(c -> c.id).toList();
            expired += jpa.txExpr(TransactionType.Required, em -> {
                int n = 0;
                LocalDateTime now = BusinessTime.now();
                for (long id : ids) {
                    int changed = em.createQuery("UPDATE CouponEntity c SET c.state = :expired, c.changedAt = :now WHERE c.id = :id"
                                    + " AND c.state = :available AND c.validTo < :today")
                            .setParameter("expired", CouponState.EXPIRED.name()).setParameter("now", now).setParameter("id", id)
                            .setParameter("available", CouponState.AVAILABLE.name()).setParameter("today", today).executeUpdate();
                    if (changed == 1) {
                        CouponEntity c = em.find(CouponEntity.class, id);
                        em.refresh(c);
                        Coupons.history(em, c, "EXPIRED", null, null, null, null, "system:coupons.expire", null);
                        events.publish(CouponEvents.EXPIRED, CouponEvents.aggregate(c.no), Coupons.dto(c, em.find(TemplateEntity.class, c.templateId)));
                        n++;
                    }
                }
                return n;
            });
        } while (due.size() == BATCH);
        return expired + " coupon(s) expired";
    }
}
