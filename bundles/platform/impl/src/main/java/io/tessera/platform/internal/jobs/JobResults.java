package io.tessera.platform.internal.jobs;

import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.schedule.ScheduledTask;
import io.tessera.platform.internal.jpa.JobEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task "jobs.results.expire": the result files of jobs finished more than {@code resultDays} ago
 * (etc/io.tessera.jobs.cfg) are deleted and their jobs no longer offer a result (404 JOB_RESULT_NOT_FOUND).
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=jobs.results.expire", ScheduledTask.INTERVAL + "=PT1H"})
public class JobResults implements ScheduledTask {

    private static final Logger LOG = LoggerFactory.getLogger(JobResults.class);
    private static final int BATCH = 500;

    private final JpaTemplate jpa;

    @Activate
    public JobResults(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public String run() {
        int days = JobServiceImpl.resultDays();
        List<JobEntity> due = jpa.txExpr(TransactionType.Required, em -> em.createQuery("SELECT j FROM JobEntity j WHERE j.resultPath IS NOT NULL "
                + "AND j.finishedAt < :before ORDER BY j.id", JobEntity.class).setParameter("before", BusinessTime.now().minusDays(days))
                .setMaxResults(BATCH).getResultList());
        int deleted = 0;
        for (JobEntity j : due) {
            Path folder = Paths.get(j.resultPath).getParent();
            try {
                if (folder != null && Files.isDirectory(folder)) {
                    try (Stream<Path> walk = Files.walk(folder)) {
                        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            } catch (IOException e) {
                LOG.warn("The result of job {} could not be deleted: {}", j.id, e.toString());
                continue;
            }
            jpa.tx(TransactionType.Required, em -> em.find(JobEntity.class, j.id).resultPath = null);
            deleted++;
        }
        return deleted + " job result file(s) older than " + days + " day(s) deleted";
    }
}
