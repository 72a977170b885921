package io.tessera.platform.internal.events;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.internal.jpa.SubscriptionEntity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The durable subscriptions (consumer → topics), kept in {@code PLT_EVENT_SUBSCRIPTION} and cached
 * here: an event gets a delivery for every subscribed consumer, whether installed on this node or not.
 * Read again from the database now and then, so that a subscription another node made is seen.
 */
final class Subscriptions {

    private final JpaTemplate jpa;
    private volatile Map<String, List<String>> byConsumer = Map.of();

    Subscriptions(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    void reload() {
        Map<String, List<String>> m = new ConcurrentHashMap<>();
        jpa.tx(TransactionType.Supports, em -> em.createQuery("SELECT s FROM SubscriptionEntity s", SubscriptionEntity.class)
                .getResultList().forEach(s -> m.put(s.consumer, parse(s.topics))));
        byConsumer = m;
    }

    /** Records (or updates) a consumer's subscription, in a transaction of its own. */
    void subscribe(String consumer, String topics) {
        String normalized = String.join(",", parse(topics));
        for (int attempt = 1; ; attempt++) {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    SubscriptionEntity s = em.find(SubscriptionEntity.class, consumer);
                    if (s == null) {
                        s = new SubscriptionEntity();
                        s.consumer = consumer;
                        s.since = BusinessTime.now();
                        s.topics = normalized;
                        em.persist(s);
                    } else {
                        s.topics = normalized;
                    }
                    em.flush();
                });
                break;
            } catch (RuntimeException e) {
                if (attempt >= 3 || !DbErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
        reload();
    }

    /** Removes a subscription; the consumer's deliveries not yet done are removed with it. */
    int unsubscribe(String consumer) {
        int removed = jpa.txExpr(TransactionType.Required, em -> {
            int n = em.createQuery("DELETE FROM DeliveryEntity d WHERE d.consumer = :c AND d.status <> 'DONE'")
                    .setParameter("c", consumer).executeUpdate();
            em.createQuery("DELETE FROM SubscriptionEntity s WHERE s.consumer = :c").setParameter("c", consumer).executeUpdate();
            return n;
        });
        reload();
        return removed;
    }

    /** The consumers subscribed to the topic. */
    List<String> consumersOf(String topic) {
        List<String> out = new ArrayList<>(2);
        byConsumer.forEach((consumer, patterns) -> {
            if (patterns.stream().anyMatch(p -> matches(p, topic))) {
                out.add(consumer);
            }
        });
        return out;
    }

    Map<String, List<String>> all() {
        return byConsumer;
    }

    static boolean matches(String pattern, String topic) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return topic.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(topic);
    }

    static List<String> parse(String topics) {
        return Arrays.stream(topics == null ? new String[0] : topics.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .sorted().distinct().toList();
    }
}
