package io.tessera.payments.internal;

import io.tessera.org.api.OrgService;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.Requests;
import io.tessera.payments.api.TenderStatus;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.PayRequest;
import io.tessera.payments.api.channel.PaymentChannel;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.payments.internal.jpa.TenderEntity;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.wallets.api.HoldRequest;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.Movement;
import io.tessera.wallets.api.WalletParticipant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an order takes its tenders. Alone, instant tenders settle at once (stored value debited, cash taken with
 * change, a bank card recorded). Beside a channel tender they wait: stored value is held, cash and bank card
 * are pending, and the channel attempt gets its own out_trade_no (the order no, "P" and the attempt's number);
 * {@link Settlement} captures or releases them all once the channel decides. The channel is only ever called
 * outside a transaction, after the attempt is committed. A plain object of the checkout service.
 */
final class Tendering {

    private static final Logger LOG = LoggerFactory.getLogger(Tendering.class);

    private final JpaTemplate jpa;
    private final WalletParticipant wallets;
    private final OrgService org;
    private final Channels channels;
    private final Settlement settlement;

    Tendering(JpaTemplate jpa, WalletParticipant wallets, OrgService org, Channels channels, Settlement settlement) {
        this.jpa = jpa;
        this.wallets = wallets;
        this.org = org;
        this.channels = channels;
        this.settlement = settlement;
    }

    /** An instant tender of an order paid without a channel: settled now. */
    TenderEntity take(EntityManager em, OrderEntity o, Requests.TenderRequest r, LocalDateTime now) {
        TenderEntity t = tender(o, r, TenderStatus.SUCCEEDED, now);
        t.settledAt = now;
        if (r.method == PaymentMethod.MEMBER) {
            Movement m = new Movement(o.memberId, o.storeId, r.amount, o.orderNo);
            m.originalAmount = Money.of(o.gross);
            JournalEntry e = wallets.debit(m);
            t.walletEntryId = e.id;
        }
        return persist(em, t);
    }

    /** An instant tender beside a channel tender: stored value held, cash and bank card pending. */
    TenderEntity hold(EntityManager em, OrderEntity o, Requests.TenderRequest r, LocalDateTime now) {
        TenderEntity t = tender(o, r, TenderStatus.PENDING, now);
        if (r.method == PaymentMethod.MEMBER) {
            HoldRequest h = new HoldRequest();
            h.memberId = o.memberId;
            h.storeId = o.storeId;
            h.amount = r.amount;
            h.reference = o.orderNo;
            // Outlives the order by a margin: the order's close or its channel's answer releases or captures it first.
            h.expiresIn = Duration.between(now, o.expiresAt).plusMinutes(30);
            t.holdId = wallets.hold(h).id;
        }
        return persist(em, t);
    }

    /** The channel tender: a new attempt, pending until the channel answers. */
    TenderEntity start(EntityManager em, OrderEntity o, Requests.TenderRequest r, PaymentChannel channel, LocalDateTime now) {
        TenderEntity t = tender(o, r, TenderStatus.PENDING, now);
        long attempts = em.createQuery("SELECT COUNT(t) FROM TenderEntity t WHERE t.orderId = :o AND t.outTradeNo IS NOT NULL", Long.class)
                .setParameter("o", o.id).getSingleResult();
        t.outTradeNo = o.orderNo + "P" + (attempts + 1);
        t.paymentCode = r.authCode != null;
        t.feeRate = channel.feeRate(o.storeId).setScale(6);
        return persist(em, t);
    }

    /** Asks the channel to take the attempt's payment; whatever goes wrong on the way is UNKNOWN, never FAILED. */
    ChannelResult ask(PaymentChannel channel, Order order, TenderEntity t, List<Requests.TenderRequest> requests) {
        PayRequest p = new PayRequest();
        p.storeId = order.storeId;
        p.outTradeNo = t.outTradeNo;
        p.amountFen = Money.of(t.amount).toFen();
        p.description = org.findStore(order.storeId).map(s -> s.name).orElse("Tessera") + " " + order.orderNo;
        for (Requests.TenderRequest r : requests) {
            p.authCode = r.method == channel.method() ? r.authCode : p.authCode;
        }
        p.expiresAt = order.expiresAt;
        return call(() -> channel.pay(p), t.outTradeNo, "pay");
    }

    /** Closes every payment of the order a channel is still deciding (outside any transaction); each answer applied. */
    void closeAtChannel(long orderId) {
        List<TenderEntity> open = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT t FROM TenderEntity t WHERE "
                + "t.orderId = :o AND t.outTradeNo IS NOT NULL AND t.status IN ('PENDING', 'UNKNOWN')", TenderEntity.class)
                .setParameter("o", orderId).getResultList());
        for (TenderEntity t : open) {
            PaymentChannel channel = channels.find(PaymentMethod.valueOf(t.method)).orElse(null);
            if (channel != null) {
                OrderEntity o = jpa.txExpr(TransactionType.Supports, em -> em.find(OrderEntity.class, orderId));
                settlement.payment(t.outTradeNo, call(() -> channel.close(o.storeId, t.outTradeNo, t.paymentCode), t.outTradeNo, "close"),
                        "close");
            }
        }
    }

    /** A channel payment of the order not decided yet (WAITING or UNKNOWN), if any. */
    static java.util.Optional<TenderEntity> deciding(EntityManager em, OrderEntity o) {
        return Orders.tenders(em, o.id).stream().filter(t -> t.outTradeNo != null && !TenderStatus.valueOf(t.status).settled()).findFirst();
    }

    /** Closes a locked CREATED order once no channel is deciding a payment of it: holds released, discounts released. */
    Order close(EntityManager em, OrderEntity o, String reason) {
        deciding(em, o).ifPresent(t -> {
            throw PaymentErrors.PAYMENT_IN_PROGRESS.error("order " + o.orderNo + ": " + t.method + " has not said yet whether "
                    + t.outTradeNo + " was paid; it is asked again, close later");
        });
        settlement.abandon(em, o, BusinessTime.now());
        return settlement.closing().close(em, o, reason);
    }

    static ChannelResult call(Supplier<ChannelResult> call, String outTradeNo, String what) {
        try {
            ChannelResult r = call.get();
            if (r == null || r.state == null) {
                return unknown(outTradeNo, "the channel's " + what + " answer could not be read");
            }
            return r;
        } catch (RuntimeException e) {
            LOG.warn("Channel {} of payment {} failed: {}", what, outTradeNo, e.toString());
            return unknown(outTradeNo, "the channel's " + what + " failed: " + e.getClass().getSimpleName());
        }
    }

    private static ChannelResult unknown(String outTradeNo, String message) {
        ChannelResult r = new ChannelResult();
        r.outTradeNo = outTradeNo;
        r.state = ChannelState.UNKNOWN;
        r.channelMessage = message;
        return r;
    }

    private static TenderEntity tender(OrderEntity o, Requests.TenderRequest r, TenderStatus status, LocalDateTime now) {
        TenderEntity t = new TenderEntity();
        t.orderId = o.id;
        t.method = r.method.name();
        t.amount = r.amount.toBigDecimal();
        t.status = status.name();
        t.feeRate = BigDecimal.ZERO.setScale(6);
        t.fee = BigDecimal.ZERO.setScale(2);
        t.refunded = BigDecimal.ZERO.setScale(2);
        t.feeReturned = BigDecimal.ZERO.setScale(2);
        t.createdAt = now;
        if (r.method == PaymentMethod.CASH) {
            Money received = r.cashReceived == null ? r.amount : r.cashReceived;
            t.cashReceived = received.toBigDecimal();
            t.changeGiven = received.minus(r.amount).toBigDecimal();
        } else if (r.method == PaymentMethod.POS_CARD) {
            t.terminalRef = r.terminalRef;
        }
        return t;
    }

    private static TenderEntity persist(EntityManager em, TenderEntity t) {
        em.persist(t);
        em.flush(); // identity ids in the order the tenders were given: the order shows them so
        return t;
    }
}
