package io.tessera.payments.internal;

import io.tessera.payments.api.OrderFeed;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.payments.internal.jpa.RefundEntity;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Paid orders by id with their refunds: the orders and their rows in bulk, each refund with its parts. */
@Component(service = OrderFeed.class)
public class OrderFeedImpl implements OrderFeed {

    private final JpaTemplate jpa;

    @Activate
    public OrderFeedImpl(@Reference(target = "(osgi.unit.name=tessera-payments)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public Batch next(long cursor, int limit) {
        Caller caller = CallerContext.current();
        if (!caller.seesAllStores()) {
            throw TesseraException.forbidden("the order feed is for callers that see every store");
        }
        if (limit < 1 || limit > MAX) {
            throw PlatformErrors.PARAM_INVALID.at("limit", "between 1 and " + MAX);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<OrderEntity> orders = em.createQuery("SELECT o FROM OrderEntity o WHERE o.id > :c AND o.paidAt IS NOT NULL ORDER BY o.id",
                    OrderEntity.class).setParameter("c", cursor).setMaxResults(limit).getResultList();
            Batch b = new Batch();
            b.cursor = orders.isEmpty() ? cursor : orders.get(orders.size() - 1).id;
            if (orders.isEmpty()) {
                return b;
            }
            Map<Long, Item> byId = new HashMap<>();
            var dtos = Orders.dtos(em, orders);
            for (int i = 0; i < orders.size(); i++) {
                Item item = new Item();
                item.order = dtos.get(i);
                byId.put(orders.get(i).id, item);
                b.items.add(item);
            }
            for (RefundEntity r : em.createQuery("SELECT r FROM RefundEntity r WHERE r.orderId IN :ids ORDER BY r.id", RefundEntity.class)
                    .setParameter("ids", List.copyOf(byId.keySet())).getResultList()) {
                Item item = byId.get(r.orderId);
                item.refunds.add(Orders.refund(em, r, item.order.orderNo));
            }
            return b;
        });
    }
}
