package io.tessera.platform.internal.db;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import javax.transaction.TransactionManager;
import javax.transaction.TransactionSynchronizationRegistry;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.managed.DataSourceXAConnectionFactory;
import org.apache.commons.dbcp2.managed.ManagedDataSource;
import org.apache.commons.dbcp2.managed.PoolableManagedConnectionFactory;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.ops4j.pax.jdbc.pool.common.PooledDataSourceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The XA connection pool behind Tessera's DataSource ({@code pool = tessera}, {@code xa = true} in
 * {@code etc/org.ops4j.datasource-tessera.cfg}; pax-jdbc-config finds this factory by those two keys): commons-dbcp2's
 * managed pool, given the transaction manager's synchronization registry.
 *
 * <p>Why not pax-jdbc's own {@code pool = dbcp2}: it builds the pool without the registry, so dbcp2 registers its
 * end-of-transaction listener as an ordinary synchronization, in the order connections are first used. When several
 * persistence units join one transaction they share one physical connection; after the commit the first unit's
 * listener returns it to the pool, and a later unit's close returns it a second time — possibly while another
 * request has already borrowed it. That request then loses its connection mid-transaction ("enlistResource returns
 * 'false'", a closed statement, a failed XA commit), and a read outside a transaction could run inside another's.
 * With the registry, dbcp2's listeners are interposed: they run before any persistence unit closes anything, so a
 * shared connection is detached once and returned once.
 *
 * <p>{@code pool.*} keys configure the pool (commons-pool2's {@code GenericObjectPoolConfig}: {@code maxTotal},
 * {@code maxIdle}, {@code maxWaitMillis} …), {@code factory.*} keys the connections ({@code
 * PoolableConnectionFactory}: {@code validationQuery} …); the other keys go to the driver's XA DataSource.
 */
@Component(service = PooledDataSourceFactory.class, property = {PooledDataSourceFactory.POOL_KEY + "=" + XaPool.NAME,
        PooledDataSourceFactory.XA_KEY + "=true"})
public class XaPool implements PooledDataSourceFactory {

    public static final String NAME = "tessera";

    private final TransactionManager transactions;

    private final TransactionSynchronizationRegistry registry;

    @Activate
    public XaPool(@Reference TransactionManager transactions, @Reference TransactionSynchronizationRegistry registry) {
        this.transactions = transactions;
        this.registry = registry;
    }

    @Override
    public DataSource create(DataSourceFactory driver, Properties config) throws SQLException {
        Properties forDriver = new Properties();
        Map<String, String> forPool = new TreeMap<>();
        Map<String, String> forConnections = new TreeMap<>();
        for (String key : config.stringPropertyNames()) {
            String value = config.getProperty(key);
            if (key.startsWith("pool.")) {
                forPool.put(key.substring(5), value);
            } else if (key.startsWith("factory.")) {
                forConnections.put(key.substring(8), value);
            } else {
                forDriver.setProperty(key, value);
            }
        }
        XADataSource xa = driver.createXADataSource(forDriver);
        DataSourceXAConnectionFactory connections = new DataSourceXAConnectionFactory(transactions, xa, registry);
        PoolableManagedConnectionFactory factory = new PoolableManagedConnectionFactory(connections, null);
        configure(factory, forConnections, "factory.");
        GenericObjectPoolConfig<PoolableConnection> settings = new GenericObjectPoolConfig<>();
        // Beans of a pool that an operator watches over JMX would carry a name per data source; one pool here.
        settings.setJmxEnabled(false);
        configure(settings, forPool, "pool.");
        GenericObjectPool<PoolableConnection> pool = new GenericObjectPool<>(factory, settings);
        factory.setPool(pool);
        return new ManagedDataSource<>(pool, connections.getTransactionRegistry());
    }

    /**
     * Sets each key through the bean's setter of that name (a number, a flag, a duration in ms or a text).
     * Where dbcp2 has a number setter beside a {@link Duration} one of the same name, the number one is
     * taken, in the unit its name or its javadoc gives ({@code defaultQueryTimeout}: seconds,
     * {@code maxWaitMillis}: ms); a name with several setters of other kinds is refused, never guessed.
     */
    static void configure(Object bean, Map<String, String> values, String prefix) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            String setter = "set" + Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1);
            List<Method> candidates = new ArrayList<>();
            for (Method m : bean.getClass().getMethods()) {
                if (m.getName().equals(setter) && m.getParameterCount() == 1 && convertible(m.getParameterTypes()[0])) {
                    candidates.add(m);
                }
            }
            if (candidates.size() > 1) {
                candidates.removeIf(m -> m.getParameterTypes()[0] == Duration.class);
            }
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("unknown setting " + prefix + e.getKey() + " (no " + setter + " on "
                        + bean.getClass().getSimpleName() + ")");
            }
            if (candidates.size() > 1) {
                throw new IllegalArgumentException("ambiguous setting " + prefix + e.getKey() + ": " + candidates);
            }
            Method found = candidates.get(0);
            try {
                found.invoke(bean, convert(found.getParameterTypes()[0], e.getValue().trim()));
            } catch (ReflectiveOperationException | RuntimeException x) {
                throw new IllegalArgumentException("bad value for " + prefix + e.getKey() + ": " + e.getValue(), x);
            }
        }
    }

    private static boolean convertible(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class || type == boolean.class
                || type == Boolean.class || type == String.class || type == Duration.class;
    }

    private static Object convert(Class<?> type, String value) {
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(value);
        }
        if (type == long.class || type == Long.class) {
            return Long.valueOf(value);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("true or false");
            }
            return Boolean.valueOf(value);
        }
        if (type == Duration.class) {
            return Duration.ofMillis(Long.parseLong(value));
        }
        return value;
    }
}
