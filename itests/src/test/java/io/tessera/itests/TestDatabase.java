package io.tessera.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.ops4j.pax.exam.Option;

/**
 * The database the integration tests run on: embedded Derby (the default), or PostgreSQL when
 * {@code -Dtessera.it.postgres} names a server's maintenance database ({@code ./tessera test} starts a
 * throwaway server with itests/postgres/throwaway-postgres.sh and runs the suite a second time on it).
 * Each Tessera the tests boot gets a new database, as each gets a new Derby (one per test class, one per suite of
 * classes sharing a Tessera: DomainsSuiteIT); the distribution is configured the way an
 * operator would, in {@code etc/org.ops4j.datasource-tessera.cfg}.
 */
final class TestDatabase {

    static final String POSTGRES = System.getProperty("tessera.it.postgres", "").trim();

    private TestDatabase() {
    }

    static boolean postgres() {
        return !POSTGRES.isEmpty();
    }

    static Option[] options() {
        if (!postgres()) {
            return new Option[0];
        }
        String name = "tessera_it_" + Long.toString(System.currentTimeMillis(), 36) + Long.toString(System.nanoTime() & 0xffff, 36);
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on " + POSTGRES, e);
        }
        return org.ops4j.pax.exam.OptionUtils.combine(
                datasource("PostgreSQL JDBC Driver", POSTGRES.replaceFirst("/postgres(\\?|$)", "/" + name + "$1")),
                // The tests inside the container ask postgres() too.
                org.ops4j.pax.exam.CoreOptions.systemProperty("tessera.it.postgres").value(POSTGRES));
    }

    /** Tessera on an existing Derby database (UpgradeIT's copy of a database of an earlier release). */
    static Option[] derbyAt(java.nio.file.Path database) {
        return datasource("derby", "jdbc:derby:" + database.toAbsolutePath());
    }

    private static Option[] datasource(String driver, String url) {
        String cfg = "etc/org.ops4j.datasource-tessera.cfg";
        return new Option[] {
            editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", driver),
            editConfigurationFilePut(cfg, "url", url),
            editConfigurationFilePut(cfg, "dataSourceName", "tessera"),
            editConfigurationFilePut(cfg, "xa", "true"),
            editConfigurationFilePut(cfg, "pool", "tessera"),
            editConfigurationFilePut(cfg, "pool.maxTotal", "256"),
            editConfigurationFilePut(cfg, "pool.maxIdle", "64"),
            editConfigurationFilePut(cfg, "pool.maxWaitMillis", "10000"),
        };
    }
}
