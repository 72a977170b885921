package io.tessera.payments.internal;

import io.tessera.payments.api.Discount;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.OrderLine;
import io.tessera.payments.api.OrderState;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Tender;
import io.tessera.payments.api.TenderStatus;
import io.tessera.payments.api.spi.Reversal;
import io.tessera.payments.internal.jpa.LineDiscountEntity;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.payments.internal.jpa.OrderLineEntity;
import io.tessera.payments.internal.jpa.RefundEntity;
import io.tessera.payments.internal.jpa.RefundLineEntity;
import io.tessera.payments.internal.jpa.RefundReversalEntity;
import io.tessera.payments.internal.jpa.RefundTenderEntity;
import io.tessera.payments.internal.jpa.TenderEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

/**
 * Reading and locking orders, and writing them as the API shows them. Whoever may not see an order's
 * store is told it does not exist. A plain object shared by the use cases and the queries.
 */
final class Orders {

    private Orders() {
    }

    /** A new order and the lines and discounts this transaction wrote for it (no tenders yet). */
    record Rows(OrderEntity order, List<OrderLineEntity> lines, List<LineDiscountEntity> discounts) {
        Order dto() {
            return Orders.dto(order, lines, discounts, List.of());
        }
    }

    static OrderEntity find(EntityManager em, Caller caller, String orderNo, boolean lock) {
        List<OrderEntity> found = em.createQuery("SELECT o FROM OrderEntity o WHERE o.orderNo = :no", OrderEntity.class)
                .setParameter("no", orderNo == null ? "" : orderNo)
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE).getResultList();
        if (found.isEmpty() || !caller.canAccessStore(found.get(0).storeId)) {
            throw PaymentErrors.ORDER_NOT_FOUND.at("orderNo", "no order " + orderNo);
        }
        return found.get(0);
    }

    static List<OrderLineEntity> lines(EntityManager em, long orderId) {
        return em.createQuery("SELECT l FROM OrderLineEntity l WHERE l.orderId = :o ORDER BY l.lineNo", OrderLineEntity.class)
                .setParameter("o", orderId).getResultList();
    }

    static List<TenderEntity> tenders(EntityManager em, long orderId) {
        return em.createQuery("SELECT t FROM TenderEntity t WHERE t.orderId = :o ORDER BY t.id", TenderEntity.class)
                .setParameter("o", orderId).getResultList();
    }

    static List<LineDiscountEntity> discounts(EntityManager em, long orderId) {
        return em.createQuery("SELECT d FROM LineDiscountEntity d WHERE d.orderId = :o ORDER BY d.step, d.lineNo", LineDiscountEntity.class)
                .setParameter("o", orderId).getResultList();
    }

    static Order dto(EntityManager em, OrderEntity e) {
        return dtos(em, List.of(e)).get(0);
    }

    /** Orders as the API shows them, their lines, discounts and tenders read in three queries for all of them. */
    static List<Order> dtos(EntityManager em, List<OrderEntity> orders) {
        List<Order> list = new ArrayList<>();
        if (orders.isEmpty()) {
            return list;
        }
        List<Long> ids = orders.stream().map(o -> o.id).toList();
        Map<Long, List<OrderLineEntity>> lines = em.createQuery("SELECT l FROM OrderLineEntity l WHERE l.orderId IN :o "
                        + "ORDER BY l.lineNo", OrderLineEntity.class).setParameter("o", ids).getResultStream()
                .collect(Collectors.groupingBy(l -> l.orderId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<LineDiscountEntity>> discounts = em.createQuery("SELECT d FROM LineDiscountEntity d WHERE d.orderId IN :o "
                        + "ORDER BY d.step, d.lineNo", LineDiscountEntity.class).setParameter("o", ids).getResultStream()
                .collect(Collectors.groupingBy(d -> d.orderId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<TenderEntity>> tenders = em.createQuery("SELECT t FROM TenderEntity t WHERE t.orderId IN :o ORDER BY t.id",
                TenderEntity.class).setParameter("o", ids).getResultStream()
                .collect(Collectors.groupingBy(t -> t.orderId, LinkedHashMap::new, Collectors.toList()));
        for (OrderEntity e : orders) {
            list.add(dto(e, lines.getOrDefault(e.id, List.of()), discounts.getOrDefault(e.id, List.of()),
                    tenders.getOrDefault(e.id, List.of())));
        }
        return list;
    }

    /**
     * The order as the API shows it from rows this transaction already holds (its lines by line no, its discounts
     * by step then line no, its tenders by id): the answer of a use case that wrote them, without reading them again.
     */
    static Order dto(OrderEntity e, List<OrderLineEntity> lineRows, List<LineDiscountEntity> discounts,
                     List<TenderEntity> tenderRows) {
        Order o = new Order();
        o.orderNo = e.orderNo;
        o.storeId = e.storeId;
        o.posOrderNo = e.posOrderNo;
        o.tillNo = e.tillNo;
        o.memberId = e.memberId;
        o.kind = OrderKind.valueOf(e.kind);
        o.state = OrderState.valueOf(e.state);
        o.source = e.source;
        o.pricedFor = methods(e.pricedFor);
        o.levelRate = e.levelRate;
        o.operator = e.operator;
        o.gross = Money.of(e.gross);
        o.discount = Money.of(e.discount);
        o.payable = Money.of(e.payable);
        o.paid = Money.of(e.paid);
        o.refunded = Money.of(e.refunded);
        o.remark = e.remark;
        o.walletEntryId = e.walletEntryId;
        o.formatCode = e.formatCode;
        o.createdAt = BusinessTime.offset(e.createdAt);
        o.expiresAt = BusinessTime.offset(e.expiresAt);
        o.paidAt = offset(e.paidAt);
        o.closedAt = offset(e.closedAt);
        Map<Integer, Discount> perStep = new LinkedHashMap<>();
        for (LineDiscountEntity d : discounts) {
            Discount step = perStep.computeIfAbsent(d.step, k -> new Discount(d.source, d.reference, Money.ZERO));
            step.amount = step.amount.plus(Money.of(d.amount));
        }
        o.discounts = new ArrayList<>(perStep.values());
        o.lines = new ArrayList<>();
        for (OrderLineEntity l : lineRows) {
            OrderLine line = new OrderLine();
            line.lineNo = l.lineNo;
            line.sku = l.sku;
            line.barcode = l.barcode;
            line.name = l.name;
            line.quantity = l.quantity;
            line.unitPrice = Money.of(l.unitPrice);
            line.amount = Money.of(l.amount);
            line.discount = Money.of(l.discount);
            line.payable = Money.of(l.payable);
            line.returnedQuantity = l.returnedQuantity;
            line.refunded = Money.of(l.refunded);
            line.discounts = new ArrayList<>();
            for (LineDiscountEntity d : discounts) {
                if (d.lineNo == l.lineNo && d.amount.signum() != 0) {
                    line.discounts.add(new Discount(d.source, d.reference, Money.of(d.amount)));
                }
            }
            o.lines.add(line);
        }
        o.tenders = new ArrayList<>();
        for (TenderEntity t : tenderRows) {
            o.tenders.add(tender(t));
        }
        return o;
    }

    static Tender tender(TenderEntity t) {
        Tender d = new Tender();
        d.id = t.id;
        d.method = PaymentMethod.valueOf(t.method);
        d.amount = Money.of(t.amount);
        d.status = TenderStatus.valueOf(t.status);
        d.feeRate = t.feeRate;
        d.fee = Money.of(t.fee);
        d.refunded = Money.of(t.refunded);
        d.feeReturned = Money.of(t.feeReturned);
        d.walletEntryId = t.walletEntryId;
        d.outTradeNo = t.outTradeNo;
        d.channelTradeNo = t.channelTradeNo;
        d.codeUrl = t.codeUrl;
        d.channelCode = t.channelCode;
        d.channelMessage = t.channelMessage;
        d.terminalRef = t.terminalRef;
        d.cashReceived = t.cashReceived == null ? null : Money.of(t.cashReceived);
        d.change = t.changeGiven == null ? null : Money.of(t.changeGiven);
        d.createdAt = BusinessTime.offset(t.createdAt);
        d.settledAt = offset(t.settledAt);
        return d;
    }

    static Refund refund(EntityManager em, RefundEntity r, String orderNo) {
        Refund d = new Refund();
        d.refundNo = r.refundNo;
        d.orderNo = orderNo;
        d.amount = Money.of(r.amount);
        d.state = Refund.State.valueOf(r.state);
        d.reason = r.reason;
        d.operator = r.operator;
        d.createdAt = BusinessTime.offset(r.createdAt);
        d.doneAt = offset(r.doneAt);
        d.lines = new ArrayList<>();
        for (RefundLineEntity l : em.createQuery("SELECT l FROM RefundLineEntity l WHERE l.refundId = :r ORDER BY l.lineNo",
                RefundLineEntity.class).setParameter("r", r.id).getResultList()) {
            Refund.Line line = new Refund.Line();
            line.lineNo = l.lineNo;
            line.quantity = l.quantity;
            line.amount = Money.of(l.amount);
            d.lines.add(line);
        }
        d.tenders = new ArrayList<>();
        for (RefundTenderEntity t : em.createQuery("SELECT t FROM RefundTenderEntity t WHERE t.refundId = :r ORDER BY t.id",
                RefundTenderEntity.class).setParameter("r", r.id).getResultList()) {
            Refund.Part p = new Refund.Part();
            p.tenderId = t.tenderId;
            p.method = PaymentMethod.valueOf(t.method);
            p.amount = Money.of(t.amount);
            p.feeReturned = Money.of(t.feeReturned);
            p.state = Refund.State.valueOf(t.state);
            p.walletEntryId = t.walletEntryId;
            p.outRefundNo = t.outRefundNo;
            p.channelRefundNo = t.channelRefundNo;
            p.channelMessage = t.channelMessage;
            d.tenders.add(p);
        }
        d.reversals = new ArrayList<>();
        for (RefundReversalEntity e : em.createQuery("SELECT e FROM RefundReversalEntity e WHERE e.refundId = :r ORDER BY e.id",
                RefundReversalEntity.class).setParameter("r", r.id).getResultList()) {
            Reversal v = new Reversal();
            v.source = e.source;
            v.reference = e.reference;
            v.action = e.action;
            v.quantity = e.quantity;
            v.amount = e.amount == null ? null : Money.of(e.amount);
            v.note = e.note;
            v.adjustment = e.adjusted == null ? null : Money.of(e.adjusted);
            d.reversals.add(v);
        }
        return d;
    }

    static List<PaymentMethod> methods(String csv) {
        List<PaymentMethod> list = new ArrayList<>();
        if (csv != null && !csv.isBlank()) {
            Arrays.stream(csv.split(",")).map(PaymentMethod::valueOf).forEach(list::add);
        }
        return list;
    }

    static BigDecimal fenToDecimal(long fen) {
        return Money.ofFen(fen).toBigDecimal();
    }

    private static java.time.OffsetDateTime offset(LocalDateTime t) {
        return t == null ? null : BusinessTime.offset(t);
    }
}
