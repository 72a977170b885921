package io.tessera.platform.internal.jobs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.jobs.Job;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A job submitted inside a transaction starts when that transaction commits — its row and what the caller wrote are
 * there to be read — and never if it rolls back; outside one it starts at once. On a real database (Derby, the
 * platform's changelog), the caller's transaction played by a stand-in transaction manager.
 */
public class JobsAfterCommitTest {

    private static final Caller HQ = new Caller(Caller.Kind.OPERATOR, 1, "hq", "H1", EnumSet.of(Role.HQ_ADMIN), Set.of());

    private UnitDatabase db;
    private JobServiceImpl jobs;
    private int status;
    private Synchronization registered;

    @Before
    public void setUp() {
        System.setProperty("karaf.data", "target/karaf-data");
        db = UnitDatabase.create("tessera-platform");
        CallerContext.set(HQ);
        Transaction tx = Stub.of(Transaction.class).on("registerSynchronization", a -> {
            registered = (Synchronization) a[0];
            return null;
        }).build();
        TransactionManager tm = Stub.of(TransactionManager.class).on("getStatus", a -> status).on("getTransaction", a -> tx).build();
        JobServiceImpl.Config config = Stub.of(JobServiceImpl.Config.class).on("threads", a -> 2).on("resultDays", a -> 7)
                .on("folder", a -> "").build();
        jobs = new JobServiceImpl(db.jpa(), tm, config);
    }

    @After
    public void tearDown() {
        jobs.deactivate();
        CallerContext.clear();
        db.close();
    }

    /**
     * Nodes share the jobs: a node that starts (or the task jobs.orphans) ends only the jobs whose node stopped
     * writing its heartbeat, never one another node is still running.
     */
    @Test
    public void onlyJobsWhoseNodeStoppedAreMarkedFailed() {
        java.time.LocalDateTime now = io.tessera.platform.api.BusinessTime.now();
        long alive = job("node-b", now, now);
        long dead = job("node-c", now.minusSeconds(60), now.minusSeconds(90));
        // Without a heartbeat: an older build's job, which may still run during a rolling upgrade, unless hours old.
        long olderBuild = job(null, null, now.minusMinutes(10));
        long old = job(null, null, now.minusHours(7));
        assertEquals(2, JobServiceImpl.failOrphans(db.jpa()));
        assertEquals("RUNNING", status(alive));
        assertEquals("FAILED", status(dead));
        assertEquals("RUNNING", status(olderBuild));
        assertEquals("FAILED", status(old));
        assertTrue(db.jpa().txExpr(org.apache.aries.jpa.template.TransactionType.Supports,
                em -> em.find(io.tessera.platform.internal.jpa.JobEntity.class, dead).message).contains("node"));
    }

    private long job(String node, java.time.LocalDateTime heartbeat, java.time.LocalDateTime created) {
        io.tessera.platform.internal.jpa.JobEntity e = new io.tessera.platform.internal.jpa.JobEntity();
        e.type = "test.job";
        e.status = "RUNNING";
        e.ownerKind = "OPERATOR";
        e.ownerId = 1;
        e.ownerIdentity = "OPERATOR:1:hq";
        e.ownerLabel = "hq";
        e.createdAt = created;
        e.node = node;
        e.heartbeatAt = heartbeat;
        db.jpa().tx(org.apache.aries.jpa.template.TransactionType.Required, em -> em.persist(e));
        return e.id;
    }

    private String status(long id) {
        return db.jpa().txExpr(org.apache.aries.jpa.template.TransactionType.Supports,
                em -> em.find(io.tessera.platform.internal.jpa.JobEntity.class, id).status);
    }

    @Test
    public void outsideATransactionTheWorkStartsAtOnce() throws Exception {
        status = Status.STATUS_NO_TRANSACTION;
        CountDownLatch ran = new CountDownLatch(1);
        Job job = jobs.submit("test.job", "at once", null, p -> {
            ran.countDown();
            return "done";
        });
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertEquals(null, registered);
        assertEquals(Job.Status.QUEUED, job.status);
    }

    @Test
    public void insideATransactionTheWorkStartsWhenItCommits() throws Exception {
        status = Status.STATUS_ACTIVE;
        CountDownLatch ran = new CountDownLatch(1);
        Job job = jobs.submit("test.job", "after commit", null, p -> {
            ran.countDown();
            return "done";
        });
        assertNotNull("the job waits for the caller's transaction", registered);
        assertFalse("not before the commit", ran.await(300, TimeUnit.MILLISECONDS));
        registered.afterCompletion(Status.STATUS_COMMITTED);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 100 && !jobs.get(job.id).status.finished(); i++) {
            Thread.sleep(50);
        }
        assertEquals(Job.Status.SUCCEEDED, jobs.get(job.id).status);
    }

    @Test
    public void insideATransactionThatRollsBackTheWorkNeverStarts() throws Exception {
        status = Status.STATUS_ACTIVE;
        CountDownLatch ran = new CountDownLatch(1);
        jobs.submit("test.job", "rolled back", null, p -> {
            ran.countDown();
            return "done";
        });
        registered.afterCompletion(Status.STATUS_ROLLEDBACK);
        assertFalse(ran.await(500, TimeUnit.MILLISECONDS));
    }
}
