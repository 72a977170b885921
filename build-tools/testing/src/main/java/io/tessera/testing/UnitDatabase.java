package io.tessera.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A domain's persistence unit in a unit test, on a real database: embedded Derby in a folder of its own under
 * {@code target/unit-db}, its schema made by the domain's own changelog ({@code db/changelog.xml} on the test
 * class path: the bundle's), and the unit's {@code persistence.xml} as the bundle ships it, run with local
 * transactions instead of JTA and without DDL generation. An entity that does not match its changelog fails
 * here first.
 */
public final class UnitDatabase implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();
    /** Liquibase logs each change set through java.util.logging: only its warnings reach the test output. */
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
    }

    private final Path folder;
    private final EmbeddedDataSource dataSource;
    private final EntityManagerFactory emf;
    private final LocalJpaTemplate jpa;

    private UnitDatabase(String unit, String changelog) throws Exception {
        Path root = Paths.get("target", "unit-db").toAbsolutePath();
        Files.createDirectories(root);
        System.setProperty("derby.stream.error.file", root.resolve("derby.log").toString());
        this.folder = root.resolve(unit + "-" + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet());
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.toString());
        dataSource.setCreateDatabase("create");
        try (Connection c = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(), database);
            liquibase.setShowSummary(UpdateSummaryEnum.OFF);
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            Scope.child(Scope.Attr.ui.name(), new LoggerUIService(), () -> liquibase.update(new Contexts(), new LabelExpression()));
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.nonJtaDataSource", dataSource);
        properties.put("eclipselink.logging.level", "WARNING");
        // The unit's jta-data-source (the OSGi service) is ignored here, as EclipseLink warns at every start.
        properties.put("eclipselink.logging.level.transaction", "SEVERE");
        this.emf = Persistence.createEntityManagerFactory(unit, properties);
        this.jpa = new LocalJpaTemplate(emf);
    }

    /** The unit named {@code unit} on a new database made by {@code db/changelog.xml}. */
    public static UnitDatabase create(String unit) {
        try {
            return new UnitDatabase(unit, "db/changelog.xml");
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up " + unit + " on Derby", e);
        }
    }

    public LocalJpaTemplate jpa() {
        return jpa;
    }

    /** The database, for services that also use plain JDBC (Tessera's bundles get the same through the gated DataSource). */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** A connection of its own (autocommit), for what a test reads or sets up in SQL. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * The distinct texts of the statements Derby has compiled and keeps that start with {@code prefix} (its statement
     * cache, {@code SYSCS_DIAG.STATEMENT_CACHE}). A statement run with bound parameters is compiled once; one whose
     * values were written into its text (EclipseLink does so on Derby for a parameter inside arithmetic, such as
     * {@code x = x + :amount}) shows once per value, and each was a compilation costing milliseconds.
     */
    public java.util.List<String> compiledStatements(String prefix) {
        try (Connection c = connection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT CAST(SQL_TEXT AS VARCHAR(32000)) FROM SYSCS_DIAG.STATEMENT_CACHE WHERE VALID")) {
            java.util.List<String> texts = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).startsWith(prefix)) {
                        texts.add(rs.getString(1));
                    }
                }
            }
            return texts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read Derby's statement cache", e);
        }
    }

    @Override
    public void close() {
        emf.close();
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(folder.toString());
        shutdown.setShutdownDatabase("shutdown");
        try {
            shutdown.getConnection().close();
        } catch (SQLException closed) {
            // Derby answers a shutdown with SQLState 08006.
        }
    }
}
