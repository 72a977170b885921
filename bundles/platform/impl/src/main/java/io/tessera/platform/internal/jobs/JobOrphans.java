package io.tessera.platform.internal.jobs;

import io.tessera.platform.api.schedule.ScheduledTask;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Task "jobs.orphans": on nodes sharing a database, a job whose node died (kill -9, a power cut) would stay
 * RUNNING for good, its work gone with the node's memory. Any node running this task (one at a time) marks such
 * jobs FAILED once their heartbeat is older than {@link JobServiceImpl#STALE}, so that a clerk sees at once that
 * the job must be submitted again (a card import uploaded again takes the import over: the cards already written count as unchanged).
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=jobs.orphans", ScheduledTask.INTERVAL + "=PT15S"})
public class JobOrphans implements ScheduledTask {

    private final JpaTemplate jpa;

    @Activate
    public JobOrphans(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String run() {
        int failed = JobServiceImpl.failOrphans(jpa);
        return failed == 0 ? "no job lost its node" : failed + " job(s) whose node stopped marked FAILED";
    }
}
