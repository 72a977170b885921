package io.tessera.platform.internal.schedule;

import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.schedule.ScheduledTask;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the registered {@link ScheduledTask}s: every few seconds each task whose next run is due is
 * claimed in {@code PLT_LEASE} (one node wins) and run as the system caller. Intervals and switches come
 * from {@code etc/io.tessera.scheduler.cfg} ({@code <task>.interval = PT1M}, {@code <task>.enabled =
 * false}), live; a task's own default applies otherwise.
 */
@Component(service = Scheduler.class, immediate = true, configurationPid = "io.tessera.scheduler")
public class Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    /**
     * How long a claim on a run lasts unless renewed: the running node renews it every {@link #RENEW} while the
     * task runs, so a node killed mid-run (kill -9, power cut) holds the task for at most this long.
     */
    private static final Duration CLAIM = Duration.ofSeconds(60);
    private static final Duration RENEW = Duration.ofSeconds(20);

    private final Leases leases;
    private final Map<String, ScheduledTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, Duration> defaults = new ConcurrentHashMap<>();
    private final java.util.Set<String> ensured = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Object> config;
    private final ScheduledExecutorService clock;
    private final ScheduledExecutorService renewals;

    @Activate
    public Scheduler(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa, Map<String, Object> config) {
        this.leases = new Leases(jpa);
        this.config = Map.copyOf(config);
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-scheduler");
            t.setDaemon(true);
            return t;
        });
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-scheduler-claims");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleWithFixedDelay(this::tick, 2, 2, TimeUnit.SECONDS);
    }

    @Modified
    void modified(Map<String, Object> config) {
        this.config = Map.copyOf(config);
    }

    @Deactivate
    void deactivate() {
        clock.shutdownNow();
        renewals.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTask(ScheduledTask task, Map<String, Object> props) {
        String name = String.valueOf(props.getOrDefault(ScheduledTask.NAME, ""));
        if (name.isBlank()) {
            LOG.warn("A scheduled task without {} is ignored: {}", ScheduledTask.NAME, task);
            return;
        }
        defaults.put(name, duration(props.get(ScheduledTask.INTERVAL), Duration.ofMinutes(1)));
        tasks.put(name, task);
    }

    void unbindTask(ScheduledTask task, Map<String, Object> props) {
        tasks.remove(String.valueOf(props.getOrDefault(ScheduledTask.NAME, "")), task);
    }

    /** The task's interval as configured, else its default. */
    Duration interval(String name) {
        return duration(config.get(name + ".interval"), defaults.getOrDefault(name, Duration.ofMinutes(1)));
    }

    boolean enabled(String name) {
        return !"false".equalsIgnoreCase(String.valueOf(config.getOrDefault(name + ".enabled", "true")).trim());
    }

    /** A registered task as the console shows it. */
    public record TaskState(String name, boolean enabled, Duration interval, java.time.LocalDateTime nextRun,
                            java.time.LocalDateTime lastRunAt, String outcome, String holder) {
    }

    public java.util.List<TaskState> states() {
        return tasks.keySet().stream().sorted().map(name -> {
            var lease = leases.find("task." + name);
            return new TaskState(name, enabled(name), interval(name), lease == null ? null : lease.nextRun,
                    lease == null ? null : lease.lastRunAt, lease == null ? null : lease.lastOutcome, lease == null ? null : lease.holder);
        }).toList();
    }

    private void tick() {
        for (Map.Entry<String, ScheduledTask> t : tasks.entrySet()) {
            String name = t.getKey();
            try {
                if (enabled(name)) {
                    runIfDue(name, t.getValue());
                }
            } catch (RuntimeException e) {
                LOG.warn("Scheduled task {} could not be claimed: {}", name, e.toString());
            }
        }
    }

    private void runIfDue(String name, ScheduledTask task) {
        String lease = "task." + name;
        if (ensured.add(lease)) {
            leases.ensure(lease);
        }
        if (!leases.claimRun(lease, interval(name), CLAIM)) {
            return;
        }
        ScheduledFuture<?> renewal = renewals.scheduleWithFixedDelay(() -> {
            try {
                leases.hold(lease, CLAIM);
            } catch (RuntimeException e) {
                LOG.warn("Scheduled task {}: its claim could not be renewed: {}", name, e.toString());
            }
        }, RENEW.toSeconds(), RENEW.toSeconds(), TimeUnit.SECONDS);
        String outcome;
        try {
            outcome = CallerContext.callAs(Caller.system("scheduler"), task::run);
            LOG.debug("Scheduled task {}: {}", name, outcome);
        } catch (RuntimeException e) {
            outcome = "failed: " + e;
            LOG.warn("Scheduled task {} failed: {}", name, e.toString(), e);
        } finally {
            renewal.cancel(false);
        }
        leases.finishRun(lease, outcome);
    }

    private static Duration duration(Object value, Duration dflt) {
        if (value == null || String.valueOf(value).isBlank()) {
            return dflt;
        }
        try {
            Duration d = Duration.parse(String.valueOf(value).trim());
            return d.isNegative() || d.isZero() ? dflt : d;
        } catch (DateTimeParseException e) {
            LOG.warn("Not an ISO-8601 duration, the default {} applies: {}", dflt, value);
            return dflt;
        }
    }
}
