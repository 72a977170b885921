package io.tessera.coupons.internal;

import io.tessera.coupons.api.CouponEvents;
import io.tessera.coupons.api.CouponState;
import io.tessera.coupons.internal.jpa.CouponEntity;
import io.tessera.coupons.internal.jpa.TemplateEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.jobs.JobProgress;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A template's available coupons voided, 500 per transaction, each by one conditional update (a coupon an
 * order reserves meanwhile is left alone), with its history and event. Submitted again, it voids what is left.
 */
final class CouponVoids {

    private static final int BATCH = 500;

    private final JpaTemplate jpa;
    private final EventPublisher events;

    CouponVoids(JpaTemplate jpa, EventPublisher events) {
        this.jpa = jpa;
        this.events = events;
    }

    String voidAvailable(long templateId, String reason, String who, JobProgress progress) {
        long total = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(c) FROM CouponEntity c WHERE c.templateId = :t"
                + " AND c.state = :s", Long.class).setParameter("t", templateId).setParameter("s", CouponState.AVAILABLE.name()).getSingleResult());
        progress.total(total);
        long voided = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT c.id FROM CouponEntity c WHERE c.templateId = :t"
                            + " AND c.state = :s AND c.id > :after ORDER BY c.id", Long.class).setParameter("t", templateId)
                    .setParameter("s", CouponState.AVAILABLE.name()).setParameter("after", from).setMaxResults(BATCH).getResultList());
            if (ids.isEmpty()) {
                return voided + " coupon(s) of template " + templateId + " voided";
            }
            after = ids.get(ids.size() - 1);
            voided += jpa.txExpr(TransactionType.Required, em -> {
                int n = 0;
                LocalDateTime now = BusinessTime.now();
                TemplateEntity t = em.find(TemplateEntity.class, templateId);
                for (long id : ids) {
                    int changed = em.createQuery("UPDATE CouponEntity c SET c.state = :void, c.changedAt = :now WHERE c.id = :id AND c.state = :available")
                            .setParameter("void", CouponState.VOID.name()).setParameter("now", now).setParameter("id", id)
                            .setParameter("available", CouponState.AVAILABLE.name()).executeUpdate();
                    if (changed == 1) {
                        CouponEntity c = em.find(CouponEntity.class, id);
                        em.refresh(c);
                        Coupons.history(em, c, "VOIDED", null, null, null, null, who, reason);
                        events.publish(CouponEvents.VOIDED, CouponEvents.aggregate(c.no), Coupons.dto(c, t));
                        n++;
                    }
                }
                return n;
            });
            progress.done(voided);
            progress.counter("voided", voided);
        }
    }
}
