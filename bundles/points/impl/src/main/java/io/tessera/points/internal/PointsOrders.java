package io.tessera.points.internal;

import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.payments.api.spi.RefundView;
import io.tessera.platform.api.events.Event;
import io.tessera.platform.api.events.EventConsumer;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Consumer "points.orders": a paid sale earns its points, a refund takes them back ({@link Earnings}), and what
 * checkout could not tell the points while their feature was not installed is applied late: an order's points
 * used when it is paid, given back when it closed unpaid or was refunded ({@link Spends}). All in the
 * delivery's transaction — the points and the record that the event was consumed commit together, so a crash
 * between payment and points means the event comes again after restart and the points are credited once.
 * Events of one order arrive in order, so a refund always finds its order's earning.
 */
@Component(service = EventConsumer.class, property = {EventConsumer.NAME + "=points.orders",
        EventConsumer.TOPICS + "=" + PaymentEvents.ORDER_PAID + "," + PaymentEvents.ORDER_CLOSED + "," + PaymentEvents.ORDER_REFUNDED})
public class PointsOrders implements EventConsumer {

    private final JpaTemplate jpa;
    private final Earnings earnings;
    private final Spends spends;

    @Activate
    public PointsOrders(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference PointsSettings settings,
                        @Reference EventPublisher events, @Reference UnitOfWork work, @Reference MemberService members, @Reference OrgService org) {
        this.jpa = jpa;
        PointsPostings postings = new PointsPostings(events);
        Accounts accounts = new Accounts(jpa, work, settings);
        this.earnings = new Earnings(postings, accounts, settings, members, org);
        this.spends = new Spends(postings, accounts, settings, members);
    }

    @Override
    public void consume(Event event) {
        jpa.tx(TransactionType.Mandatory, em -> {
            switch (event.topic()) {
                case PaymentEvents.ORDER_PAID -> {
                    Order o = event.payload(Order.class);
                    spends.commit(em, o.orderNo);
                    earnings.paid(em, o);
                }
                case PaymentEvents.ORDER_CLOSED -> spends.release(em, event.payload(Order.class).orderNo);
                case PaymentEvents.ORDER_REFUNDED -> {
                    PaymentEvents.Refunded r = event.payload(PaymentEvents.Refunded.class);
                    if (r.refund.reversals == null || r.refund.reversals.stream().noneMatch(v -> "POINTS".equals(v.source))) {
                        spends.reverse(em, r.order.orderNo, RefundView.of(r.refund, r.order), true);
                    }
                    earnings.refunded(em, r);
                }
                default -> {
                    // subscribed to these three only
                }
            }
        });
    }
}
