package io.tessera.members.internal;

import io.tessera.members.api.MemberEvents;
import io.tessera.members.internal.jpa.MemberEntity;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.api.events.EventPublisher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "members.experience": a member's paid sale gives experience (per yuan paid through the tenders that
 * count, {@link MemberSettings}) and upgrades at once; a refund takes its share back (never below 0, never a
 * downgrade). Once per order and per refund (MBR_EXPERIENCE's unique source and reference), in the delivery's
 * transaction. Reads the payments' payloads with classes of its own: members need no payments bundle.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=members.experience",
        EventConsumer.TOPICS + "=payments.order_paid,payments.order_refunded"})
public class ExperienceBook implements EventConsumer {

    static final String SALE = "SALE";
    static final String REFUND = "REFUND";

    private final JpaTemplate jpa;
    private final MemberSettings settings;
    private final EventPublisher events;

    /** What experience reads of an order. */
    public static class Order {
        public String orderNo;
        public Long memberId;
        public String kind;
        public List<Tender> tenders;
    }

    public static class Tender {
        public String method;
        public BigDecimal amount;
        public BigDecimal refunded;
        public String status;
    }

    /** What experience reads of a refund's event. */
    public static class Refunded {
        public Refund refund;
        public Order order;
    }

    public static class Refund {
        public String refundNo;
    }

    @Activate
    public ExperienceBook(@Reference(target = "(osgi.unit.name=tessera-members)") JpaTemplate jpa, @Reference MemberSettings settings,
                          @Reference EventPublisher events) {
        this.jpa = jpa;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public void consume(Event event) {
        jpa.tx(TransactionType.Mandatory, em -> {
            if ("payments.order_paid".equals(event.topic())) {
                Order o = event.payload(Order.class);
                MemberEntity m = member(em, o);
                if (m != null) {
                    Long before = m.levelId;
                    long earned = ExperienceRule.earned(base(o, false), settings.experience().perYuan());
                    LevelServiceImpl.grant(em, m, earned, SALE, o.orderNo, settings.review().yearly());
                    if (!Objects.equals(before, m.levelId)) {
                        MemberEvents.LevelChanged c = new MemberEvents.LevelChanged();
                        c.memberId = m.id;
                        c.fromLevelId = before;
                        c.toLevelId = m.levelId;
                        events.publish(MemberEvents.LEVEL_CHANGED, "member:" + m.id, c);
                    }
                }
            } else if ("payments.order_refunded".equals(event.topic())) {
                Refunded r = event.payload(Refunded.class);
                MemberEntity m = member(em, r.order);
                if (m != null) {
                    takeBack(em, m, r);
                }
            }
        });
    }

    /** The order's sale experience as granted, then the share the refunds so far make, less what earlier refunds took. */
    private void takeBack(EntityManager em, MemberEntity m, Refunded r) {
        List<Long> granted = em.createQuery("SELECT x.amount FROM ExperienceEntity x WHERE x.source = :s AND x.reference = :r", Long.class)
                .setParameter("s", SALE).setParameter("r", r.order.orderNo).getResultList();
        if (granted.isEmpty() || granted.get(0) <= 0) {
            return;
        }
        // SUM of a BIGINT is a NUMERIC on PostgreSQL: read as a Number.
        long before = em.createQuery("SELECT COALESCE(SUM(x.amount), 0) FROM ExperienceEntity x WHERE x.source = :s AND x.reference LIKE :r",
                Number.class).setParameter("s", REFUND).setParameter("r", r.order.orderNo + "/%").getSingleResult().longValue();
        long target = ExperienceRule.takenBack(granted.get(0), base(r.order, false), base(r.order, true));
        long more = target + before;
        if (more > 0) {
            LevelServiceImpl.grant(em, m, -more, REFUND, r.order.orderNo + "/" + r.refund.refundNo, settings.review().yearly());
        }
    }

    private static MemberEntity member(EntityManager em, Order o) {
        if (o == null || o.memberId == null || !SALE.equals(o.kind)) {
            return null;
        }
        return em.find(MemberEntity.class, o.memberId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** In fen: what the counted tenders paid, or ({@code refunded}) what refunds gave back of them. */
    private long base(Order o, boolean refunded) {
        long fen = 0;
        for (Tender t : o.tenders) {
            if ("SUCCEEDED".equals(t.status) && settings.experience().counts(t.method)) {
                BigDecimal v = refunded ? t.refunded : t.amount;
                fen += v == null ? 0 : v.movePointRight(2).longValueExact();
            }
        }
        return fen;
    }
}
