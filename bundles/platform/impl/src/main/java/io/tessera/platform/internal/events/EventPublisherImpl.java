package io.tessera.platform.internal.events;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.internal.jpa.DeliveryEntity;
import io.tessera.platform.internal.jpa.EventEntity;
import io.tessera.platform.internal.web.Json;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Writes an event and one delivery per subscribed consumer in the caller's transaction, and wakes the
 * dispatcher when that transaction commits (a rolled-back transaction leaves no event behind).
 */
@Component(service = EventPublisher.class)
public class EventPublisherImpl implements EventPublisher {

    private final JpaTemplate jpa;
    private final TransactionManager tm;
    private final EventDispatcher dispatcher;

    @Activate
    public EventPublisherImpl(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa,
                              @Reference TransactionManager tm, @Reference EventDispatcher dispatcher) {
        this.jpa = jpa;
        this.tm = tm;
        this.dispatcher = dispatcher;
    }

    @Override
    public long publish(String topic, String aggregate, Object payload) {
        check("topic", topic);
        check("aggregate", aggregate);
        String json = Json.write(payload);
        if (json.length() > EventEntity.MAX_PAYLOAD) {
            throw new IllegalArgumentException("an event's payload is at most " + EventEntity.MAX_PAYLOAD
                    + " characters (refer to large data by id): " + topic + " has " + json.length());
        }
        try {
            if (tm.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("events are published inside the transaction of the change they report");
            }
            tm.getTransaction().registerSynchronization(new WakeAfterCommit(dispatcher));
        } catch (SystemException | javax.transaction.RollbackException e) {
            throw new IllegalStateException("cannot publish " + topic + ": " + e, e);
        }
        return jpa.txExpr(TransactionType.Mandatory, em -> {
            LocalDateTime now = BusinessTime.now();
            EventEntity e = new EventEntity();
            e.topic = topic;
            e.aggregate = aggregate;
            e.payload = json;
            e.origin = CallerContext.find().map(Caller::label).orElse("system");
            e.createdAt = now;
            em.persist(e);
            em.flush();
            deliveries(em, e, dispatcher.subscriptions().consumersOf(topic));
            return e.id;
        });
    }

    /**
     * The event's deliveries, one per consumer, as one multi-row INSERT run at once: persisted one by one, each row
     * was an INSERT of its own at commit followed by a query for the identity it was given (six statements for the
     * three consumers of wallet events, in every payment), and nothing here needs the rows' ids.
     */
    static void deliveries(EntityManager em, EventEntity e, List<String> consumers) {
        if (consumers.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO PLT_EVENT_DELIVERY (EVENT_ID, CONSUMER, TOPIC, AGGREGATE, STATUS, "
                + "ATTEMPTS, NEXT_AT, CREATED_AT) VALUES ");
        for (int i = 0; i < consumers.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, '").append(DeliveryEntity.Status.PENDING.name()).append("', 0, ?, ?)");
        }
        Query q = em.createNativeQuery(sql.toString());
        Timestamp dueAtOnce = Timestamp.valueOf(DeliveryEntity.DUE_AT_ONCE);
        Timestamp createdAt = Timestamp.valueOf(e.createdAt);
        int p = 1;
        for (String consumer : consumers) {
            q.setParameter(p++, e.id).setParameter(p++, consumer).setParameter(p++, e.topic).setParameter(p++, e.aggregate)
                    .setParameter(p++, dueAtOnce).setParameter(p++, createdAt);
        }
        q.executeUpdate();
    }

    private static void check(String what, String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("an event's " + what + " is 1 to 100 characters: " + value);
        }
    }

    private record WakeAfterCommit(EventDispatcher dispatcher) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                dispatcher.wake();
            }
        }
    }
}
