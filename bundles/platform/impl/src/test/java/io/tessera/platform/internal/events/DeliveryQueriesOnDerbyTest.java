package io.tessera.platform.internal.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.events.EventDelivery;
import io.tessera.platform.internal.jpa.DeliveryEntity;
import io.tessera.testing.UnitDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import javax.persistence.PersistenceException;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The dispatcher's query for deliveries held back (an earlier one failed or waits for its retry) on Derby, with
 * another transaction in flight that has written a delivery and not committed, as a payment under load has. Derby's
 * read-committed readers wait for the commit of every uncommitted row their index range reaches; the lock timeout is
 * set to 2 s here, so a query that waited fails instead of passing slowly.
 */
public class DeliveryQueriesOnDerbyTest {

    private static final int ROWS = 3000;

    private UnitDatabase db;
    private LocalDateTime now;
    private long waiting;

    @Before
    public void setUp() throws SQLException {
        db = UnitDatabase.create("tessera-platform");
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '2')");
        }
        now = BusinessTime.now();
        // Committed: a delivery to "activity" of member 1's event failed once and waits a minute for its retry.
        try (Connection c = db.connection()) {
            waiting = event(c, "member-1");
            delivery(c, waiting, "member-1", 1, now.plusSeconds(60));
        }
    }

    @After
    public void tearDown() {
        db.close();
    }

    @Test
    public void theHeldBackQueryPassesOverNewDeliveriesOfTransactionsInFlight() throws SQLException {
        try (Connection inFlight = db.connection()) {
            inFlight.setAutoCommit(false);
            delivery(inFlight, event(inFlight, "member-2"), "member-2", 0, DeliveryEntity.DUE_AT_ONCE);
            Map<String, Long> held = db.jpa().txExpr(TransactionType.Supports, em -> EventDispatcher.heldBack(em, now));
            assertEquals(Map.of(EventDispatcher.pair("activity", "member-1"), waiting), held);
            inFlight.rollback();
        }
    }

    /** Why new deliveries are due at DUE_AT_ONCE: stamped with the time they were written, the query waits for them. */
    @Test
    public void aNewDeliveryStampedWithTheTimeItWasWrittenWouldBeWaitedFor() throws SQLException {
        try (Connection inFlight = db.connection()) {
            inFlight.setAutoCommit(false);
            delivery(inFlight, event(inFlight, "member-2"), "member-2", 0, now.plusNanos(1_000_000));
            assertThrows(PersistenceException.class,
                    () -> db.jpa().txExpr(TransactionType.Supports, em -> EventDispatcher.heldBack(em, now)));
            inFlight.rollback();
        }
    }

    /**
     * The list newest first (GET /events, platform:events) reads the deliveries' descending ID index and stops after its
     * page; without that index Derby sorted the whole table for every page (213 ms a call at 150,000 deliveries on the
     * benchmark machine). With a status, Derby's optimizer weighs the index against the status index and a sort of
     * that status's rows, by its statistics (at 150,000 PENDING of 250,000 it took the index; at 3,000 the sort).
     */
    @Test
    public void theListNewestFirstReadsAnIndexInsteadOfSortingTheTable() throws SQLException {
        // Enough rows that Derby's optimizer weighs a sort against the index, as with a real outbox.
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            for (int i = 2; i <= ROWS; i++) {
                delivery(c, event(c, "member-" + i), "member-" + i, 0, DeliveryEntity.DUE_AT_ONCE);
            }
            c.commit();
        }
        Page<EventDelivery> page = CallerContext.callAs(Caller.system("test"),
                () -> new EventLog(db.jpa(), null).list(EventDelivery.Status.PENDING, null, null, 1, 10));
        assertEquals(ROWS, page.getTotal());
        assertEquals("member-" + ROWS, page.getItems().get(0).aggregate);
        assertEquals("member-" + (ROWS - 9), page.getItems().get(9).aggregate);
        String plan = db.jpa().txExpr(TransactionType.Required, em -> {
            try (Statement st = em.unwrap(Connection.class).createStatement()) {
                st.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                EventLog.deliveries(null, null, null).first(em, DeliveryEntity.class, EventLog.NEWEST_FIRST, 10);
                try (ResultSet rs = st.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                    rs.next();
                    return rs.getString(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(plan, plan.contains("using index PLT_DELIVERY_NEWEST"));
        assertFalse(plan, plan.contains("Sort ResultSet"));
    }

    private long event(Connection c, String aggregate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PLT_EVENT (TOPIC, AGGREGATE, PAYLOAD, ORIGIN, CREATED_AT) "
                + "VALUES ('wallet.journal', ?, '{}', 'test', ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, aggregate);
            ps.setTimestamp(2, Timestamp.valueOf(now));
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void delivery(Connection c, long eventId, String aggregate, int attempts, LocalDateTime nextAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO PLT_EVENT_DELIVERY (EVENT_ID, CONSUMER, TOPIC, AGGREGATE, STATUS, "
                + "ATTEMPTS, NEXT_AT, CREATED_AT) VALUES (?, 'activity', 'wallet.journal', ?, 'PENDING', ?, ?, ?)")) {
            ps.setLong(1, eventId);
            ps.setString(2, aggregate);
            ps.setInt(3, attempts);
            ps.setTimestamp(4, Timestamp.valueOf(nextAt));
            ps.setTimestamp(5, Timestamp.valueOf(now));
            ps.executeUpdate();
        }
    }
}
