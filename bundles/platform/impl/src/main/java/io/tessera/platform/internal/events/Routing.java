package io.tessera.platform.internal.events;

import io.tessera.platform.api.BusinessTime;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * Gives new events their deliveries, one per subscribed consumer, on the node holding the dispatch lease. A
 * publishing transaction writes its event only (ROUTED = 0): the deliveries of a batch of events are made here in
 * one transaction, with one {@code INSERT ... SELECT} per consumer and no identity read back, instead of one insert
 * and one identity select per consumer inside every payment. The events are marked ROUTED in the same transaction: a
 * crash before the commit leaves them to be routed again, after it never. Exactly once rests on the deliveries' unique
 * (EVENT_ID, CONSUMER) constraint: a batch with an event that another node routed meanwhile (leases overlapping) fails
 * on it and is rolled back. The subscriptions are read again before each batch, so that a consumer subscribed on
 * another node a moment ago gets the events routed after that.
 * <p>Rolling upgrades: a node of an earlier build holding the dispatch lease routes nothing; events published by
 * upgraded nodes wait (counted UNROUTED by {@code platform:events}) until an upgraded node holds it.</p>
 */
final class Routing {

    /** Events routed in one transaction. */
    static final int BATCH = 200;

    private final JpaTemplate jpa;
    private final Subscriptions subscriptions;

    Routing(JpaTemplate jpa, Subscriptions subscriptions) {
        this.jpa = jpa;
        this.subscriptions = subscriptions;
    }

    /** Routes the oldest events not routed yet, at most a batch; how many. */
    int once() {
        List<Waiting> waiting = waiting();
        if (!waiting.isEmpty()) {
            subscriptions.reload();
            route(waiting);
        }
        return waiting.size();
    }

    /** An event waiting for its deliveries. */
    record Waiting(long id, String topic) {
    }

    /** The oldest events not routed yet, at most a batch, in id order. */
    @SuppressWarnings("unchecked")
    List<Waiting> waiting() {
        List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> em.createNativeQuery(
                "SELECT ID, TOPIC FROM PLT_EVENT --DERBY-PROPERTIES index=PLT_EVENT_ROUTED\n"
                        + "WHERE ROUTED = 0 ORDER BY ID FETCH FIRST " + BATCH + " ROWS ONLY").getResultList());
        return rows.stream().map(r -> new Waiting(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /**
     * Makes the events' deliveries and marks them routed, in one transaction; throws (and changes nothing) when one of
     * them was routed meanwhile.
     */
    void route(List<Waiting> events) {
        List<Long> ids = events.stream().map(Waiting::id).toList();
        Map<String, List<Long>> byConsumer = new LinkedHashMap<>();
        for (Waiting e : events) {
            for (String consumer : subscriptions.consumersOf(e.topic())) {
                byConsumer.computeIfAbsent(consumer, c -> new ArrayList<>()).add(e.id());
            }
        }
        jpa.tx(TransactionType.Required, em -> {
            // By primary key alone: with "ROUTED = 0" too, Derby reads the waiting events by the ROUTED index and
            // compares each with the whole IN list (a tenth of all CPU under load). An event routed meanwhile by
            // another node is caught by the deliveries' unique (EVENT_ID, CONSUMER) constraint below.
            int marked = inList(em, "UPDATE PLT_EVENT SET ROUTED = 1 WHERE ID IN ", ids, 1).executeUpdate();
            if (marked != ids.size()) {
                throw new IllegalStateException("only " + marked + " of " + ids.size() + " events to route were found");
            }
            Timestamp now = Timestamp.valueOf(BusinessTime.now());
            byConsumer.forEach((consumer, ofConsumer) -> inList(em, "INSERT INTO PLT_EVENT_DELIVERY "
                    + "(EVENT_ID, CONSUMER, TOPIC, AGGREGATE, STATUS, ATTEMPTS, NEXT_AT, CREATED_AT) "
                    + "SELECT ID, CAST(? AS VARCHAR(100)), TOPIC, AGGREGATE, 'PENDING', 0, CAST(? AS TIMESTAMP), CREATED_AT "
                    + "FROM PLT_EVENT WHERE ID IN ", ofConsumer, 3).setParameter(1, consumer).setParameter(2, now).executeUpdate());
        });
    }

    /**
     * The statement with an IN list of the ids, its parameters numbered from {@code first}. The list is padded to a
     * power of two with its last id, so that a few statement texts serve every batch size (each text is compiled and
     * cached on its own).
     */
    static javax.persistence.Query inList(EntityManager em, String sql, List<Long> ids, int first) {
        int size = Integer.highestOneBit(Math.max(1, ids.size() - 1)) << 1;
        size = ids.size() == 1 ? 1 : size;
        StringBuilder in = new StringBuilder(sql).append('(');
        for (int i = 0; i < size; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        javax.persistence.Query q = em.createNativeQuery(in.append(')').toString());
        for (int i = 0; i < size; i++) {
            q.setParameter(first + i, ids.get(Math.min(i, ids.size() - 1)));
        }
        return q;
    }
}
