package io.tessera.platform.internal.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.internal.jpa.EventEntity;
import io.tessera.testing.UnitDatabase;
import java.util.ArrayList;
import java.util.List;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * New events get one delivery per subscribed consumer, once, from the dispatcher's routing: on a real database
 * (Derby, the platform's changelog), batches of every size the IN lists are padded to.
 */
public class RoutingOnDerbyTest {

    private UnitDatabase db;
    private Subscriptions subscriptions;
    private Routing routing;

    @Before
    public void setUp() {
        System.setProperty("karaf.data", "target/karaf-data");
        db = UnitDatabase.create("tessera-platform");
        subscriptions = new Subscriptions(db.jpa());
        subscriptions.subscribe("test.wallets", "wallets.*");
        subscriptions.subscribe("test.pay", "wallets.consume, orders.paid");
        subscriptions.subscribe("test.nothing", "cards.*");
        routing = new Routing(db.jpa(), subscriptions);
    }

    @After
    public void tearDown() {
        db.close();
    }

    @Test
    public void eachEventGetsADeliveryPerSubscribedConsumerOnce() {
        List<Long> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event("wallets.consume", "account:" + i));
        }
        events.add(event("wallets.recharge", "account:1"));
        events.add(event("orders.paid", "order:9"));
        events.add(event("coupons.issued", "coupon:3"));

        assertEquals(8, routing.once());
        assertEquals(0, routing.once());

        assertEquals(6, deliveries("test.wallets"));
        assertEquals(6, deliveries("test.pay"));
        assertEquals(0, deliveries("test.nothing"));
        assertEquals(2L, (long) db.jpa().txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT COUNT(d) FROM DeliveryEntity d WHERE d.eventId = :id AND d.status = 'PENDING' AND d.attempts = 0 "
                        + "AND d.aggregate = 'account:0' AND d.topic = 'wallets.consume'", Long.class)
                .setParameter("id", events.get(0)).getSingleResult()));
        assertEquals(8L, (long) db.jpa().txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT COUNT(e) FROM EventEntity e WHERE e.routed = 1", Long.class).getSingleResult()));
    }

    @Test
    public void batchesOfAnySizeAreRoutedWhole() {
        int total = 0;
        for (int size : new int[] {1, 2, 3, 17, Routing.BATCH + 1}) {
            for (int i = 0; i < size; i++) {
                event("wallets.consume", "account:" + i);
            }
            int routed;
            while ((routed = routing.once()) > 0) {
                total += routed;
            }
            assertEquals(total, deliveries("test.wallets"));
            assertEquals(total, deliveries("test.pay"));
        }
        assertEquals(1 + 2 + 3 + 17 + Routing.BATCH + 1, total);
    }

    @Test
    public void aBatchWithAnEventRoutedMeanwhileChangesNothing() {
        event("wallets.consume", "account:1");
        long second = event("wallets.consume", "account:2");
        List<Routing.Waiting> waiting = routing.waiting();
        assertEquals(2, waiting.size());
        // Another node routed the second meanwhile (its lease overlapping this one's): this batch is rolled back whole.
        routing.route(List.of(waiting.get(1)));
        assertEquals(1, deliveries("test.wallets"));
        assertThrows(RuntimeException.class, () -> routing.route(waiting));
        assertEquals(1, deliveries("test.wallets"));
        assertEquals(1L, (long) db.jpa().txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT COUNT(d) FROM DeliveryEntity d WHERE d.consumer = 'test.wallets' AND d.eventId = :id", Long.class)
                .setParameter("id", second).getSingleResult()));
        assertEquals(1, routing.once());
        assertEquals(2, deliveries("test.wallets"));
    }

    private long event(String topic, String aggregate) {
        return db.jpa().txExpr(TransactionType.Required, em -> {
            EventEntity e = new EventEntity();
            e.topic = topic;
            e.aggregate = aggregate;
            e.payload = "{}";
            e.origin = "test";
            e.createdAt = BusinessTime.now();
            em.persist(e);
            em.flush();
            return e.id;
        });
    }

    private int deliveries(String consumer) {
        return db.jpa().txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT COUNT(d) FROM DeliveryEntity d WHERE d.consumer = :c", Long.class).setParameter("c", consumer)
                .getSingleResult()).intValue();
    }
}
