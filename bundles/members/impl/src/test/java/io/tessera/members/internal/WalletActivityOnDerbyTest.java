package io.tessera.members.internal;

import static org.junit.Assert.assertEquals;

import io.tessera.members.internal.jpa.ActivityEntity;
import io.tessera.platform.api.events.Event;
import io.tessera.testing.UnitDatabase;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The members' stored-value activity from wallet events, on a real database: every event delivered counts once,
 * whatever the order of their ids (a payment at another store can commit after a later id).
 */
public class WalletActivityOnDerbyTest {

    private UnitDatabase db;
    private WalletActivity activity;

    @Before
    public void setUp() {
        db = UnitDatabase.create("tessera-members");
        activity = new WalletActivity(db.jpa());
    }

    @After
    public void tearDown() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void anEventWhoseIdIsBelowTheLastOneSeenStillCounts() {
        consume(event(101, 7, "-20.00"));
        consume(event(100, 7, "-5.50"));
        consume(event(102, 7, "30.00"));
        ActivityEntity a = db.jpa().txExpr(TransactionType.Required, em -> em.find(ActivityEntity.class, 7L));
        assertEquals(3, a.movements);
        assertEquals(new BigDecimal("25.50"), a.storedOut);
        assertEquals(new BigDecimal("30.00"), a.storedIn);
        assertEquals(102, a.lastEventId);
    }

    /** A chunk as the outbox delivers it: members mixed, one of them new, each row changed once for all its movements. */
    @Test
    public void aChunkCountsEachMembersMovementsAsOneByOne() {
        consume(event(99, 8, "100.00"));
        db.jpa().tx(TransactionType.Required, em -> activity.consumeAll(List.of(event(101, 7, "-20.00"), event(102, 8, "-1.01"),
                event(100, 7, "-5.50"), event(103, 9, "7.00"), event(104, 8, "-0.99"))));
        ActivityEntity seven = find(7);
        assertEquals(2, seven.movements);
        assertEquals(new BigDecimal("25.50"), seven.storedOut);
        assertEquals(new BigDecimal("0.00"), seven.storedIn);
        assertEquals(101, seven.lastEventId);
        ActivityEntity eight = find(8);
        assertEquals(3, eight.movements);
        assertEquals(new BigDecimal("100.00"), eight.storedIn);
        assertEquals(new BigDecimal("2.00"), eight.storedOut);
        assertEquals(104, eight.lastEventId);
        assertEquals(1, find(9).movements);
    }

    private ActivityEntity find(long memberId) {
        return db.jpa().txExpr(TransactionType.Required, em -> em.find(ActivityEntity.class, memberId));
    }

    private void consume(Event e) {
        db.jpa().tx(TransactionType.Required, em -> activity.consume(e));
    }

    private static Event event(long id, long memberId, String principalDelta) {
        String json = "{\"memberId\":" + memberId + ",\"principalDelta\":" + principalDelta + ",\"bonusDelta\":0}";
        return new Event() {
            @Override
            public long id() {
                return id;
            }

            @Override
            public String topic() {
                return "wallets.payment";
            }

            @Override
            public String aggregate() {
                return "member-" + memberId;
            }

            @Override
            public LocalDateTime createdAt() {
                return LocalDateTime.of(2026, 12, 6, 10, 0);
            }

            @Override
            public String payloadJson() {
                return json;
            }

            @Override
            public <T> T payload(Class<T> type) {
                WalletActivity.Moved m = new WalletActivity.Moved();
                m.memberId = memberId;
                m.principalDelta = new BigDecimal(principalDelta);
                m.bonusDelta = BigDecimal.ZERO;
                return type.cast(m);
            }
        };
    }
}
