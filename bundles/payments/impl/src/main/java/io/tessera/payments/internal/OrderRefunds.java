package io.tessera.payments.internal;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.channel.PaymentChannel;
import io.tessera.payments.api.channel.RefundRequest;
import io.tessera.payments.api.OrderState;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Requests;
import io.tessera.payments.api.TenderStatus;
import io.tessera.payments.api.spi.DiscountCollaborator;
import io.tessera.payments.api.spi.RefundView;
import io.tessera.payments.api.spi.Reversal;
import io.tessera.payments.internal.fees.Fees;
import io.tessera.payments.internal.jpa.LineDiscountEntity;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.payments.internal.jpa.OrderLineEntity;
import io.tessera.payments.internal.jpa.RefundEntity;
import io.tessera.payments.internal.jpa.RefundLineEntity;
import io.tessera.payments.internal.jpa.RefundReversalEntity;
import io.tessera.payments.internal.jpa.RefundTenderEntity;
import io.tessera.payments.internal.jpa.TenderEntity;
import io.tessera.payments.internal.pricing.Pricing;
import io.tessera.payments.internal.pricing.Refunds;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.wallets.api.WalletParticipant;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * The refund use case: by amount (spread over the lines by what each has left) or by lines and units (each
 * unit gives back what it was paid), never more than was paid per line and per tender, back to the
 * original tenders in proportion to what each has left; the discounts' domains decide what they give back.
 * Member stored value, cash and bank card refunds complete at once. A plain object of the checkout service.
 */
final class OrderRefunds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JpaTemplate jpa;
    private final UnitOfWork work;
    private final EventPublisher events;
    private final WalletParticipant wallets;
    private final Collaborators collaborators;
    private final Channels channels;
    private final Settlement settlement;

    OrderRefunds(JpaTemplate jpa, UnitOfWork work, EventPublisher events, WalletParticipant wallets, Collaborators collaborators,
                 Channels channels, Settlement settlement) {
        this.jpa = jpa;
        this.work = work;
        this.events = events;
        this.wallets = wallets;
        this.collaborators = collaborators;
        this.channels = channels;
        this.settlement = settlement;
    }

    Refund refund(String orderNo, Requests.Refund r, String key) {
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Caller caller = CallerContext.current();
        String reason = Checks.optionalText("reason", r.reason, 500);
        if ((r.amount == null) == (r.lines == null || r.lines.isEmpty())) {
            throw PlatformErrors.FIELD_REQUIRED.at("amount", "a refund names either an amount or lines, not both");
        }
        if (r.amount != null && !r.amount.isPositive()) {
            throw PlatformErrors.AMOUNT_INVALID.at("amount", "a refund's amount is more than 0");
        }
        Map<Integer, Long> units = new LinkedHashMap<>();
        if (r.amount == null) {
            for (int i = 0; i < r.lines.size(); i++) {
                String at = "lines[" + i + "]";
                Requests.RefundLineRequest l = Checks.required(at, r.lines.get(i));
                int no = Checks.required(at + ".lineNo", l.lineNo);
                long q = Checks.required(at + ".quantity", l.quantity);
                if (q < 1) {
                    throw PaymentErrors.REFUND_QUANTITY_EXCEEDED.at(at + ".quantity", "at least 1 unit");
                }
                if (units.put(no, q) != null) {
                    throw PaymentErrors.ORDER_LINES_INVALID.at(at + ".lineNo", "line " + no + " named twice");
                }
            }
        }
        boolean[] ran = {false};
        Refund first = work.run("payments.refund", key, new CheckoutServiceImpl.Keyed(orderNo, r), Refund.class,
                () -> jpa.txExpr(TransactionType.Required, em -> {
                    ran[0] = true;
                    OrderEntity o = Orders.find(em, caller, orderNo, true);
                    if (!OrderState.valueOf(o.state).refundable()) {
                        throw PaymentErrors.ORDER_NOT_REFUNDABLE.error("order " + o.orderNo + " is " + o.state);
                    }
                    return apply(em, caller, o, r.amount, units, reason);
                }));
        if (first.state != Refund.State.PROCESSING) {
            return first;
        }
        if (ran[0]) {
            // Committed: now each channel part is asked of its channel, outside any transaction.
            for (Refund.Part part : first.tenders) {
                if (part.state == Refund.State.PROCESSING && part.outRefundNo != null) {
                    ask(part);
                }
            }
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            RefundEntity re = em.createQuery("SELECT r FROM RefundEntity r WHERE r.refundNo = :n", RefundEntity.class)
                    .setParameter("n", first.refundNo).getSingleResult();
            return Orders.refund(em, re, first.orderNo);
        });
    }

    /** Asks a channel to refund a part (its out_refund_no makes a retry refund once) and applies its answer. */
    private void ask(Refund.Part part) {
        PaymentChannel channel = channels.find(part.method).orElse(null);
        if (channel == null) {
            return; // uninstalled since: the scheduler asks again once it is back
        }
        RefundRequest q = settlement.refundRequest(part.outRefundNo);
        settlement.refund(part.outRefundNo, Settlement.ask(() -> channel.refund(q), part.outRefundNo, "refund"), "refund answer");
    }

    private Refund apply(EntityManager em, Caller caller, OrderEntity o, Money amount, Map<Integer, Long> units, String reason) {
        List<OrderLineEntity> lines = Orders.lines(em, o.id);
        long[] back = new long[lines.size()];
        long[] returned = new long[lines.size()];
        if (amount != null) {
            long left = fen(o.paid) - fen(o.refunded);
            if (amount.toFen() > left) {
                throw PaymentErrors.ORDER_REFUND_EXCEEDS_PAID.at("amount", "at most " + Money.ofFen(left) + " is left to refund");
            }
            long[] room = new long[lines.size()];
            for (int i = 0; i < room.length; i++) {
                room[i] = fen(lines.get(i).payable) - fen(lines.get(i).refunded);
            }
            back = Refunds.spread(amount.toFen(), room);
        } else {
            int k = 0;
            for (Map.Entry<Integer, Long> u : units.entrySet()) {
                String at = "lines[" + k++ + "]";
                if (u.getKey() < 1 || u.getKey() > lines.size()) {
                    throw PaymentErrors.ORDER_LINES_INVALID.at(at + ".lineNo", "the order has lines 1 to " + lines.size());
                }
                OrderLineEntity l = lines.get(u.getKey() - 1);
                if (l.returnedQuantity + u.getValue() > l.quantity) {
                    throw PaymentErrors.REFUND_QUANTITY_EXCEEDED.at(at + ".quantity", "line " + l.lineNo + " has "
                            + (l.quantity - l.returnedQuantity) + " unit(s) left to return");
                }
                int i = u.getKey() - 1;
                returned[i] = u.getValue();
                back[i] = Refunds.forUnits(fen(l.payable), l.quantity, l.returnedQuantity, fen(l.refunded), u.getValue());
            }
        }
        // The discounts' domains decide first: a coupon whose threshold the kept goods no longer meet keeps money back.
        String refundNo = refundNo(o.orderNo);
        List<RefundReversalEntity> reversals = reverse(em, o, refundNo, lines, back, returned);
        for (RefundReversalEntity r : reversals) {
            adjust(lines, back, r);
        }
        long total = 0;
        for (long b : back) {
            total += b;
        }
        List<TenderEntity> tenders = new ArrayList<>();
        for (TenderEntity t : Orders.tenders(em, o.id)) {
            if (TenderStatus.SUCCEEDED.name().equals(t.status)) {
                tenders.add(t);
            }
        }
        long[] tenderRoom = new long[tenders.size()];
        for (int k = 0; k < tenderRoom.length; k++) {
            tenderRoom[k] = fen(tenders.get(k).amount) - fen(tenders.get(k).refunded);
        }
        long[] toTenders = Refunds.spread(total, tenderRoom);
        LocalDateTime now = BusinessTime.now();
        RefundEntity re = new RefundEntity();
        re.refundNo = refundNo;
        re.orderId = o.id;
        re.amount = Orders.fenToDecimal(total);
        re.state = Refund.State.SUCCEEDED.name();
        re.reason = reason;
        re.operator = caller.label();
        re.createdAt = now;
        re.doneAt = now;
        em.persist(re);
        em.flush();
        if (OrderKind.RECHARGE.name().equals(o.kind)) {
            if (total != fen(o.paid) || fen(o.refunded) != 0) {
                throw PaymentErrors.ORDER_REFUND_EXCEEDS_PAID.at("amount", "a recharge is refunded whole, or not at all");
            }
            // The stored value goes first (refused if part of it was spent); then the money goes back.
            wallets.reverseRecharge(o.walletEntryId, reason == null ? "refund " + re.refundNo : reason);
        }
        for (int k = 0; k < tenders.size(); k++) {
            if (toTenders[k] > 0) {
                refundTender(em, re, tenders.get(k), toTenders[k], reason, now);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (back[i] > 0 || returned[i] > 0) {
                OrderLineEntity l = lines.get(i);
                RefundLineEntity rl = new RefundLineEntity();
                rl.refundId = re.id;
                rl.lineNo = l.lineNo;
                rl.quantity = returned[i];
                rl.amount = Orders.fenToDecimal(back[i]);
                em.persist(rl);
                l.refunded = Orders.fenToDecimal(fen(l.refunded) + back[i]);
                l.returnedQuantity += returned[i];
            }
        }
        o.refunded = Orders.fenToDecimal(fen(o.refunded) + total);
        boolean allBack = lines.stream().allMatch(l -> l.returnedQuantity == l.quantity);
        boolean full = fen(o.refunded) == fen(o.paid) && (fen(o.paid) > 0 || allBack);
        o.state = (full ? OrderState.REFUNDED : OrderState.PARTIALLY_REFUNDED).name();
        for (RefundReversalEntity r : reversals) {
            r.refundId = re.id;
            em.persist(r);
        }
        em.flush();
        Refund refund = Orders.refund(em, re, o.orderNo);
        PaymentEvents.Refunded payload = new PaymentEvents.Refunded();
        payload.refund = refund;
        payload.order = Orders.dto(em, o);
        events.publish(PaymentEvents.ORDER_REFUNDED, "order:" + o.orderNo, payload);
        return refund;
    }

    private void refundTender(EntityManager em, RefundEntity re, TenderEntity t, long fen, String reason, LocalDateTime now) {
        RefundTenderEntity part = new RefundTenderEntity();
        part.refundId = re.id;
        part.tenderId = t.id;
        part.method = t.method;
        part.amount = Orders.fenToDecimal(fen);
        long feeBack = fen(t.fee) == 0 ? 0 : Fees.returned(fen(t.amount), fen(t.fee), t.feeRate, fen(t.refunded), fen(t.feeReturned), fen);
        part.feeReturned = Orders.fenToDecimal(feeBack);
        part.state = Refund.State.SUCCEEDED.name();
        part.createdAt = now;
        part.doneAt = now;
        PaymentMethod method = PaymentMethod.valueOf(t.method);
        switch (method) {
            case MEMBER -> part.walletEntryId = wallets.refund(t.walletEntryId, Money.ofFen(fen), reason).id;
            case CASH, POS_CARD -> {
                // Paid out at the till (cash) or refunded on the bank-card terminal: recorded here.
            }
            default -> {
                channels.require(method, "tenders");
                long parts = em.createQuery("SELECT COUNT(p) FROM RefundTenderEntity p WHERE p.refundId = :r", Long.class)
                        .setParameter("r", re.id).getSingleResult();
                part.outRefundNo = re.refundNo + "C" + (parts + 1);
                part.state = Refund.State.PROCESSING.name();
                part.doneAt = null;
                re.state = Refund.State.PROCESSING.name();
                re.doneAt = null;
            }
        }
        em.persist(part);
        em.flush(); // identity ids in tender order: the refund shows its parts so
        t.refunded = Orders.fenToDecimal(fen(t.refunded) + fen);
        t.feeReturned = Orders.fenToDecimal(fen(t.feeReturned) + feeBack);
    }

    /**
     * Asks every collaborator whose discount the order carries what it gives back (before the money is split
     * over the tenders, so its answer may change what each line gives back); its answers, to record.
     */
    private List<RefundReversalEntity> reverse(EntityManager em, OrderEntity o, String refundNo, List<OrderLineEntity> lines,
                                               long[] back, long[] returned) {
        List<LineDiscountEntity> discounts = Orders.discounts(em, o.id);
        Set<String> sources = new LinkedHashSet<>();
        for (LineDiscountEntity d : discounts) {
            if (!Pricing.LEVEL.equals(d.source)) {
                sources.add(d.source);
            }
        }
        long total = 0;
        for (long b : back) {
            total += b;
        }
        long refundedBefore = fen(o.refunded);
        boolean allBack = true;
        for (int i = 0; i < lines.size(); i++) {
            allBack &= lines.get(i).returnedQuantity + returned[i] == lines.get(i).quantity;
        }
        boolean full = refundedBefore + total == fen(o.paid) && (fen(o.paid) > 0 || allBack);
        List<RefundReversalEntity> answers = new ArrayList<>();
        for (String source : sources) {
            DiscountCollaborator c = collaborators.bySource(source).orElse(null);
            if (c == null) {
                continue; // its feature is gone: nothing to give back through it now; the refund still records the money
            }
            RefundView view = new RefundView();
            view.refundNo = refundNo;
            view.amount = Money.ofFen(total);
            view.paid = Money.of(o.paid);
            view.refundedBefore = Money.ofFen(refundedBefore);
            view.full = full;
            view.lines = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                OrderLineEntity l = lines.get(i);
                long taken = 0;
                for (LineDiscountEntity d : discounts) {
                    if (d.lineNo == l.lineNo && source.equals(d.source)) {
                        taken += fen(d.amount);
                    }
                }
                RefundView.Line line = new RefundView.Line();
                line.index = i;
                line.sku = l.sku;
                line.quantity = returned[i];
                line.amount = Money.ofFen(back[i]);
                line.lineQuantity = l.quantity;
                line.payable = Money.of(l.payable);
                line.returnedBefore = l.returnedQuantity;
                line.refundedBefore = Money.of(l.refunded);
                long payable = fen(l.payable);
                line.discount = Money.ofFen(payable > 0 ? Math.multiplyExact(taken, back[i]) / payable
                        : Math.multiplyExact(taken, returned[i]) / l.quantity);
                view.lines.add(line);
            }
            for (Reversal r : c.reverse(o.orderNo, view)) {
                RefundReversalEntity e = new RefundReversalEntity();
                e.source = source;
                e.reference = r.reference;
                e.action = r.action == null ? "NONE" : r.action;
                e.quantity = r.quantity;
                e.amount = r.amount == null ? null : r.amount.toBigDecimal();
                e.note = r.note;
                e.adjustment = adjustments(r.perLine, lines.size(), source);
                answers.add(e);
            }
        }
        return answers;
    }

    /** A reversal's per-line change, in fen (null when none). */
    private static long[] adjustments(List<Money> perLine, int lines, String source) {
        if (perLine == null || perLine.stream().allMatch(m -> m == null || m.toFen() == 0)) {
            return null;
        }
        if (perLine.size() != lines) {
            throw new IllegalStateException(source + " adjusts " + perLine.size() + " lines of " + lines);
        }
        long[] fen = new long[lines];
        for (int i = 0; i < lines; i++) {
            fen[i] = perLine.get(i) == null ? 0 : perLine.get(i).toFen();
        }
        return fen;
    }

    /** Applies a reversal's change to what each line gives back: never below zero, never above what the line has left. */
    private static void adjust(List<OrderLineEntity> lines, long[] back, RefundReversalEntity r) {
        if (r.adjustment == null) {
            return;
        }
        for (int i = 0; i < back.length; i++) {
            long now = back[i] + r.adjustment[i];
            long left = fen(lines.get(i).payable) - fen(lines.get(i).refunded);
            if (now < 0 || now > left) {
                throw PaymentErrors.ORDER_REFUND_EXCEEDS_PAID.at("lines", "line " + lines.get(i).lineNo + " would give back "
                        + Money.ofFen(now) + " of " + Money.ofFen(left) + " left after " + r.source + " " + r.action);
            }
            back[i] = now;
        }
        long sum = 0;
        for (long f : r.adjustment) {
            sum += f;
        }
        r.adjusted = Orders.fenToDecimal(sum);
    }

    /** A new refund no: "R", the order's day, 12 random digits. */
    static String refundNo(String orderNo) {
        return "R" + orderNo.substring(1, 7) + String.format("%012d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L));
    }

    private static long fen(BigDecimal d) {
        return Money.of(d).toFen();
    }
}
