package io.tessera.platform.internal.jobs;

import io.tessera.platform.api.PlatformErrors;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobProgress;
import io.tessera.platform.api.jobs.JobQueries;
import io.tessera.platform.api.jobs.JobResult;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.platform.api.jobs.JobWork;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.internal.jpa.JobEntity;
import io.tessera.platform.internal.schedule.Leases;
import io.tessera.platform.internal.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.persistence.LockModeType;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job runner: a small pool of job threads, live progress in memory (published to the job row
 * every second), result files under {@code data/tessera/jobs/<id>/}.
 */
@Component(service = {JobService.class, JobQueries.class}, configurationPid = "io.tessera.jobs")
@Designate(ocd = JobServiceImpl.Config.class)
public class JobServiceImpl implements JobService, JobQueries {

    @ObjectClassDefinition(name = "Tessera jobs")
    public @interface Config {
        @AttributeDefinition(description = "Jobs running at the same time; more wait in a queue")
        int threads() default 2;

        @AttributeDefinition(description = "Days a finished job's result file is kept (1 to 365); the task jobs.results.expire deletes older ones")
        int resultDays() default 7;

        @AttributeDefinition(description = "Folder of the jobs' result files; empty: data/tessera/jobs. Nodes of a cluster "
                + "share one (a shared file system), so any node serves any job's result")
        String folder() default "";
    }

    /** A running job's node writes its heartbeat this often; a job whose heartbeat is older than STALE lost its node. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration STALE = Duration.ofSeconds(30);

    private static volatile int resultDays = 7;

    /** Days a result file is kept, as configured. */
    static int resultDays() {
        return resultDays;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobServiceImpl.class);
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTERS = new TypeReference<>() {
    };

    private final JpaTemplate jpa;
    private final TransactionManager tm;

    @Activate
    public JobServiceImpl(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa, @Reference TransactionManager tm,
            Config config) {
        this.jpa = jpa;
        this.tm = tm;
        resultDays = days(config);
        start(config);
    }

    private static int days(Config config) {
        return config.resultDays() >= 1 && config.resultDays() <= 365 ? config.resultDays() : 7;
    }

    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private ThreadPoolExecutor pool;
    private ScheduledExecutorService publisher;
    private ScheduledExecutorService heartbeats;
    private volatile Path folder;

    private void start(Config config) {
        folder = folder(config);
        int threads = Math.max(1, config.threads());
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "tessera-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        publisher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-job-progress");
            t.setDaemon(true);
            return t;
        });
        publisher.scheduleWithFixedDelay(this::publishAll, 1, 1, TimeUnit.SECONDS);
        // Its own thread: publishing progress may wait on the pool, the heartbeat must not wait behind it.
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-job-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeats.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        // Jobs other nodes are running keep their heartbeat: only those whose node stopped are ended here.
        int stale = failOrphans(jpa);
        if (stale > 0) {
            LOG.warn("{} job(s) cut short by a stopped node are marked FAILED", stale);
        }
    }

    private static Path folder(Config config) {
        return config.folder() == null || config.folder().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "tessera", "jobs") : Paths.get(config.folder().trim());
    }

    /** A job without a heartbeat comes from a build before heartbeats: during a rolling upgrade it may still run. */
    static final Duration LEGACY_STALE = Duration.ofHours(6);

    /**
     * Marks FAILED the queued and running jobs whose node has not written a heartbeat for {@link #STALE} (it died
     * or stopped): their work lived in that node's memory. Answers how many. (Nodes' clocks are kept in step, as
     * for every lease: NTP.)
     */
    static int failOrphans(JpaTemplate jpa) {
        LocalDateTime now = BusinessTime.now();
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "UPDATE JobEntity j SET j.status = :failed, j.message = :msg, j.finishedAt = :now "
                                + "WHERE j.status IN (:queued, :running) AND (j.heartbeatAt < :stale "
                                + "OR j.heartbeatAt IS NULL AND j.createdAt < :legacy)")
                .setParameter("failed", Job.Status.FAILED.name())
                .setParameter("msg", "interrupted: the Tessera node running it stopped; submit it again")
                .setParameter("now", now)
                .setParameter("stale", now.minus(STALE))
                .setParameter("legacy", now.minus(LEGACY_STALE))
                .setParameter("queued", Job.Status.QUEUED.name())
                .setParameter("running", Job.Status.RUNNING.name())
                .executeUpdate());
    }

    /** This node's queued and running jobs are alive. */
    private void heartbeat() {
        if (live.isEmpty()) {
            return;
        }
        try {
            jpa.tx(TransactionType.Required, em -> em.createQuery("UPDATE JobEntity j SET j.heartbeatAt = :now "
                            + "WHERE j.node = :me AND j.status IN (:queued, :running)")
                    .setParameter("now", BusinessTime.now()).setParameter("me", Leases.NODE)
                    .setParameter("queued", Job.Status.QUEUED.name()).setParameter("running", Job.Status.RUNNING.name())
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat of this node's jobs not written this time: {}", e.toString());
        }
    }

    @Modified
    void modified(Config config) {
        resultDays = days(config);
        folder = folder(config);
        int threads = Math.max(1, config.threads());
        if (threads > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(threads);
            pool.setCorePoolSize(threads);
        } else {
            pool.setCorePoolSize(threads);
            pool.setMaximumPoolSize(threads);
        }
    }

    @Deactivate
    void deactivate() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.shutdownNow();
        heartbeats.shutdownNow();
        for (Live l : live.values()) {
            finish(l, Job.Status.FAILED, "stopped with the platform: submit it again");
        }
    }

    @Override
    public Job submit(String type, String description, String reference, JobWork work) {
        Caller caller = CallerContext.current();
        JobEntity e = new JobEntity();
        e.type = type;
        e.description = description;
        e.reference = reference;
        e.status = Job.Status.QUEUED.name();
        e.ownerKind = caller.getKind().name();
        e.ownerId = caller.getId();
        e.ownerIdentity = caller.identity();
        e.ownerLabel = caller.label();
        e.createdAt = BusinessTime.now();
        e.node = Leases.NODE;
        e.heartbeatAt = e.createdAt;
        jpa.tx(TransactionType.Required, em -> em.persist(e));
        Live l = new Live(e.id);
        live.put(e.id, l);
        startAfterCommit(l, () -> pool.execute(() -> run(l, caller, work)));
        return dto(e, l);
    }

    /**
     * Starts the job at once outside a transaction; inside one, when it commits — the job's row and whatever the
     * caller wrote for the work are then there to be read — and never if it rolls back (the row is gone with it).
     */
    private void startAfterCommit(Live l, Runnable start) {
        try {
            if (tm.getStatus() != Status.STATUS_ACTIVE) {
                start.run();
                return;
            }
            tm.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // nothing to do before the commit
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        start.run();
                    } else {
                        live.remove(l.id);
                    }
                }
            });
        } catch (SystemException | RollbackException e) {
            live.remove(l.id);
            throw new IllegalStateException("job " + l.id + " could not wait for its transaction", e);
        }
    }

    private void run(Live l, Caller caller, JobWork work) {
        boolean mine = jpa.txExpr(TransactionType.Required, em -> {
            JobEntity e = em.find(JobEntity.class, l.id, LockModeType.PESSIMISTIC_WRITE);
            if (!Job.Status.QUEUED.name().equals(e.status)) {
                return false; // ended meanwhile (taken for a stopped node's): not run
            }
            e.status = Job.Status.RUNNING.name();
            e.startedAt = BusinessTime.now();
            return true;
        });
        if (!mine) {
            live.remove(l.id);
            return;
        }
        l.status = Job.Status.RUNNING;
        try {
            String message = CallerContext.callAs(caller, () -> {
                try {
                    return work.run(l);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new JobFailure(e);
                }
            });
            finish(l, Job.Status.SUCCEEDED, message);
        } catch (TesseraException e) {
            finish(l, Job.Status.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            Throwable cause = e instanceof JobFailure ? e.getCause() : e;
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Job {} failed (reference {})", l.id, ref, cause);
            finish(l, Job.Status.FAILED, "failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()) + " (reference " + ref + " in the server log)");
        }
    }

    private void finish(Live l, Job.Status status, String message) {
        try {
            jpa.tx(TransactionType.Required, em -> {
                JobEntity e = em.find(JobEntity.class, l.id, LockModeType.PESSIMISTIC_WRITE);
                if (!Job.Status.QUEUED.name().equals(e.status) && !Job.Status.RUNNING.name().equals(e.status)) {
                    // Another node ended it while this one still ran it (its heartbeat was late): that stands.
                    LOG.warn("Job {} ended here as {}, but it was already {}: left as it is", l.id, status, e.status);
                    return;
                }
                publish(e, l);
                e.status = status.name();
                e.message = message == null ? null : message.substring(0, Math.min(1000, message.length()));
                e.finishedAt = BusinessTime.now();
                if (status == Job.Status.SUCCEEDED && l.resultPath != null) {
                    e.resultPath = l.resultPath.toString();
                    e.resultName = l.resultName;
                    e.resultType = l.resultType;
                }
            });
        } finally {
            live.remove(l.id);
        }
    }

    private void publishAll() {
        for (Live l : live.values()) {
            if (l.dirty) {
                try {
                    jpa.tx(TransactionType.Required, em -> publish(em.find(JobEntity.class, l.id), l));
                } catch (RuntimeException e) {
                    LOG.debug("Progress of job {} not published this time", l.id, e);
                }
            }
        }
    }

    private static void publish(JobEntity e, Live l) {
        l.dirty = false;
        e.counters = Json.write(l.counters());
        e.done = l.done;
        e.total = l.total;
    }

    @Override
    public Job get(long id) {
        Caller caller = CallerContext.current();
        JobEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(JobEntity.class, id));
        if (e == null || !sees(caller, e)) {
            throw PlatformErrors.JOB_NOT_FOUND.error("no job " + id);
        }
        return dto(e, live.get(id));
    }

    @Override
    public Page<Job> list(String type, int page, int size) {
        Caller caller = CallerContext.current();
        Page.check(page, size);
        PagedQuery select = PagedQuery.of("JobEntity", "j").filter(type, "j.type = :type", "type");
        if (!caller.seesAllStores()) {
            select.where("j.ownerIdentity = :owner", "owner", caller.identity());
        }
        return jpa.txExpr(TransactionType.Supports, em -> select.page(em, JobEntity.class, "j.id DESC", page, size)
                .map(e -> dto(e, live.get(e.id))));
    }

    @Override
    public Page<Job> mine(String type, int page, int size) {
        Caller caller = CallerContext.current();
        Page.check(page, size);
        PagedQuery select = PagedQuery.of("JobEntity", "j").filter(type, "j.type = :type", "type")
                .where("j.ownerIdentity = :owner", "owner", caller.identity());
        return jpa.txExpr(TransactionType.Supports, em -> select.page(em, JobEntity.class, "j.id DESC", page, size)
                .map(e -> dto(e, live.get(e.id))));
    }

    @Override
    public JobResult result(long id) {
        Job job = get(id);
        JobEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(JobEntity.class, id));
        if (job.status != Job.Status.SUCCEEDED || e.resultPath == null || !Files.isRegularFile(Paths.get(e.resultPath))) {
            throw PlatformErrors.JOB_RESULT_NOT_FOUND.error("job " + id + " has no result file (status " + job.status + ")");
        }
        return new JobResult(Paths.get(e.resultPath), e.resultName, e.resultType);
    }

    private static boolean sees(Caller caller, JobEntity e) {
        return caller.seesAllStores() || caller.identity().equals(e.ownerIdentity);
    }

    private static Job dto(JobEntity e, Live l) {
        Job j = new Job();
        j.id = e.id;
        j.type = e.type;
        j.description = e.description;
        j.reference = e.reference;
        j.owner = e.ownerLabel;
        j.message = e.message;
        j.createdAt = BusinessTime.offset(e.createdAt);
        j.startedAt = e.startedAt == null ? null : BusinessTime.offset(e.startedAt);
        j.finishedAt = e.finishedAt == null ? null : BusinessTime.offset(e.finishedAt);
        Job.Status status = Job.Status.valueOf(e.status);
        if (l != null && !status.finished()) {
            j.status = l.status;
            j.counters.putAll(l.counters());
            j.done = l.done;
            j.total = l.total;
        } else {
            j.status = status;
            if (e.counters != null) {
                j.counters.putAll(readCounters(e.counters));
            }
            j.done = e.done;
            j.total = e.total;
        }
        if (j.status == Job.Status.SUCCEEDED) {
            j.percent = 100;
        } else if (j.total != null && j.total > 0 && j.done != null) {
            j.percent = (int) Math.min(99, j.done * 100 / j.total);
        }
        if (e.resultPath != null) {
            j.resultName = e.resultName;
            j.resultUrl = Endpoints.REST_BASE + "/jobs/" + e.id + "/result";
            j.resultExpiresAt = e.finishedAt == null ? null : BusinessTime.offset(e.finishedAt.plusDays(resultDays));
        }
        return j;
    }

    private static Map<String, Long> readCounters(String json) {
        try {
            return Json.MAPPER.readValue(json, COUNTERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running job's progress as its work reports it. */
    private final class Live implements JobProgress {
        final long id;
        volatile Job.Status status = Job.Status.QUEUED;
        volatile Long total;
        volatile Long done;
        volatile boolean dirty;
        private final Map<String, Long> counters = new LinkedHashMap<>();
        volatile Path resultPath;
        volatile String resultName;
        volatile String resultType;

        Live(long id) {
            this.id = id;
        }

        synchronized Map<String, Long> counters() {
            return new LinkedHashMap<>(counters);
        }

        @Override
        public void total(long units) {
            total = units;
            dirty = true;
        }

        @Override
        public void done(long units) {
            done = units;
            dirty = true;
        }

        @Override
        public synchronized void counter(String name, long value) {
            counters.put(name, value);
            dirty = true;
        }

        @Override
        public Path resultFile(String fileName, String contentType) {
            String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
            Path dir = folder.resolve(Long.toString(id));
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            resultPath = dir.resolve(safe);
            resultName = safe;
            resultType = contentType;
            return resultPath;
        }
    }

    private static final class JobFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
