package io.tessera.marketing.internal;

import io.tessera.marketing.api.ActivityStatus;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.MarketingErrors;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.api.Send;
import io.tessera.marketing.api.SendService;
import io.tessera.marketing.api.SendState;
import io.tessera.marketing.internal.jpa.ActivityEntity;
import io.tessera.marketing.internal.jpa.SendEntity;
import io.tessera.members.api.LevelService;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.jobs.JobService;
import io.tessera.platform.api.work.UnitOfWork;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Direct sends (直接送券): headquarters send a COUPON_SEND activity's rewards to a segment. A send is written
 * SCHEDULED (at runAt, or now); it starts by a conditional update SCHEDULED → RUNNING — at once for a send now,
 * else by the task marketing.sends — and a job walks the segment ({@link SendRun}). The job is submitted outside
 * any transaction (a job looks for its row at once). Also the service the task starts sends through.
 */
@Component(service = {SendService.class, SendServiceImpl.class})
public class SendServiceImpl implements SendService {

    static final String JOB_TYPE = "marketing.send";

    private final JpaTemplate jpa;
    private final UnitOfWork work;
    private final JobService jobs;
    private final SendRun run;

    private final OrgService org;
    private final LevelService levels;

    @Activate
    public SendServiceImpl(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference UnitOfWork work,
                           @Reference JobService jobs, @Reference MemberService members, @Reference RewardDelivery delivery,
                           @Reference OrgService org, @Reference LevelService levels) {
        this.jpa = jpa;
        this.work = work;
        this.jobs = jobs;
        this.org = org;
        this.levels = levels;
        this.run = new SendRun(jpa, new Segments(jpa, members), new Occasions(jpa, work), delivery);
    }

    @Override
    public Send send(Requests.SendRequest r, String key) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN);
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        long activityId = Checks.required("activityId", r.activityId);
        SendEntity e = new SendEntity();
        Segments.apply(r.segment, e);
        if (e.storeId != null && org.findStore(e.storeId).isEmpty()) {
            throw Segments.invalid("segment.storeId", "no store " + e.storeId);
        }
        if (e.levelId != null && levels.list().stream().noneMatch(l -> l.id != null && l.id.longValue() == e.levelId)) {
            throw Segments.invalid("segment.levelId", "no level " + e.levelId);
        }
        LocalDateTime now = BusinessTime.now();
        LocalDateTime runAt = r.runAt == null ? now : ActivityForm.local(r.runAt);
        Send created = work.run("marketing.sends.create", key, r, Send.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity a = Activities.find(em, activityId);
            if (!ActivityType.COUPON_SEND.name().equals(a.type)) {
                throw Segments.invalid("activityId", "activity " + activityId + " is a " + a.type + " activity: sends are of COUPON_SEND activities");
            }
            if (ActivityStatus.ENDED.name().equals(a.status) || ActivityStatus.DRAFT.name().equals(a.status)) {
                throw MarketingErrors.ACTIVITY_NOT_ACTIVE.at("activityId", "activity " + activityId + " is " + a.status);
            }
            if (!runAt.isBefore(a.endsAt) || runAt.isBefore(now.minusMinutes(1)) || runAt.isBefore(a.startsAt)) {
                throw Segments.invalid("runAt", "a send runs from now, within the activity's window (" + BusinessTime.offset(a.startsAt) + " to "
                        + BusinessTime.offset(a.endsAt) + ")");
            }
            e.activityId = activityId;
            e.runAt = runAt.isBefore(now) ? now : runAt;
            e.state = SendState.SCHEDULED.name();
            e.keyHash = digest(caller.identity() + "|" + key);
            e.createdBy = caller.label();
            e.createdAt = now;
            em.persist(e);
            em.flush();
            return dto(e);
        }));
        if (!created.runAt.toLocalDateTime().isAfter(now)) {
            start(created.id);
            return get(created.id);
        }
        return created;
    }

    @Override
    public Send get(long id) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        return jpa.txExpr(TransactionType.Required, em -> dto(find(em, id)));
    }

    @Override
    public Page<Send> list(Long activityId, int page, int size) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Page.check(page, size);
        return jpa.txExpr(TransactionType.Required, em -> PagedQuery.of("SendEntity", "s").filter(activityId, "s.activityId = :a", "a")
                .page(em, SendEntity.class, "s.id DESC", page, size).map(SendServiceImpl::dto));
    }

    @Override
    public Send cancel(long id) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        return jpa.txExpr(TransactionType.Required, em -> {
            int moved = em.createQuery("UPDATE SendEntity s SET s.state = 'CANCELLED', s.finishedAt = :now WHERE s.id = :id AND s.state = 'SCHEDULED'")
                    .setParameter("now", BusinessTime.now()).setParameter("id", id).executeUpdate();
            SendEntity e = find(em, id);
            em.refresh(e);
            if (moved == 0) {
                throw MarketingErrors.SEND_STATE_INVALID.at("state", "send " + id + " is " + e.state + ": only a SCHEDULED send is cancelled");
            }
            return dto(e);
        });
    }

    @Override
    public Send resume(long id) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        SendEntity e = jpa.txExpr(TransactionType.Required, em -> find(em, id));
        SendState from = SendState.valueOf(e.state);
        // A RUNNING send whose job ended without it (a restart cut it short), or whose job was never submitted (the node
        // stopped between its start and its job), is stopped in fact.
        boolean cutShort = from == SendState.RUNNING && (e.jobId != null ? jobs.get(e.jobId).status == Job.Status.FAILED
                : e.runAt.isBefore(BusinessTime.now().minusMinutes(5)));
        if (from != SendState.STOPPED && !cutShort) {
            throw MarketingErrors.SEND_STATE_INVALID.at("state", "send " + id + " is " + e.state + ": only a STOPPED send is resumed");
        }
        if (!start(id, from, e.jobId)) {
            throw MarketingErrors.SEND_STATE_INVALID.at("state", "send " + id + " changed meanwhile");
        }
        return get(id);
    }

    /** A SCHEDULED send started: see {@link #start(long, SendState, Long)}. */
    boolean start(long id) {
        return start(id, SendState.SCHEDULED, null);
    }

    /**
     * Moves the send from {@code from} (and the job it had, if any) to RUNNING without a job, once whoever asks — two
     * resumes of one send never both run — then submits its job: whether it did.
     */
    boolean start(long id, SendState from, Long hadJob) {
        int moved = jpa.txExpr(TransactionType.Required, em -> {
            var q = em.createQuery("UPDATE SendEntity s SET s.state = 'RUNNING', s.message = NULL, s.jobId = NULL WHERE s.id = :id"
                    + " AND s.state = :from AND " + (hadJob == null ? "s.jobId IS NULL" : "s.jobId = :job"))
                    .setParameter("id", id).setParameter("from", from.name());
            if (hadJob != null) {
                q.setParameter("job", hadJob);
            }
            return q.executeUpdate();
        });
        if (moved == 0) {
            return false;
        }
        SendEntity e = jpa.txExpr(TransactionType.Required, em -> find(em, id));
        Job job = jobs.submit(JOB_TYPE, "Rewards of activity " + e.activityId + " to segment " + e.segmentKind + " (send " + id + ")",
                String.valueOf(id), progress -> run.run(id, progress));
        jpa.tx(TransactionType.Required, em -> em.createQuery("UPDATE SendEntity s SET s.jobId = :job WHERE s.id = :id")
                .setParameter("job", job.id).setParameter("id", id).executeUpdate());
        return true;
    }

    /** The SCHEDULED sends due now, oldest first. */
    List<Long> due(int max) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("SELECT s.id FROM SendEntity s WHERE s.state = 'SCHEDULED'"
                + " AND s.runAt <= :now ORDER BY s.runAt, s.id", Long.class).setParameter("now", BusinessTime.now()).setMaxResults(max).getResultList());
    }

    static SendEntity find(EntityManager em, long id) {
        SendEntity e = em.find(SendEntity.class, id);
        if (e == null) {
            throw MarketingErrors.SEND_NOT_FOUND.error("no send " + id);
        }
        return e;
    }

    static Send dto(SendEntity e) {
        Send s = new Send();
        s.id = e.id;
        s.activityId = e.activityId;
        s.segment = Segments.dto(e);
        s.runAt = BusinessTime.offset(e.runAt);
        s.state = SendState.valueOf(e.state);
        s.jobId = e.jobId;
        s.reached = e.reached;
        s.rewarded = e.rewarded;
        s.skipped = e.skipped;
        s.message = e.message;
        s.createdBy = e.createdBy;
        s.createdAt = BusinessTime.offset(e.createdAt);
        s.finishedAt = BusinessTime.offset(e.finishedAt);
        return s;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
