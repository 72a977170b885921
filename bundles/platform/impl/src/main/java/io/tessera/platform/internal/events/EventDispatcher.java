package io.tessera.platform.internal.events;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.internal.jpa.DeliveryEntity;
import io.tessera.platform.internal.jpa.DeliveryEntity.Status;
import io.tessera.platform.internal.jpa.EventEntity;
import io.tessera.platform.internal.schedule.Leases;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox after commit: one thread per node, working only while this node holds the
 * "events.dispatch" lease (so one node dispatches at a time and order per aggregate holds). Woken at
 * once when a transaction that published commits, and every {@code pollMillis} for retries and for what
 * a crash left pending. A delivery runs the consumer in a transaction that also marks it DONE; a failure
 * is counted and retried with exponential backoff (1 s, 2 s, 4 s ... at most {@code backoffMaxSeconds})
 * until {@code maxAttempts}, then FAILED. A delivery waits while an earlier one of the same consumer and
 * aggregate is not done. After a round smaller than a chunk it lingers {@code lingerMillis}, so that deliveries
 * gather. Settings: {@code etc/io.tessera.events.cfg}.
 */
@Component(service = EventDispatcher.class, immediate = true, configurationPid = "io.tessera.events")
public class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    static final String LEASE = "events.dispatch";
    private static final Duration LEASE_LENGTH = Duration.ofSeconds(30);
    private static final Pattern DIGITS = Pattern.compile("\\d{7,}");
    /** Deliveries of one consumer committed together. */
    private static final int CHUNK = 100;

    private final JpaTemplate jpa;
    private final Leases leases;
    private final Subscriptions subscriptions;
    private final Map<String, EventConsumer> consumers = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running = true;
    private volatile Settings settings;
    private final Thread thread;
    /** Until when this node holds the dispatch lease (null: it does not). */
    private LocalDateTime leaseUntil;
    private long lastReload;

    record Settings(long pollMillis, int batch, int maxAttempts, long backoffMaxSeconds, long lingerMillis) {
        static Settings of(Map<String, Object> p) {
            return new Settings(num(p, "pollMillis", 1000), (int) num(p, "batch", 600), (int) num(p, "maxAttempts", 10),
                    num(p, "backoffMaxSeconds", 300), num(p, "lingerMillis", 1));
        }

        private static long num(Map<String, Object> p, String key, long dflt) {
            Object v = p.get(key);
            try {
                long n = v == null ? dflt : Long.parseLong(String.valueOf(v).trim());
                return n > 0 ? n : dflt;
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
    }

    @Activate
    public EventDispatcher(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa, Map<String, Object> config) {
        this.jpa = jpa;
        this.leases = new Leases(jpa);
        this.subscriptions = new Subscriptions(jpa);
        this.settings = Settings.of(config);
        leases.ensure(LEASE);
        subscriptions.reload();
        this.thread = new Thread(this::loop, "tessera-events");
        thread.setDaemon(true);
        thread.start();
    }

    @Modified
    void modified(Map<String, Object> config) {
        settings = Settings.of(config);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        wake();
        thread.join(10_000);
        try {
            leases.release(LEASE);
        } catch (RuntimeException e) {
            LOG.debug("could not release the dispatch lease", e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindConsumer(EventConsumer consumer, Map<String, Object> props) {
        String name = String.valueOf(props.getOrDefault(EventConsumer.NAME, ""));
        String topics = topics(props.get(EventConsumer.TOPICS));
        if (name.isBlank() || topics.isBlank()) {
            LOG.warn("An event consumer without {} and {} is ignored: {}", EventConsumer.NAME, EventConsumer.TOPICS, consumer);
            return;
        }
        subscriptions.subscribe(name, topics);
        consumers.put(name, consumer);
        wake();
    }

    void unbindConsumer(EventConsumer consumer, Map<String, Object> props) {
        consumers.remove(String.valueOf(props.getOrDefault(EventConsumer.NAME, "")), consumer);
    }

    private static String topics(Object value) {
        if (value instanceof String[] a) {
            return String.join(",", a);
        }
        return value == null ? "" : String.valueOf(value);
    }

    Subscriptions subscriptions() {
        return subscriptions;
    }

    Set<String> present() {
        return consumers.keySet();
    }

    /** Something committed: look for deliveries now. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            int delivered = 0;
            try {
                if (System.currentTimeMillis() - lastReload > 30_000) {
                    subscriptions.reload();
                    lastReload = System.currentTimeMillis();
                }
                if (holdLease()) {
                    delivered = dispatchOnce();
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Event dispatch failed; trying again shortly: {}", e.toString());
                }
            }
            if (delivered == 0) {
                pause();
            } else if (delivered < CHUNK) {
                linger();
            }
        }
    }

    /**
     * After a small round, lets deliveries gather for {@code lingerMillis} before the next (commits do not cut it
     * short): under steady load a round per commit would deliver one event at a time, paying a round's queries and a
     * transaction for each; a backlog (a round of a full chunk or more) is worked off without a pause.
     */
    private void linger() {
        try {
            Thread.sleep(settings.lingerMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void pause() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(settings.pollMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private boolean holdLease() {
        LocalDateTime now = BusinessTime.now();
        if (leaseUntil != null && now.isBefore(leaseUntil.minusSeconds(10))) {
            return true;
        }
        if (leases.hold(LEASE, LEASE_LENGTH)) {
            leaseUntil = now.plus(LEASE_LENGTH);
            return true;
        }
        leaseUntil = null;
        return false;
    }

    /** One batch of due deliveries, in event order; how many were attempted. */
    int dispatchOnce() {
        Settings s = settings;
        LocalDateTime now = BusinessTime.now();
        Set<String> here = Set.copyOf(consumers.keySet());
        if (here.isEmpty()) {
            return 0;
        }
        List<DeliveryEntity> due = jpa.txExpr(TransactionType.Supports, em -> due(em, now, here, s.batch()));
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, Long> blockedFrom = jpa.txExpr(TransactionType.Supports, em -> heldBack(em, now));
        // Per consumer, in event order; the ones held back are left for a later round.
        Map<String, List<DeliveryEntity>> byConsumer = new LinkedHashMap<>();
        for (DeliveryEntity d : due) {
            Long from = blockedFrom.get(pair(d.consumer, d.aggregate));
            if ((from == null || from >= d.eventId) && consumers.containsKey(d.consumer)) {
                byConsumer.computeIfAbsent(d.consumer, c -> new ArrayList<>()).add(d);
            }
        }
        int attempted = 0;
        for (Map.Entry<String, List<DeliveryEntity>> run : byConsumer.entrySet()) {
            EventConsumer consumer = consumers.get(run.getKey());
            List<DeliveryEntity> list = run.getValue();
            for (int i = 0; i < list.size() && running && consumer != null; i += CHUNK) {
                List<DeliveryEntity> chunk = list.subList(i, Math.min(i + CHUNK, list.size()));
                attempted += chunk.size();
                RuntimeException failure = deliver(chunk, consumer);
                // A failed chunk was rolled back whole: one by one, to find the failing one and keep the others going.
                for (DeliveryEntity d : failure == null ? List.<DeliveryEntity>of() : chunk) {
                    String pair = pair(d.consumer, d.aggregate);
                    Long from = blockedFrom.get(pair);
                    RuntimeException alone = from != null && from < d.eventId ? null
                            : chunk.size() == 1 ? failure : deliver(List.of(d), consumer);
                    if (alone != null) {
                        failed(d.id, alone);
                        blockedFrom.merge(pair, d.eventId, Math::min);
                    }
                }
            }
        }
        return attempted;
    }

    /**
     * Consumer and aggregate pairs held back from an event on: an earlier delivery FAILED, or failed and waits for its
     * retry (PENDING with NEXT_AT after now). The second reads the NEXT_AT index from now on, where only deliveries
     * waiting for a retry are: a delivery never tried is due at {@link DeliveryEntity#DUE_AT_ONCE}, so the range never
     * reaches the rows of transactions still in flight, which Derby would wait for, and claiming a delivery does not
     * move it in that index. FAILED ones are few; their query reads the (STATUS, EVENT_ID) index.
     */
    static Map<String, Long> heldBack(EntityManager em, LocalDateTime now) {
        Map<String, Long> blockedFrom = new HashMap<>();
        List<?> failed = em.createQuery("SELECT d.consumer, d.aggregate, MIN(d.eventId) FROM DeliveryEntity d WHERE d.status = 'FAILED' "
                + "GROUP BY d.consumer, d.aggregate").getResultList();
        List<?> waiting = em.createNativeQuery("SELECT CONSUMER, AGGREGATE, MIN(EVENT_ID) FROM PLT_EVENT_DELIVERY "
                + "--DERBY-PROPERTIES index=PLT_DELIVERY_RETRY\n"
                + "WHERE NEXT_AT > ? AND STATUS = 'PENDING' GROUP BY CONSUMER, AGGREGATE")
                .setParameter(1, java.sql.Timestamp.valueOf(now)).getResultList();
        for (List<?> rows : List.of(failed, waiting)) {
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                blockedFrom.merge(pair((String) r[0], (String) r[1]), ((Number) r[2]).longValue(), Math::min);
            }
        }
        return blockedFrom;
    }

    /**
     * The first pending deliveries due now, in event order, read in the order of the (STATUS, EVENT_ID) index so that
     * the database stops at the batch: Derby's optimizer otherwise picked the (STATUS, NEXT_AT) index of the time and
     * sorted every pending delivery in each round (a sixth of Tessera's CPU under load, the sort spilling to disk). The override
     * is a Derby comment, which PostgreSQL ignores (its planner finds the index by itself).
     */
    @SuppressWarnings("unchecked")
    static List<DeliveryEntity> due(EntityManager em, LocalDateTime now, Set<String> consumers, int batch) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < consumers.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        javax.persistence.Query q = em.createNativeQuery("SELECT * FROM PLT_EVENT_DELIVERY --DERBY-PROPERTIES index=PLT_DELIVERY_NEXT\n"
                + "WHERE STATUS = 'PENDING' AND NEXT_AT <= ? AND CONSUMER IN (" + in + ") ORDER BY EVENT_ID FETCH FIRST "
                + batch + " ROWS ONLY", DeliveryEntity.class);
        q.setParameter(1, java.sql.Timestamp.valueOf(now));
        int n = 2;
        for (String c : consumers) {
            q.setParameter(n++, c);
        }
        return q.getResultList();
    }

    /**
     * Runs the consumer for deliveries of it (event order, {@link EventConsumer#consumeAll}) and marks them done, all
     * in one transaction: a commit per event would cost more than the consumers' own work. {@link #claim} marks them
     * (and locks their rows) first. Answers what failed (everything rolled back), or null.
     */
    private RuntimeException deliver(List<DeliveryEntity> chunk, EventConsumer consumer) {
        List<Long> ids = chunk.stream().map(d -> d.id).toList();
        List<Long> eventIds = chunk.stream().map(d -> d.eventId).toList();
        try {
            jpa.tx(TransactionType.Required, em -> {
                int claimed = claim(em, ids);
                if (claimed == 0 && ids.size() == 1) {
                    return; // another node delivered it meanwhile
                }
                if (claimed != ids.size()) {
                    throw new IllegalStateException("only " + claimed + " of " + ids.size() + " deliveries were still pending");
                }
                Map<Long, EventEntity> events = new HashMap<>();
                em.createQuery("SELECT e FROM EventEntity e WHERE e.id IN :ids", EventEntity.class).setParameter("ids", eventIds)
                        .getResultList().forEach(e -> events.put(e.id, e));
                List<Event> ordered = new ArrayList<>(chunk.size());
                for (DeliveryEntity d : chunk) {
                    ordered.add(StoredEvent.of(events.get(d.eventId)));
                }
                CallerContext.runAs(Caller.system("events"), () -> consumer.consumeAll(ordered));
            });
            return null;
        } catch (RuntimeException ex) {
            LOG.debug("{} deliveries to {} failed and were rolled back", chunk.size(), chunk.get(0).consumer, ex);
            return ex;
        }
    }

    /**
     * Marks the deliveries DONE if they are still PENDING; how many were. One bound statement by primary key, run for
     * each delivery: always a one-row probe, whatever the table's size when the database compiled it. As one JPQL
     * {@code UPDATE ... WHERE d.id IN :ids AND d.status = 'PENDING'}, EclipseLink wrote the values into the text and
     * Derby compiled every claim anew (a fifth of the dispatcher's time); bound with the list, Derby kept a plan that
     * scanned an index range and locked the rows in it (three quarters of the dispatcher's time under a backlog).
     */
    static int claim(EntityManager em, List<Long> ids) {
        javax.persistence.Query q = em.createNativeQuery("UPDATE PLT_EVENT_DELIVERY SET STATUS = 'DONE', DONE_AT = ?, "
                + "ATTEMPTS = ATTEMPTS + 1, LAST_ERROR = NULL WHERE ID = ? AND STATUS = 'PENDING'");
        q.setParameter(1, java.sql.Timestamp.valueOf(BusinessTime.now()));
        int claimed = 0;
        for (Long id : ids) {
            claimed += q.setParameter(2, id).executeUpdate();
        }
        return claimed;
    }

    static String pair(String consumer, String aggregate) {
        return consumer + "\u0000" + aggregate;
    }

    private void failed(long deliveryId, RuntimeException ex) {
        Settings s = settings;
        String error = describe(ex);
        jpa.tx(TransactionType.Required, em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, deliveryId);
            if (d == null || !Status.PENDING.name().equals(d.status)) {
                return;
            }
            d.attempts++;
            d.lastError = error;
            if (d.attempts >= s.maxAttempts()) {
                d.status = Status.FAILED.name();
                LOG.error("Event {} ({}) for consumer {} FAILED after {} attempts: {}", d.eventId, d.topic, d.consumer, d.attempts, error);
            } else {
                long backoff = Math.min(s.backoffMaxSeconds(), 1L << Math.min(d.attempts - 1, 20));
                d.nextAt = BusinessTime.now().plusSeconds(backoff);
                LOG.warn("Event {} ({}) for consumer {} failed (attempt {}), next try in {} s: {}", d.eventId, d.topic, d.consumer,
                        d.attempts, backoff, error);
            }
        });
    }

    /** The failure as stored and logged: no long digit runs (phone or card numbers), at most 500 characters. */
    static String describe(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        text = DIGITS.matcher(text).replaceAll(m -> "***" + m.group().substring(m.group().length() - 4));
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
