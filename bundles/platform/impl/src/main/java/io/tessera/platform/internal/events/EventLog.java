package io.tessera.platform.internal.events;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.events.EventDelivery;
import io.tessera.platform.api.schedule.ScheduledTask;
import io.tessera.platform.internal.jpa.DeliveryEntity;
import io.tessera.platform.internal.jpa.EventEntity;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The outbox as headquarters administrators see it (REST {@code /events}, {@code platform:events}):
 * deliveries by status, consumer and topic; a FAILED one sent again; and the daily purge of deliveries
 * done more than {@code retainDays} ago (a scheduled task, "events.purge").
 */
@Component(service = {EventLog.class, ScheduledTask.class},
        property = {ScheduledTask.NAME + "=events.purge", ScheduledTask.INTERVAL + "=PT6H"})
public class EventLog implements ScheduledTask {

    /** Deliveries done this many days ago, and events whose deliveries are all done, are removed. */
    static final int RETAIN_DAYS = 7;

    private final JpaTemplate jpa;
    private final EventDispatcher dispatcher;

    @Activate
    public EventLog(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa, @Reference EventDispatcher dispatcher) {
        this.jpa = jpa;
        this.dispatcher = dispatcher;
    }

    public Page<EventDelivery> list(EventDelivery.Status status, String consumer, String topic, int page, int size) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Page.check(page, size);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Page<DeliveryEntity> rows = deliveries(status, consumer, topic).page(em, DeliveryEntity.class, NEWEST_FIRST, page, size);
            return new Page<>(dtos(em, rows.getItems()), page, size, rows.getTotal());
        });
    }

    /** The list's order; on Derby it reads index PLT_DELIVERY_NEWEST instead of sorting the table for each page. */
    static final String NEWEST_FIRST = "d.id DESC";

    static PagedQuery deliveries(EventDelivery.Status status, String consumer, String topic) {
        return PagedQuery.of("DeliveryEntity", "d")
                .filter(status == null ? null : status.name(), "d.status = :status", "status")
                .filter(consumer, "d.consumer = :consumer", "consumer")
                .filter(topic, "d.topic = :topic", "topic");
    }

    /** Sends a FAILED delivery again (its attempts start over); 409 unless it is FAILED. */
    public EventDelivery retry(long id) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        EventDelivery out = jpa.txExpr(TransactionType.Required, em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, id);
            if (d == null) {
                throw PlatformErrors.EVENT_NOT_FOUND.error("no event delivery " + id);
            }
            if (!DeliveryEntity.Status.FAILED.name().equals(d.status)) {
                throw PlatformErrors.EVENT_NOT_FAILED.at("id", "only a FAILED delivery is sent again; this one is " + d.status);
            }
            d.status = DeliveryEntity.Status.PENDING.name();
            d.attempts = 0;
            d.nextAt = DeliveryEntity.DUE_AT_ONCE;
            em.flush();
            return dtos(em, List.of(d)).get(0);
        });
        dispatcher.wake();
        return out;
    }

    /** Counts by status, for the console and health. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new HashMap<>();
        jpa.tx(TransactionType.Supports, em -> em.createQuery("SELECT d.status, COUNT(d) FROM DeliveryEntity d GROUP BY d.status", Object[].class)
                .getResultList().forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue())));
        return out;
    }

    @Override
    public String run() {
        LocalDateTime before = BusinessTime.now().minusDays(RETAIN_DAYS);
        return jpa.txExpr(TransactionType.Required, em -> {
            int deliveries = em.createQuery("DELETE FROM DeliveryEntity d WHERE d.status = 'DONE' AND d.doneAt < :before")
                    .setParameter("before", before).executeUpdate();
            int events = em.createQuery("DELETE FROM EventEntity e WHERE e.createdAt < :before AND NOT EXISTS "
                    + "(SELECT d FROM DeliveryEntity d WHERE d.eventId = e.id)").setParameter("before", before).executeUpdate();
            return "removed " + deliveries + " delivered event deliveries and " + events + " events older than " + RETAIN_DAYS + " days";
        });
    }

    private static List<EventDelivery> dtos(EntityManager em, List<DeliveryEntity> rows) {
        List<EventDelivery> out = new ArrayList<>(rows.size());
        for (DeliveryEntity d : rows) {
            EventEntity e = em.find(EventEntity.class, d.eventId);
            EventDelivery x = new EventDelivery();
            x.id = d.id;
            x.eventId = d.eventId;
            x.topic = d.topic;
            x.aggregate = d.aggregate;
            x.consumer = d.consumer;
            x.status = EventDelivery.Status.valueOf(d.status);
            x.attempts = d.attempts;
            // Due at once (DUE_AT_ONCE, a time long past) is shown as due since the delivery was written.
            x.nextAt = DeliveryEntity.Status.PENDING.name().equals(d.status)
                    ? BusinessTime.offset(d.nextAt.isAfter(d.createdAt) ? d.nextAt : d.createdAt) : null;
            x.lastError = d.lastError;
            x.payload = e == null ? null : e.payload;
            x.createdAt = BusinessTime.offset(d.createdAt);
            x.doneAt = d.doneAt == null ? null : BusinessTime.offset(d.doneAt);
            out.add(x);
        }
        return out;
    }
}
