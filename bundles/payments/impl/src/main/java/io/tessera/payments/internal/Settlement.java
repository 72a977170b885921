package io.tessera.payments.internal;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.OrderState;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.channel.RefundRequest;
import io.tessera.payments.api.channel.RefundResult;
import io.tessera.payments.internal.jpa.RefundEntity;
import io.tessera.payments.internal.jpa.RefundTenderEntity;
import io.tessera.payments.api.TenderStatus;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.spi.PayerMembers;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.spi.DiscountCollaborator;
import io.tessera.payments.internal.fees.Fees;
import io.tessera.payments.internal.jpa.LineDiscountEntity;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.payments.internal.jpa.TenderEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.wallets.api.Movement;
import io.tessera.wallets.api.WalletParticipant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an order's payment ends, whoever learns the outcome first (the channel's answer to checkout, its
 * notification, the scheduler's query): every tender succeeded → stored-value holds captured, the other
 * tenders settled, discounts committed, a recharge credited, the order PAID and published, in one
 * transaction; a channel attempt failed → its holds released and the other tenders cancelled, the order
 * still payable. Each outcome is applied once, with the order row locked: a second word about a settled
 * tender changes nothing.
 */
@Component(service = Settlement.class)
public class Settlement {

    /** A payment the channel says it never received is given up only after this (its request may still be on its way). */
    static final Duration NOT_FOUND_GRACE = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);

    private final JpaTemplate jpa;
    private final WalletParticipant wallets;
    private final EventPublisher events;
    private final Closing closing;

    /** Marketing's pay-to-become-member, when installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile PayerMembers payers;

    @Activate
    public Settlement(@Reference(target = "(osgi.unit.name=tessera-payments)") JpaTemplate jpa, @Reference WalletParticipant wallets,
                      @Reference EventPublisher events, @Reference Collaborators collaborators) {
        this.jpa = jpa;
        this.wallets = wallets;
        this.events = events;
        this.closing = new Closing(events, collaborators);
    }

    Closing closing() {
        return closing;
    }

    /**
     * Applies what a channel said about the payment attempt {@code outTradeNo}, in a transaction of its own
     * (joining one if there is), and answers the order as it is then. 400 CHANNEL_NOTIFICATION_INVALID when
     * Tessera has no such attempt.
     */
    Order payment(String outTradeNo, ChannelResult r, String how) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<TenderEntity> found = em.createQuery("SELECT t FROM TenderEntity t WHERE t.outTradeNo = :n", TenderEntity.class)
                    .setParameter("n", outTradeNo).getResultList();
            if (found.isEmpty()) {
                throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("no payment " + outTradeNo + " of Tessera's");
            }
            OrderEntity o = em.find(OrderEntity.class, found.get(0).orderId, LockModeType.PESSIMISTIC_WRITE);
            TenderEntity t = found.get(0);
            em.refresh(t);
            apply(em, o, t, r, how);
            return Orders.dto(em, o);
        });
    }

    /** Applies a channel's word to a tender of a locked order. */
    void apply(EntityManager em, OrderEntity o, TenderEntity t, ChannelResult r, String how) {
        LocalDateTime now = BusinessTime.now();
        t.checkedAt = now;
        t.checks++;
        TenderStatus status = TenderStatus.valueOf(t.status);
        if (status.settled()) {
            if (r.state == ChannelState.SUCCEEDED && status != TenderStatus.SUCCEEDED && t.channelTradeNo == null) {
                lateRefund(em, o, t, r, how, now);
            }
            return;
        }
        switch (r.state) {
            case SUCCEEDED -> succeeded(em, o, t, r, now, how);
            case FAILED, CLOSED -> failed(em, o, t, r.channelCode, r.channelMessage, now);
            case NOT_FOUND -> {
                if (t.createdAt.plus(NOT_FOUND_GRACE).isBefore(now)) {
                    failed(em, o, t, "NOT_FOUND", "the channel never received this payment", now);
                }
            }
            case WAITING -> {
                t.status = TenderStatus.PENDING.name();
                if (r.codeUrl != null) {
                    t.codeUrl = r.codeUrl;
                }
            }
            case UNKNOWN -> {
                t.status = TenderStatus.UNKNOWN.name();
                t.channelCode = r.channelCode;
                t.channelMessage = r.channelMessage == null ? "the channel did not answer (" + how + "): asked again" : clip(r.channelMessage);
            }
            default -> throw new IllegalStateException("channel state " + r.state);
        }
    }

    private void succeeded(EntityManager em, OrderEntity o, TenderEntity t, ChannelResult r, LocalDateTime now, String how) {
        long amount = Money.of(t.amount).toFen();
        if (r.paidFen != null && r.paidFen != amount) {
            t.status = TenderStatus.UNKNOWN.name();
            t.channelMessage = "the channel says " + Money.ofFen(r.paidFen) + " was paid, not " + Money.ofFen(amount) + ": look at it";
            LOG.warn("Payment {} of order {}: the channel ({}) says {} fen were paid, the tender is {} fen", t.outTradeNo, o.orderNo, how,
                    r.paidFen, amount);
            return;
        }
        t.status = TenderStatus.SUCCEEDED.name();
        t.channelTradeNo = r.channelTradeNo;
        t.payerId = r.payerId == null || r.payerId.length() > 128 ? null : r.payerId;
        t.channelCode = null;
        t.channelMessage = null;
        t.fee = Orders.fenToDecimal(Fees.fee(amount, t.feeRate));
        t.settledAt = now;
        if (OrderState.CREATED.name().equals(o.state)) {
            complete(em, o, now);
        } else {
            t.status = TenderStatus.CANCELLED.name();
            t.channelTradeNo = null;
            lateRefund(em, o, t, r, how, now);
        }
    }

    /**
     * The channel took money for an attempt Tessera had given up (failed, cancelled, or its order closed or paid
     * otherwise meanwhile; e.g. an Alipay QR code scanned after its order closed): the whole amount goes back
     * through the channel at once, as a refund of the order (PROCESSING until the channel confirms) that is no part
     * of what the order was paid. Recorded once: the tender keeps the channel's trade no.
     */
    private void lateRefund(EntityManager em, OrderEntity o, TenderEntity t, ChannelResult r, String how, LocalDateTime now) {
        t.channelTradeNo = r.channelTradeNo == null ? "?" : r.channelTradeNo;
        RefundEntity re = new RefundEntity();
        re.refundNo = OrderRefunds.refundNo(o.orderNo);
        re.orderId = o.id;
        re.amount = t.amount;
        re.state = Refund.State.PROCESSING.name();
        re.reason = "paid at the channel after the attempt was given up (" + how + "): returned";
        re.operator = "payments";
        re.createdAt = now;
        em.persist(re);
        em.flush();
        RefundTenderEntity part = new RefundTenderEntity();
        part.refundId = re.id;
        part.tenderId = t.id;
        part.method = t.method;
        part.amount = t.amount;
        part.feeReturned = BigDecimal.ZERO.setScale(2);
        part.state = Refund.State.PROCESSING.name();
        part.outRefundNo = re.refundNo + "C1";
        part.createdAt = now;
        em.persist(part);
        t.channelMessage = "paid after Tessera gave it up: refund " + re.refundNo + " returns it";
        LOG.warn("Payment {} of order {} was paid at the channel after it was given up: refund {} returns it", t.outTradeNo,
                o.orderNo, re.refundNo);
    }

    private void failed(EntityManager em, OrderEntity o, TenderEntity t, String code, String message, LocalDateTime now) {
        t.status = TenderStatus.FAILED.name();
        t.channelCode = code;
        t.channelMessage = clip(message);
        t.settledAt = now;
        abandon(em, o, now);
    }

    /** Completes a locked CREATED order (see below), its tenders read. */
    Order complete(EntityManager em, OrderEntity o, LocalDateTime now) {
        return complete(em, o, Orders.tenders(em, o.id), now);
    }

    /**
     * Completes a locked CREATED order whose tenders, all of them by id, this transaction holds: pending
     * stored-value holds captured, pending cash and bank-card tenders settled, discounts committed, a recharge
     * credited to the member (once: here), PAID and published. Answers the order from the rows it holds.
     */
    Order complete(EntityManager em, OrderEntity o, List<TenderEntity> tenders, LocalDateTime now) {
        PaymentMethod paidWith = null;
        for (TenderEntity t : tenders) {
            if (TenderStatus.PENDING.name().equals(t.status)) {
                if (t.holdId != null) {
                    t.walletEntryId = wallets.capture(t.holdId, null).id;
                }
                t.status = TenderStatus.SUCCEEDED.name();
                t.settledAt = now;
            }
            if (TenderStatus.SUCCEEDED.name().equals(t.status) && (paidWith == null || Channels.isChannel(PaymentMethod.valueOf(t.method)))) {
                paidWith = PaymentMethod.valueOf(t.method);
            }
        }
        o.paid = o.payable;
        o.state = OrderState.PAID.name();
        o.paidAt = now;
        List<LineDiscountEntity> discounts = Orders.discounts(em, o.id);
        for (DiscountCollaborator c : closing.used(discounts)) {
            c.commit(o.orderNo);
        }
        boolean recharge = OrderKind.RECHARGE.name().equals(o.kind);
        if (!recharge && o.memberId == null) {
            o.memberId = payerMember(o, tenders);
        }
        if (recharge) {
            Movement m = new Movement(o.memberId, o.storeId, Money.of(o.payable), o.orderNo);
            m.remark = "recharge order " + o.orderNo;
            o.walletEntryId = wallets.creditRecharge(m, paidWith).id;
        }
        Order paid = Orders.dto(o, Orders.lines(em, o.id), discounts, tenders);
        events.publish(PaymentEvents.ORDER_PAID, "order:" + o.orderNo, paid);
        if (recharge) {
            events.publish(PaymentEvents.RECHARGE_PAID, "order:" + o.orderNo, paid);
        }
        return paid;
    }

    /** The member a sale's channel payer is (pay-to-become-member), when one is installed and answers; else null. */
    private Long payerMember(OrderEntity o, List<TenderEntity> tenders) {
        PayerMembers members = payers;
        if (members == null) {
            return null;
        }
        for (TenderEntity t : tenders) {
            if (t.payerId != null && TenderStatus.SUCCEEDED.name().equals(t.status)) {
                PayerMembers.Payer p = new PayerMembers.Payer();
                p.channel = PaymentMethod.valueOf(t.method);
                p.payerId = t.payerId;
                p.storeId = o.storeId;
                p.orderNo = o.orderNo;
                Long member = members.memberFor(p);
                if (member != null) {
                    return member;
                }
            }
        }
        return null;
    }

    /** Gives up an order's open payment attempt: stored-value holds released, other pending instant tenders cancelled. */
    void abandon(EntityManager em, OrderEntity o, LocalDateTime now) {
        for (TenderEntity t : Orders.tenders(em, o.id)) {
            boolean open = TenderStatus.PENDING.name().equals(t.status) || TenderStatus.UNKNOWN.name().equals(t.status);
            if (open && !Channels.isChannel(PaymentMethod.valueOf(t.method))) {
                if (t.holdId != null) {
                    wallets.release(t.holdId);
                }
                t.status = TenderStatus.CANCELLED.name();
                t.settledAt = now;
            }
        }
    }

    /**
     * Applies what a channel said about the refund part {@code outRefundNo}, once: SUCCEEDED or FAILED settle the
     * part (and the refund when it was its last open part); PROCESSING and UNKNOWN leave it to be asked again.
     * A failed channel refund keeps what it owes on the order: finance settles it with the customer.
     */
    Refund refund(String outRefundNo, RefundResult r, String how) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<RefundTenderEntity> found = em.createQuery("SELECT p FROM RefundTenderEntity p WHERE p.outRefundNo = :n",
                    RefundTenderEntity.class).setParameter("n", outRefundNo).getResultList();
            if (found.isEmpty()) {
                throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("no refund " + outRefundNo + " of Tessera's");
            }
            RefundEntity re = em.find(RefundEntity.class, found.get(0).refundId);
            OrderEntity o = em.find(OrderEntity.class, re.orderId, LockModeType.PESSIMISTIC_WRITE);
            RefundTenderEntity part = found.get(0);
            em.refresh(part);
            em.refresh(re);
            LocalDateTime now = BusinessTime.now();
            part.checkedAt = now;
            part.checks++;
            if (Refund.State.PROCESSING.name().equals(part.state)) {
                switch (r.state) {
                    case SUCCEEDED -> {
                        if (r.refundFen != null && r.refundFen != Money.of(part.amount).toFen()) {
                            part.channelMessage = "the channel says " + Money.ofFen(r.refundFen) + " was refunded, not "
                                    + Money.of(part.amount) + ": look at it";
                            LOG.warn("Refund {} of order {}: the channel ({}) says {} fen, the part is {}", outRefundNo, o.orderNo, how,
                                    r.refundFen, part.amount);
                        } else {
                            part.state = Refund.State.SUCCEEDED.name();
                            part.channelRefundNo = r.channelRefundNo;
                            part.channelMessage = null;
                            part.doneAt = now;
                        }
                    }
                    case FAILED -> {
                        part.state = Refund.State.FAILED.name();
                        part.channelMessage = clip(r.channelMessage == null ? "refused by the channel" : r.channelMessage);
                        part.doneAt = now;
                        LOG.warn("Refund {} of order {} refused by the channel ({}): settle it with the customer", outRefundNo, o.orderNo,
                                r.channelCode);
                    }
                    default -> part.channelMessage = clip(r.channelMessage);
                }
                List<RefundTenderEntity> parts = em.createQuery("SELECT p FROM RefundTenderEntity p WHERE p.refundId = :r",
                        RefundTenderEntity.class).setParameter("r", re.id).getResultList();
                if (parts.stream().noneMatch(p -> Refund.State.PROCESSING.name().equals(p.state))) {
                    boolean failed = parts.stream().anyMatch(p -> Refund.State.FAILED.name().equals(p.state));
                    re.state = (failed ? Refund.State.FAILED : Refund.State.SUCCEEDED).name();
                    re.doneAt = now;
                }
            }
            return Orders.refund(em, re, o.orderNo);
        });
    }

    /** What the channel is asked for a recorded refund part: its payment, its out_refund_no, its amount and the refund's reason. */
    RefundRequest refundRequest(String outRefundNo) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            RefundTenderEntity part = em.createQuery("SELECT p FROM RefundTenderEntity p WHERE p.outRefundNo = :n",
                    RefundTenderEntity.class).setParameter("n", outRefundNo).getSingleResult();
            TenderEntity t = em.find(TenderEntity.class, part.tenderId);
            RefundEntity re = em.find(RefundEntity.class, part.refundId);
            RefundRequest r = new RefundRequest();
            r.storeId = em.find(OrderEntity.class, t.orderId).storeId;
            r.outTradeNo = t.outTradeNo;
            r.outRefundNo = part.outRefundNo;
            r.refundFen = Money.of(part.amount).toFen();
            r.totalFen = Money.of(t.amount).toFen();
            r.reason = re.reason == null ? "refund " + re.refundNo : re.reason;
            return r;
        });
    }

    /** Calls a channel about a refund; whatever goes wrong on the way is UNKNOWN, never FAILED. */
    static RefundResult ask(Supplier<RefundResult> call, String outRefundNo, String what) {
        try {
            RefundResult r = call.get();
            if (r != null && r.state != null) {
                return r;
            }
        } catch (RuntimeException e) {
            LOG.warn("Channel {} of refund {} failed: {}", what, outRefundNo, e.toString());
        }
        RefundResult r = new RefundResult();
        r.outRefundNo = outRefundNo;
        r.state = RefundResult.State.UNKNOWN;
        r.channelMessage = "the channel's " + what + " answer is not known yet: asked again";
        return r;
    }

    static String clip(String s) {
        return s == null || s.length() <= 256 ? s : s.substring(0, 256);
    }
}
