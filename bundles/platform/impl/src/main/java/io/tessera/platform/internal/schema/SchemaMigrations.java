package io.tessera.platform.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.ui.LoggerUIService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schemas: every bundle whose manifest names a persistence unit in {@value #HEADER} carries its
 * Liquibase changelog at {@value #CHANGELOG}. When such a bundle starts, its changelog is brought up to date
 * on Tessera's database, and only then is the database offered to its unit: a {@link DataSource} service
 * with {@code tessera.schema=<unit>}, the one its {@code persistence.xml} names. A unit therefore never sees
 * a schema older than its entities, whichever order bundles start in, on Derby and on PostgreSQL alike.
 * Several Tessera nodes starting together take turns through Liquibase's lock table.
 *
 * <p>A changelog that fails stops its own domain (its unit never starts; the reason is in the log), not the
 * others. A database that does not answer (a connection error: SQL state class 08, a transient or recoverable
 * SQL exception) is tried again a few times first, so a node starting while its database restarts comes up.
 *
 * <p>A schema newer than the bundle — change sets of the domain's changelog in the database that this build does not
 * know, run by a newer Tessera (a rolling upgrade under way or rolled back, an old node started late) — is served
 * while those change sets keep the one-version rule (docs/database.md), so an old node restarted mid-upgrade rejoins;
 * one labelled {@value #BREAKING} (a contract step) is never served: the unit stays stopped, the log says which change
 * sets, and the health check answers 503 naming the schema, so a load balancer takes the node out.
 */
@Component(immediate = true, service = SchemaMigrations.class)
public class SchemaMigrations implements BundleTrackerCustomizer<ServiceRegistration<DataSource>> {

    /** Manifest header: the persistence unit whose schema the bundle's changelog keeps. */
    public static final String HEADER = "Tessera-Schema";
    /** Where a bundle keeps its changelog. */
    public static final String CHANGELOG = "db/changelog.xml";
    /** Service property of the gated data source, and the filter a unit's {@code jta-data-source} names. */
    public static final String PROPERTY = "tessera.schema";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    /** Tries of a migration whose database does not answer (connection errors only), 2, 4, 6 ... s apart. */
    static final int ATTEMPTS = 6;

    private final DataSource dataSource;
    private final BundleTracker<ServiceRegistration<DataSource>> tracker;
    /** Units whose schema in the database is newer than their bundle's changelog, with that bundle. */
    private final Map<String, Bundle> newer = new ConcurrentHashMap<>();

    @Activate
    public SchemaMigrations(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public ServiceRegistration<DataSource> addingBundle(Bundle bundle, BundleEvent event) {
        String unit = bundle.getHeaders().get(HEADER);
        if (unit == null || unit.isBlank()) {
            return null;
        }
        unit = unit.trim();
        for (int attempt = 1; ; attempt++) {
            try {
                migrate(bundle, unit);
                newer.remove(unit);
                break;
            } catch (Exception | LinkageError e) {
                SchemaNewerException refused = cause(e, SchemaNewerException.class);
                if (refused != null) {
                    newer.put(unit, bundle);
                    LOG.error("{} This node does not serve {} until it runs a build that knows them.", refused.getMessage(), unit);
                    return null;
                }
                if (attempt < ATTEMPTS && causedBy(e, SQLTransientException.class, SQLRecoverableException.class, java.net.ConnectException.class)
                        && bundle.getState() != Bundle.UNINSTALLED) {
                    // The database did not answer (starting, restarting, a connection dropped): try again shortly.
                    LOG.warn("Schema of {} (bundle {}): the database did not answer ({}); attempt {} of {} in {} s", unit,
                            bundle.getSymbolicName(), e.toString(), attempt + 1, ATTEMPTS, attempt * 2);
                    sleep(attempt * 2_000L);
                    continue;
                }
                LOG.error("Schema of {} (bundle {}) could not be brought up to date; the unit stays stopped", unit,
                        bundle.getSymbolicName(), e);
                return null;
            }
        }
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return null;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(PROPERTY, unit);
        return context.registerService(DataSource.class, dataSource, properties);
    }

    /** The units this node refuses because the database's schema is newer than their code (while their bundle is here). */
    public Set<String> newerSchemas() {
        // A stopped bundle serves nothing either way: only those that are starting or running count.
        newer.values().removeIf(b -> (b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0);
        return Set.copyOf(newer.keySet());
    }

    /** The database holds change sets of a domain's changelog that this build does not know. */
    static final class SchemaNewerException extends RuntimeException {
        SchemaNewerException(String message) {
            super(message);
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /** Whether e or one of its causes is of one of the types (pgjdbc and Derby say "connection" with these). */
    @SafeVarargs
    static boolean causedBy(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(c)) {
                    return true;
                }
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<DataSource> registration) {
        // STARTING -> ACTIVE: nothing changes for the unit.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<DataSource> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The bundle stopped first and its services went with it.
        }
    }

    /** The label of a change set that an older build cannot live with (a contract step: docs/database.md). */
    static final String BREAKING = "breaking";

    /**
     * Throws when the database has run change sets of this changelog (its logical file path) that the changelog does
     * not have and one of them is labelled {@value #BREAKING}. Others are one version ahead and compatible by the rule
     * every change set keeps (expand, then contract), so an older node mid-upgrade still serves: they are logged. The
     * history table is shared by every domain: only this changelog's entries count.
     */
    private static void refuseNewer(Liquibase liquibase, String unit) throws LiquibaseException {
        Set<String> paths = new HashSet<>();
        for (ChangeSet c : liquibase.getDatabaseChangeLog().getChangeSets()) {
            paths.add(c.getFilePath());
        }
        List<String> unknown = new ArrayList<>();
        List<String> breaking = new ArrayList<>();
        for (RanChangeSet ran : liquibase.listUnexpectedChangeSets(new Contexts(), new LabelExpression())) {
            if (paths.contains(ran.getChangeLog())) {
                unknown.add(ran.getId());
                if (ran.getLabels() != null && ran.getLabels().getLabels().contains(BREAKING)) {
                    breaking.add(ran.getId());
                }
            }
        }
        if (!breaking.isEmpty()) {
            throw new SchemaNewerException("The database's schema of " + unit + " is newer than this build: it has run change set(s) "
                    + breaking + " labelled '" + BREAKING + "' that this build's changelog does not have (a newer Tessera ran them).");
        }
        if (!unknown.isEmpty()) {
            LOG.warn("The database's schema of {} is ahead of this build by change set(s) {} (compatible for one version): "
                    + "serving it; upgrade this node", unit, unknown);
        }
    }

    /** One unit at a time in this node; Liquibase's lock table orders the nodes. */
    private synchronized void migrate(Bundle bundle, String unit) throws Exception {
        long started = System.nanoTime();
        // Liquibase finds its parts with java.util.ServiceLoader over the context class loader, and its root
        // scope keeps the loader it first saw: Liquibase's own, before any Liquibase class initialises.
        ClassLoader liquibaseLoader = Liquibase.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(liquibaseLoader);
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put(Scope.Attr.classLoader.name(), liquibaseLoader);
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put(AnalyticsArgs.ENABLED.getKey(), Boolean.FALSE);
        try (Connection connection = dataSource.getConnection()) {
            int ran = Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                if (database instanceof DerbyDatabase derby) {
                    // The database is Tessera's, open for the whole node: never shut it down afterwards.
                    derby.setShutdownEmbeddedDerby(false);
                }
                // The check and the update under one hold of Liquibase's lock: no node runs change sets in between.
                LockService lock = LockServiceFactory.getInstance().getLockService(database);
                // Waiting may time out (another node holding the lock for minutes): nothing of ours to release then.
                lock.waitForLock();
                try {
                    Liquibase liquibase = new Liquibase(CHANGELOG, new BundleChangelog(bundle), database);
                    refuseNewer(liquibase, unit);
                    // One line per schema in Tessera's log (below), no summary table on the console.
                    liquibase.setShowSummary(UpdateSummaryEnum.OFF);
                    liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                    int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
                    if (pending > 0) {
                        liquibase.update(new Contexts(), new LabelExpression());
                    }
                    return pending;
                } finally {
                    // update() releases the lock itself when it ran: release it here only while still held.
                    if (lock.hasChangeLogLock()) {
                        lock.releaseLock();
                    }
                    // Liquibase keeps one lock and history service per Database object: forget this one.
                    LockServiceFactory.getInstance().resetAll();
                    ChangeLogHistoryServiceFactory.getInstance().resetAll();
                }
            });
            LOG.info("Schema of {}: {} change set(s) run or marked ran in {} ms", unit, ran, (System.nanoTime() - started) / 1_000_000);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
