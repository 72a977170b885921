package io.tessera.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The limit of the stack: plain JDBC in this JVM on an embedded Derby database (durable commits, on
 * the same disk as Tessera's) doing what a member payment must do at least: lock the account row,
 * update its balance, insert a journal row, commit. Each client thread has its own connection.
 */
final class JdbcLimit implements AutoCloseable {

    static final int ACCOUNTS = 1000;
    private final String url;
    private final ThreadLocal<Session> sessions;

    private static final class Session {
        final Connection c;
        final PreparedStatement lock;
        final PreparedStatement update;
        final PreparedStatement insert;

        Session(String url) throws SQLException {
            c = DriverManager.getConnection(url);
            c.setAutoCommit(false);
            lock = c.prepareStatement("SELECT BALANCE FROM ACCOUNT WHERE ID = ? FOR UPDATE OF BALANCE");
            update = c.prepareStatement("UPDATE ACCOUNT SET BALANCE = ? WHERE ID = ?");
            insert = c.prepareStatement("INSERT INTO JOURNAL (ACCOUNT_ID, DELTA, BALANCE_AFTER, CREATED_AT) VALUES (?, ?, ?, ?)");
        }
    }

    JdbcLimit(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir.getParent());
        System.setProperty("derby.stream.error.file", dir.getParent().resolve("limit-derby.log").toString());
        System.setProperty("derby.storage.pageCacheSize", "16000");
        this.url = "jdbc:derby:" + dir + ";create=true";
        // Registers the embedded driver again: shutting Derby down (after another benchmark) deregisters it.
        try {
            DriverManager.registerDriver(new org.apache.derby.jdbc.EmbeddedDriver());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ACCOUNT (ID BIGINT PRIMARY KEY, BALANCE DECIMAL(19,2) NOT NULL)");
            s.execute("CREATE TABLE JOURNAL (ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ACCOUNT_ID BIGINT NOT NULL, "
                    + "DELTA DECIMAL(19,2) NOT NULL, BALANCE_AFTER DECIMAL(19,2) NOT NULL, CREATED_AT TIMESTAMP NOT NULL)");
            s.execute("CREATE INDEX JOURNAL_ACCOUNT ON JOURNAL (ACCOUNT_ID, ID)");
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO ACCOUNT VALUES (?, ?)")) {
                for (int i = 0; i <= ACCOUNTS; i++) {
                    p.setLong(1, i);
                    p.setBigDecimal(2, new BigDecimal("100000000.00"));
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
        }
        sessions = ThreadLocal.withInitial(() -> {
            try {
                return new Session(url);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** One payment of 0.01 on the account; null when it committed. */
    String pay(long account) throws SQLException {
        Session s = sessions.get();
        try {
            s.lock.setLong(1, account);
            BigDecimal balance;
            try (ResultSet rs = s.lock.executeQuery()) {
                rs.next();
                balance = rs.getBigDecimal(1);
            }
            BigDecimal after = balance.subtract(new BigDecimal("0.01"));
            s.update.setBigDecimal(1, after);
            s.update.setLong(2, account);
            s.update.executeUpdate();
            s.insert.setLong(1, account);
            s.insert.setBigDecimal(2, new BigDecimal("-0.01"));
            s.insert.setBigDecimal(3, after);
            s.insert.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
            s.insert.executeUpdate();
            s.c.commit();
            return null;
        } catch (SQLException e) {
            s.c.rollback();
            return "SQLState " + e.getSQLState();
        }
    }

    @Override
    public void close() {
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
    }
}
