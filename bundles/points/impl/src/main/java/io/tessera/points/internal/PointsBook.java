package io.tessera.points.internal;

import io.tessera.points.api.PointsEntry;
import io.tessera.points.api.PointsEvents;
import io.tessera.points.internal.jpa.MemberMonthEntity;
import io.tessera.points.internal.jpa.StatEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import java.util.List;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "points.book": the monthly statistics (PTS_STAT_MONTH, the store where it happened and the chain's row -1)
 * and each member's month (PTS_MEMBER_MONTH), from the points' own events, one event at a time in the delivery's
 * transaction — so each counts once, and no store-month row becomes a lock every till waits on.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=points.book", EventConsumer.TOPICS + "=" + PointsEvents.ALL})
public class PointsBook implements EventConsumer {

    /** The row of the whole chain. */
    static final long CHAIN = -1;

    private final JpaTemplate jpa;

    @Activate
    public PointsBook(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void consume(Event event) {
        PointsEntry e = event.payload(PointsEntry.class);
        long net = e.availableDelta + e.pendingDelta;
        if (e.type == null || net == 0) {
            return;
        }
        int month = month(e);
        jpa.tx(TransactionType.Mandatory, em -> {
            for (StatEntity s : List.of(stat(em, month, e.storeId), stat(em, month, CHAIN))) {
                switch (e.type) {
                    case EARN, ACTIVITY, GRANT -> s.issued += net;
                    case SPEND, EXCHANGE -> s.spent -= net;
                    case RELEASE -> s.released += net;
                    case PUT_BACK -> s.putBack += net;
                    case EXPIRE -> s.expired -= net;
                    case TAKE_BACK -> s.takenBack -= net;
                    case ADJUST -> s.adjusted += net;
                    default -> {
                        // ACTIVATE and SETTLE move nothing in or out
                    }
                }
            }
            switch (e.type) {
                case EARN, ACTIVITY, GRANT -> member(em, month, e.memberId).earned += net;
                case SPEND, EXCHANGE -> member(em, month, e.memberId).spent -= net;
                default -> {
                    // only earnings and spending count for top earners
                }
            }
            em.flush();
        });
    }

    static int month(PointsEntry e) {
        var at = e.createdAt == null ? BusinessTime.now() : e.createdAt.atZoneSameInstant(BusinessTime.ZONE).toLocalDateTime();
        return at.getYear() * 100 + at.getMonthValue();
    }

    private static StatEntity stat(EntityManager em, int month, long storeId) {
        List<StatEntity> found = em.createQuery("SELECT s FROM StatEntity s WHERE s.month = :m AND s.storeId = :s", StatEntity.class)
                .setParameter("m", month).setParameter("s", storeId).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        StatEntity s = new StatEntity();
        s.month = month;
        s.storeId = storeId;
        em.persist(s);
        return s;
    }

    private static MemberMonthEntity member(EntityManager em, int month, long memberId) {
        List<MemberMonthEntity> found = em.createQuery("SELECT m FROM MemberMonthEntity m WHERE m.month = :m AND m.memberId = :id",
                MemberMonthEntity.class).setParameter("m", month).setParameter("id", memberId).getResultList();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        MemberMonthEntity m = new MemberMonthEntity();
        m.month = month;
        m.memberId = memberId;
        em.persist(m);
        return m;
    }
}
