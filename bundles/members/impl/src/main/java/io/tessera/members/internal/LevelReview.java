package io.tessera.members.internal;

import io.tessera.members.internal.jpa.LevelReviewEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.schedule.ScheduledTask;
import java.time.LocalDate;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scheduled task "members.levels.review" (hourly): under {@code levels.review=YEARLY}, the first run on or after the
 * review day of a year moves members down to the level their experience since the last review reaches and starts a
 * new period ({@link LevelServiceImpl#review}), in one transaction with the year's MBR_LEVEL_REVIEW row: a second run,
 * a restart or a second node finds the year done (or fails on its key and changes nothing).
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=members.levels.review", ScheduledTask.INTERVAL + "=PT1H"})
public class LevelReview implements ScheduledTask {

    private final JpaTemplate jpa;
    private final MemberSettings settings;

    @Activate
    public LevelReview(@Reference(target = "(osgi.unit.name=tessera-members)") JpaTemplate jpa, @Reference MemberSettings settings) {
        this.jpa = jpa;
        this.settings = settings;
    }

    @Override
    public String run() {
        MemberSettings.Review r = settings.review();
        if (!r.yearly()) {
            return "no yearly review (levels.review=NONE)";
        }
        LocalDate today = BusinessTime.today();
        LocalDate due = LevelRules.reviewDay(today.getYear(), r.month(), r.day());
        if (today.isBefore(due)) {
            return "the review of " + today.getYear() + " is due on " + due;
        }
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                if (em.find(LevelReviewEntity.class, today.getYear()) != null) {
                    return "the review of " + today.getYear() + " is done";
                }
                LevelReviewEntity done = new LevelReviewEntity();
                done.year = today.getYear();
                done.doneAt = BusinessTime.now();
                em.persist(done);
                em.flush();
                done.moved = LevelServiceImpl.review(em);
                return "review of " + done.year + ": " + done.moved + " member(s) moved down, a new period begins";
            });
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                return "the review of " + today.getYear() + " was done by another node";
            }
            throw e;
        }
    }
}
