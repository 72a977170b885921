package io.tessera.platform.internal.db;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import javax.transaction.Synchronization;
import javax.transaction.Transaction;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apache.derby.jdbc.EmbeddedXADataSource;
import org.apache.geronimo.transaction.manager.GeronimoTransactionManager;
import org.junit.Test;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The pool on Karaf's transaction manager (Geronimo) and an embedded Derby: a connection two persistence units share
 * in one transaction goes back to the pool once, so a request that borrows it right after the commit keeps it.
 */
public class XaPoolTest {

    /** What each persistence unit does when it joins a transaction: close its connection once the transaction ends. */
    private static Synchronization closesAfterCompletion(Connection[] connection, List<String> problems, String unit) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                try {
                    connection[0].close();
                } catch (SQLException e) {
                    problems.add(unit + " close: " + e);
                }
            }
        };
    }

    @Test
    public void aConnectionSharedByTwoUnitsIsReturnedOnceAndAnotherRequestKeepsIt() throws Exception {
        GeronimoTransactionManager tm = new GeronimoTransactionManager(600);
        Properties config = new Properties();
        config.setProperty("url", "jdbc:derby:memory:xapool;create=true");
        config.setProperty("pool.maxTotal", "8");
        config.setProperty("pool.maxWaitMillis", "5000");
        DataSource ds = new XaPool(tm, tm).create(new DerbyFactory(), config);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService other = Executors.newSingleThreadExecutor();
        CountDownLatch otherHoldsOne = new CountDownLatch(1);
        CountDownLatch nextRequestDone = new CountDownLatch(1);
        Future<?>[] otherRequest = new Future<?>[1];
        try {
            tm.begin();
            Transaction tx = tm.getTransaction();
            Connection[] first = new Connection[1];
            Connection[] second = new Connection[1];
            tx.registerSynchronization(closesAfterCompletion(first, problems, "unit 1"));
            first[0] = ds.getConnection();
            run(first[0], "VALUES 1");
            // Between the units' closes, another request's thread borrows a connection and starts its transaction.
            tx.registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    otherRequest[0] = other.submit(() -> {
                        tm.begin();
                        Connection c = ds.getConnection();
                        run(c, "VALUES 1");
                        otherHoldsOne.countDown();
                        assertTrue(nextRequestDone.await(30, TimeUnit.SECONDS));
                        run(c, "VALUES 2");
                        c.close();
                        tm.commit();
                        return null;
                    });
                    try {
                        assertTrue(otherHoldsOne.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            tx.registerSynchronization(closesAfterCompletion(second, problems, "unit 2"));
            second[0] = ds.getConnection();
            run(second[0], "VALUES 1");
            tm.commit();

            // The next request on this thread: a transaction of its own.
            tm.begin();
            try (Connection c = ds.getConnection()) {
                run(c, "VALUES 3");
            }
            tm.commit();
            nextRequestDone.countDown();
            otherRequest[0].get(30, TimeUnit.SECONDS);
            assertEquals(List.of(), problems);
        } finally {
            nextRequestDone.countDown();
            other.shutdownNow();
        }
    }

    @Test
    public void poolAndConnectionSettingsAreReadByName() {
        GenericObjectPoolConfig<Object> pool = new GenericObjectPoolConfig<>();
        XaPool.configure(pool, Map.of("maxTotal", "7", "lifo", "false", "maxWaitMillis", "1500"), "pool.");
        assertEquals(7, pool.getMaxTotal());
        assertFalse(pool.getLifo());
        assertEquals(1500, pool.getMaxWaitDuration().toMillis());
        try {
            XaPool.configure(pool, Map.of("maxTotl", "7"), "pool.");
            fail("a misspelt setting is refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("pool.maxTotl"));
        }
        try {
            XaPool.configure(pool, Map.of("lifo", "yes"), "pool.");
            fail("a flag is true or false");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("pool.lifo"));
        }
        // dbcp2 has setDefaultQueryTimeout(Integer seconds) and (Duration): the number one, every time.
        org.apache.commons.dbcp2.PoolableConnectionFactory connections = new org.apache.commons.dbcp2.PoolableConnectionFactory(null, null);
        XaPool.configure(connections, Map.of("defaultQueryTimeout", "5"), "factory.");
        assertEquals(5, connections.getDefaultQueryTimeoutDuration().getSeconds());
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Derby's embedded XA data source, as the driver's DataSourceFactory service gives it. */
    private static final class DerbyFactory implements DataSourceFactory {
        @Override
        public XADataSource createXADataSource(Properties props) {
            EmbeddedXADataSource xa = new EmbeddedXADataSource();
            String url = props.getProperty("url");
            xa.setDatabaseName(url.substring("jdbc:derby:".length(), url.indexOf(';')));
            xa.setCreateDatabase("create");
            return xa;
        }

        @Override
        public DataSource createDataSource(Properties props) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionPoolDataSource createConnectionPoolDataSource(Properties props) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Driver createDriver(Properties props) {
            throw new UnsupportedOperationException();
        }
    }
}
