package io.tessera.payments.internal;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderState;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.payments.api.spi.DiscountCollaborator;
import io.tessera.payments.internal.jpa.LineDiscountEntity;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.payments.internal.pricing.Pricing;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.events.EventPublisher;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.persistence.EntityManager;

/**
 * Closing an unpaid order (cancelled, or past its expiry) and finding the collaborators an order's discounts
 * came from. A plain object shared by the use cases and the expiry task.
 */
final class Closing {

    private final EventPublisher events;
    private final Collaborators collaborators;

    Closing(EventPublisher events, Collaborators collaborators) {
        this.events = events;
        this.collaborators = collaborators;
    }

    /** Closes a locked CREATED order: its discounts' reservations are released; published as payments.order_closed. */
    Order close(EntityManager em, OrderEntity o, String reason) {
        for (DiscountCollaborator c : used(em, o)) {
            c.release(o.orderNo);
        }
        o.state = OrderState.CLOSED.name();
        o.closedAt = BusinessTime.now();
        if (o.remark == null) {
            o.remark = reason;
        }
        Order closed = Orders.dto(em, o);
        events.publish(PaymentEvents.ORDER_CLOSED, "order:" + o.orderNo, closed);
        return closed;
    }

    /** The collaborators whose discounts the order carries (installed now). */
    Set<DiscountCollaborator> used(EntityManager em, OrderEntity o) {
        return used(Orders.discounts(em, o.id));
    }

    /** The collaborators (installed now) of these discounts of an order. */
    Set<DiscountCollaborator> used(List<LineDiscountEntity> discounts) {
        Set<DiscountCollaborator> set = new LinkedHashSet<>();
        for (LineDiscountEntity d : discounts) {
            if (!Pricing.LEVEL.equals(d.source)) {
                collaborators.bySource(d.source).ifPresent(set::add);
            }
        }
        return set;
    }
}
