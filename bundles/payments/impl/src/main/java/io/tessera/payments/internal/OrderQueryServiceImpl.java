package io.tessera.payments.internal;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderQuery;
import io.tessera.payments.api.OrderQueryService;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.Refund;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.payments.internal.jpa.RefundEntity;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import java.util.ArrayList;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reading orders and refunds: a store's operators and clients see their stores' orders only. */
@Component(service = OrderQueryService.class)
public class OrderQueryServiceImpl implements OrderQueryService {

    private final JpaTemplate jpa;

    @Activate
    public OrderQueryServiceImpl(@Reference(target = "(osgi.unit.name=tessera-payments)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public Order get(String orderNo) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> Orders.dto(em, Orders.find(em, caller, orderNo, false)));
    }

    @Override
    public Page<Order> list(OrderQuery q) {
        Caller caller = CallerContext.current();
        OrderQuery query = q == null ? new OrderQuery() : q;
        PagedQuery select = PagedQuery.of("OrderEntity", "o");
        if (query.storeId != null) {
            caller.requireStore(query.storeId);
            select.where("o.storeId = :store", "store", query.storeId);
        }
        if (!caller.seesAllStores()) {
            List<Long> stores = new ArrayList<>(caller.getStoreIds());
            stores.add(-1L);
            select.where("o.storeId IN :stores", "stores", stores);
        }
        select.filter(query.memberId, "o.memberId = :member", "member")
                .filter(query.state == null ? null : query.state.name(), "o.state = :state", "state")
                .filter(query.kind == null ? null : query.kind.name(), "o.kind = :kind", "kind")
                .filter(query.posOrderNo, "o.posOrderNo = :pos", "pos")
                .filter(query.from == null ? null : query.from.atStartOfDay(), "o.createdAt >= :from", "from")
                .filter(query.to == null ? null : query.to.plusDays(1).atStartOfDay(), "o.createdAt < :to", "to");
        return jpa.txExpr(TransactionType.Supports, em -> {
            Page<OrderEntity> rows = select.page(em, OrderEntity.class, "o.createdAt DESC, o.id DESC", query.page, query.size);
            return new Page<>(Orders.dtos(em, rows.getItems()), rows.getPage(), rows.getSize(), rows.getTotal());
        });
    }

    @Override
    public List<Refund> refunds(String orderNo) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> {
            OrderEntity o = Orders.find(em, caller, orderNo, false);
            List<Refund> list = new ArrayList<>();
            for (RefundEntity r : em.createQuery("SELECT r FROM RefundEntity r WHERE r.orderId = :o ORDER BY r.id", RefundEntity.class)
                    .setParameter("o", o.id).getResultList()) {
                list.add(Orders.refund(em, r, o.orderNo));
            }
            return list;
        });
    }

    @Override
    public Refund refund(String refundNo) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<RefundEntity> found = em.createQuery("SELECT r FROM RefundEntity r WHERE r.refundNo = :no", RefundEntity.class)
                    .setParameter("no", refundNo == null ? "" : refundNo).getResultList();
            OrderEntity o = found.isEmpty() ? null : em.find(OrderEntity.class, found.get(0).orderId);
            if (o == null || !caller.canAccessStore(o.storeId)) {
                throw PaymentErrors.REFUND_NOT_FOUND.at("refundNo", "no refund " + refundNo);
            }
            return Orders.refund(em, found.get(0), o.orderNo);
        });
    }
}
