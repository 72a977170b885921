package io.tessera.marketing.internal;

import io.tessera.marketing.internal.jpa.MemberSpendEntity;
import io.tessera.marketing.internal.jpa.SpendSourceEntity;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.api.work.UnitOfWork;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "marketing.spend": what each member paid in sales, less refunds, per month (MKT_MEMBER_SPEND), for the
 * SPEND segment of direct sends. A paid sale counts in the month it was paid, a refund in the month it was made;
 * each order and refund once (MKT_SPEND_SOURCE). Only what happened while marketing was installed is known.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=marketing.spend",
        EventConsumer.TOPICS + "=" + PaymentEvents.ORDER_PAID + "," + PaymentEvents.ORDER_REFUNDED})
public class MemberSpends implements EventConsumer {

    private final JpaTemplate jpa;
    private final RowsApart rows;

    /** What marketing reads of an order. */
    public static class OrderView {
        public String orderNo;
        public String kind;
        public Long memberId;
        public Money paid;
        public OffsetDateTime paidAt;
    }

    /** What marketing reads of a refund event. */
    public static class RefundedView {
        public RefundView refund;
        public OrderView order;
    }

    /** What marketing reads of a refund. */
    public static class RefundView {
        public String refundNo;
        public Money amount;
        public String state;
        public OffsetDateTime createdAt;
    }

    @Activate
    public MemberSpends(@Reference(target = "(osgi.unit.name=tessera-marketing)") JpaTemplate jpa, @Reference UnitOfWork work) {
        this.jpa = jpa;
        this.rows = new RowsApart(jpa, work);
    }

    @Override
    public void consume(Event event) {
        if (PaymentEvents.ORDER_PAID.equals(event.topic())) {
            OrderView o = event.payload(OrderView.class);
            if (o.memberId != null && "SALE".equals(o.kind) && o.paid != null && o.paid.isPositive()) {
                jpa.tx(TransactionType.Mandatory, em -> count(em, "order:" + o.orderNo, o.memberId, o.paidAt, o.paid.toBigDecimal()));
            }
        } else {
            RefundedView r = event.payload(RefundedView.class);
            if (r.order != null && r.refund != null && r.order.memberId != null && "SALE".equals(r.order.kind) && r.refund.amount != null
                    && r.refund.amount.isPositive()) {
                jpa.tx(TransactionType.Mandatory, em -> count(em, "refund:" + r.refund.refundNo, r.order.memberId, r.refund.createdAt,
                        r.refund.amount.toBigDecimal().negate()));
            }
        }
    }

    /** Counts {@code amount} (negative: a refund) in the member's month of {@code at}, once per source. */
    void count(EntityManager em, String source, long memberId, OffsetDateTime at, BigDecimal amount) {
        if (em.find(SpendSourceEntity.class, source) != null) {
            return;
        }
        SpendSourceEntity s = new SpendSourceEntity();
        s.source = source;
        s.countedAt = BusinessTime.now();
        em.persist(s);
        LocalDateTime when = at == null ? BusinessTime.now() : at.atZoneSameInstant(BusinessTime.ZONE).toLocalDateTime();
        int month = when.getYear() * 100 + when.getMonthValue();
        ensureRow(em, memberId, month);
        // Bound SQL (MemberSpendEntity's columns), not JPQL: on Derby EclipseLink writes a parameter inside arithmetic
        // into the text, and Derby compiled the statement anew for every amount.
        em.createNativeQuery("UPDATE MKT_MEMBER_SPEND SET PAID = PAID + ? WHERE MEMBER_ID = ? AND SPEND_MONTH = ?")
                .setParameter(1, amount).setParameter(2, memberId).setParameter(3, month).executeUpdate();
        em.flush();
    }

    private void ensureRow(EntityManager em, long memberId, int month) {
        rows.ensure(em, x -> exists(x, memberId, month), () -> {
            MemberSpendEntity row = new MemberSpendEntity();
            row.memberId = memberId;
            row.month = month;
            row.paid = BigDecimal.ZERO.setScale(2);
            return row;
        });
    }

    private static boolean exists(EntityManager em, long memberId, int month) {
        return !em.createQuery("SELECT s.id FROM MemberSpendEntity s WHERE s.memberId = :m AND s.month = :month", Long.class)
                .setParameter("m", memberId).setParameter("month", month).getResultList().isEmpty();
    }
}
