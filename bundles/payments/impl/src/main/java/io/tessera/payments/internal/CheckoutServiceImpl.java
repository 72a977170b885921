package io.tessera.payments.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.payments.api.CheckoutService;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.OrderState;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Requests;
import io.tessera.payments.api.TenderStatus;
import io.tessera.payments.api.spi.Cart;
import io.tessera.payments.api.spi.DiscountCollaborator;
import io.tessera.payments.api.spi.Taken;
import io.tessera.payments.api.channel.PaymentChannel;
import io.tessera.payments.internal.jpa.LineDiscountEntity;
import io.tessera.payments.internal.jpa.OrderEntity;
import io.tessera.payments.internal.jpa.OrderLineEntity;
import io.tessera.payments.internal.jpa.TenderEntity;
import io.tessera.payments.internal.pricing.Pricing;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The orders' use cases. Each checks what it can first, then runs once as the platform's unit of work:
 * the order row locked, the other domains joined through their participant APIs in the same transaction,
 * the outcome published through the outbox in it. Refunds are in {@link OrderRefunds}.
 */
@Component(service = CheckoutService.class)
public class CheckoutServiceImpl implements CheckoutService {

    private static final DateTimeFormatter NO_DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JpaTemplate jpa;
    private final OrgService org;
    private final MemberService members;
    private final UnitOfWork work;
    private final EventPublisher events;
    private final WalletParticipant wallets;
    private final PaymentSettings settings;
    private final Collaborators collaborators;
    private final Channels channels;
    private final Settlement settlement;
    private final Tendering taking;
    private final OrderRefunds refunds;

    @Activate
    public CheckoutServiceImpl(@Reference(target = "(osgi.unit.name=tessera-payments)") JpaTemplate jpa, @Reference OrgService org,
                               @Reference MemberService members, @Reference UnitOfWork work, @Reference EventPublisher events,
                               @Reference WalletParticipant wallets, @Reference PaymentSettings settings,
                               @Reference Collaborators collaborators, @Reference Channels channels, @Reference Settlement settlement) {
        this.jpa = jpa;
        this.org = org;
        this.members = members;
        this.work = work;
        this.events = events;
        this.wallets = wallets;
        this.settings = settings;
        this.collaborators = collaborators;
        this.channels = channels;
        this.settlement = settlement;
        this.taking = new Tendering(jpa, wallets, org, channels, settlement);
        this.refunds = new OrderRefunds(jpa, work, events, wallets, collaborators, channels, settlement);
    }

    @Override
    public Order create(Requests.CreateOrder r, String key) {
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Caller caller = CallerContext.current();
        Store store = org.actingStore(r.storeId);
        String posOrderNo = Checks.text("posOrderNo", r.posOrderNo, 64);
        OrderKind kind = r.kind == null ? OrderKind.SALE : r.kind;
        r.source = r.source == null ? "POS" : Checks.oneOf("source", Source.class, r.source).name();
        String remark = Checks.optionalText("remark", r.remark, 500);
        String tillNo = Checks.optionalText("tillNo", r.tillNo, 32);
        Member member = r.memberId == null ? null : activeMember(r.memberId);
        if (kind == OrderKind.RECHARGE && member == null) {
            throw PaymentErrors.MEMBER_REQUIRED.at("memberId", "a recharge is for a member");
        }
        // A retry (same key), or the same POS order again, is answered before pricing: its coupons are this order's already.
        String hash = OrderPricing.contentHash(r, kind, store.id, member == null ? null : member.id);
        Optional<Order> replay = work.earlier("payments.order", key, r, Order.class);
        if (replay.isPresent()) {
            return replay.get();
        }
        Order same = jpa.txExpr(TransactionType.Supports, em -> sameOrder(em, store, posOrderNo, hash));
        if (same != null) {
            return same;
        }
        PaymentSettings.Rules rules = settings.rules();
        OrderPricing.Priced priced = OrderPricing.price(r, kind, store.id, store.formatCode, member == null ? null : member.id,
                member == null ? null : member.discountRate, rules.levelDiscountTenders(), collaborators);
        return work.run("payments.order", key, r, Order.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            Order earlier = sameOrder(em, store, posOrderNo, priced.contentHash());
            if (earlier != null) {
                return earlier;
            }
            Orders.Rows rows = record(em, caller, store, posOrderNo, tillNo, member, kind, r.source, remark, priced, rules);
            OrderEntity o = rows.order();
            for (OrderPricing.Used u : priced.used()) {
                u.cart().orderNo = o.orderNo;
            }
            for (DiscountCollaborator c : priced.used().stream().map(OrderPricing.Used::collaborator).distinct().toList()) {
                Cart asPriced = priced.used().stream().filter(u -> u.collaborator() == c).findFirst().orElseThrow().cart();
                c.reserve(o.orderNo, asPriced, taken(priced, c));
            }
            return rows.dto();
        }));
    }

    /** The store's order of this POS no: the same order again if its content is the same, else 409 ORDER_NO_CONFLICT; null when none. */
    private static Order sameOrder(EntityManager em, Store store, String posOrderNo, String contentHash) {
        List<OrderEntity> same = em.createQuery("SELECT o FROM OrderEntity o WHERE o.storeId = :s AND o.posOrderNo = :p",
                OrderEntity.class).setParameter("s", store.id).setParameter("p", posOrderNo).getResultList();
        if (same.isEmpty()) {
            return null;
        }
        if (!same.get(0).contentHash.equals(contentHash)) {
            throw PaymentErrors.ORDER_NO_CONFLICT.at("posOrderNo", "store " + store.code + " already has order " + posOrderNo
                    + " with other content");
        }
        return Orders.dto(em, same.get(0));
    }

    private Orders.Rows record(EntityManager em, Caller caller, Store store, String posOrderNo, String tillNo, Member member, OrderKind kind,
                               String source, String remark, OrderPricing.Priced priced, PaymentSettings.Rules rules) {
        Pricing.Result p = priced.result();
        LocalDateTime now = BusinessTime.now();
        OrderEntity o = new OrderEntity();
        o.orderNo = "T" + NO_DAY.format(now) + String.format("%012d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L));
        o.storeId = store.id;
        o.formatCode = store.formatCode;
        o.posOrderNo = posOrderNo;
        o.tillNo = tillNo;
        o.contentHash = priced.contentHash();
        o.memberId = member == null ? null : member.id;
        o.kind = kind.name();
        o.state = OrderState.CREATED.name();
        o.source = source;
        o.pricedFor = priced.payWith().stream().map(Enum::name).collect(Collectors.joining(","));
        o.levelRate = priced.levelRate();
        o.gross = Orders.fenToDecimal(p.gross());
        o.discount = Orders.fenToDecimal(p.discount());
        o.payable = Orders.fenToDecimal(p.payable());
        o.paid = BigDecimal.ZERO.setScale(2);
        o.refunded = BigDecimal.ZERO.setScale(2);
        o.operator = caller.label();
        o.remark = remark;
        o.createdAt = now;
        o.expiresAt = now.plusMinutes(rules.orderExpiryMinutes());
        em.persist(o);
        em.flush();
        Orders.Rows rows = new Orders.Rows(o, new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < priced.lines().size(); i++) {
            Requests.LineRequest r = priced.lines().get(i);
            OrderLineEntity l = new OrderLineEntity();
            l.orderId = o.id;
            l.lineNo = i + 1;
            l.sku = r.sku;
            l.barcode = r.barcode;
            l.name = r.name;
            l.quantity = r.quantity;
            l.unitPrice = r.unitPrice.toBigDecimal();
            l.amount = Orders.fenToDecimal(p.grossFen()[i]);
            l.payable = Orders.fenToDecimal(p.payableFen()[i]);
            l.discount = Orders.fenToDecimal(p.grossFen()[i] - p.payableFen()[i]);
            l.returnedQuantity = 0;
            l.refunded = BigDecimal.ZERO.setScale(2);
            em.persist(l);
            rows.lines().add(l);
        }
        int step = 0;
        for (Pricing.Applied a : p.discounts()) {
            step++;
            for (int i = 0; i < a.perLine().length; i++) {
                if (a.perLine()[i] != 0) {
                    LineDiscountEntity d = new LineDiscountEntity();
                    d.orderId = o.id;
                    d.lineNo = i + 1;
                    d.step = step;
                    d.source = a.source();
                    d.reference = a.reference();
                    d.amount = Orders.fenToDecimal(a.perLine()[i]);
                    em.persist(d);
                    rows.discounts().add(d);
                }
            }
        }
        return rows;
    }

    private static List<Taken> taken(OrderPricing.Priced priced, DiscountCollaborator c) {
        List<Taken> list = new ArrayList<>();
        for (OrderPricing.Used u : priced.used()) {
            if (u.collaborator() == c) {
                Taken t = new Taken();
                t.reference = u.offer().reference;
                t.quantity = u.offer().quantity;
                t.amount = Money.ofFen(u.applied().amountFen());
                t.perLine = new ArrayList<>();
                for (long fen : u.applied().perLine()) {
                    t.perLine.add(Money.ofFen(fen));
                }
                list.add(t);
            }
        }
        return list;
    }

    @Override
    public Order pay(String orderNo, Requests.Pay r, String key) {
        UnitOfWork.requireKey(key);
        Checks.required("body", r);
        Caller caller = CallerContext.current();
        List<Requests.TenderRequest> tenders = Checks.required("tenders", r.tenders);
        if (tenders.size() > 5) {
            throw PaymentErrors.TENDERS_MISMATCH.at("tenders", "at most 5 tenders");
        }
        long sum = 0;
        Set<PaymentMethod> methods = EnumSet.noneOf(PaymentMethod.class);
        PaymentChannel channel = null;
        for (int i = 0; i < tenders.size(); i++) {
            String at = "tenders[" + i + "]";
            Requests.TenderRequest t = Checks.required(at, tenders.get(i));
            PaymentMethod m = Checks.required(at + ".method", t.method);
            Money amount = Checks.required(at + ".amount", t.amount);
            if (!amount.isPositive()) {
                throw PlatformErrors.AMOUNT_INVALID.at(at + ".amount", "a tender's amount is more than 0");
            }
            if (!methods.add(m)) {
                throw PaymentErrors.TENDERS_MISMATCH.at(at + ".method", "one tender per method");
            }
            t.authCode = Checks.optionalText(at + ".authCode", t.authCode, 32);
            t.terminalRef = Checks.optionalText(at + ".terminalRef", t.terminalRef, 64);
            if (m == PaymentMethod.POS_CARD && t.terminalRef == null) {
                throw PlatformErrors.FIELD_REQUIRED.at(at + ".terminalRef", "a bank-card tender carries the terminal's reference");
            }
            if (m == PaymentMethod.CASH && t.cashReceived != null && t.cashReceived.compareTo(amount) < 0) {
                throw PaymentErrors.CASH_NOT_ENOUGH.at(at + ".cashReceived", "the cash received does not cover " + amount);
            }
            if (Channels.isChannel(m)) {
                if (channel != null) {
                    throw PaymentErrors.TENDERS_MISMATCH.at(at + ".method", "one channel tender (WECHAT or ALIPAY) per payment");
                }
                channel = channels.require(m, at + ".method");
            } else if (t.authCode != null) {
                throw PaymentErrors.TENDER_NOT_ALLOWED.at(at + ".authCode", "a payment code is for WECHAT and ALIPAY tenders");
            }
            sum += amount.toFen();
        }
        long total = sum;
        PaymentChannel via = channel;
        TenderEntity[] started = new TenderEntity[1];
        Order first = work.run("payments.pay", key, new Keyed(orderNo, r), Order.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            started[0] = null; // run again whole after a deadlock
            OrderEntity o = Orders.find(em, caller, orderNo, true);
            List<TenderEntity> all = payable(em, o, total, methods);
            LocalDateTime now = BusinessTime.now();
            if (via == null) {
                for (Requests.TenderRequest t : tenders) {
                    all.add(taking.take(em, o, t, now));
                }
                return settlement.complete(em, o, all, now);
            }
            for (Requests.TenderRequest t : tenders) {
                TenderEntity e = Channels.isChannel(t.method) ? taking.start(em, o, t, via, now) : taking.hold(em, o, t, now);
                started[0] = Channels.isChannel(t.method) ? e : started[0];
            }
            return Orders.dto(em, o);
        }));
        if (started[0] == null) {
            return replayed(caller, first);
        }
        TenderEntity t = started[0];
        Order now = settlement.payment(t.outTradeNo, taking.ask(via, first, t, r.tenders), "payment answer");
        return refusedOrAsIs(now, t.outTradeNo);
    }

    /**
     * The checks before an order takes tenders: payable now, the tenders add up and match its pricing. Answers the
     * tenders it has (settled attempts), by id.
     */
    private List<TenderEntity> payable(EntityManager em, OrderEntity o, long total, Set<PaymentMethod> methods) {
        if (!OrderState.CREATED.name().equals(o.state)) {
            throw PaymentErrors.ORDER_NOT_PAYABLE.error("order " + o.orderNo + " is " + o.state);
        }
        if (BusinessTime.now().isAfter(o.expiresAt)) {
            throw PaymentErrors.ORDER_NOT_PAYABLE.error("order " + o.orderNo + " expired at " + o.expiresAt + " unpaid");
        }
        List<TenderEntity> tenders = new ArrayList<>(Orders.tenders(em, o.id));
        for (TenderEntity t : tenders) {
            if (!TenderStatus.valueOf(t.status).settled()) {
                throw PaymentErrors.PAYMENT_IN_PROGRESS.error("order " + o.orderNo + " is being paid (" + t.method + " " + t.status
                        + "): wait for it, or close it");
            }
        }
        if (total != Money.of(o.payable).toFen()) {
            throw PaymentErrors.TENDERS_MISMATCH.at("tenders", "the tenders add up to " + Money.ofFen(total) + ", the order costs "
                    + Money.of(o.payable));
        }
        List<PaymentMethod> pricedFor = Orders.methods(o.pricedFor);
        if (!pricedFor.isEmpty() && !pricedFor.containsAll(methods)) {
            throw PaymentErrors.TENDERS_NOT_AS_PRICED.at("tenders", "the order was priced for " + pricedFor + ": create it again for "
                    + methods);
        }
        if (methods.contains(PaymentMethod.MEMBER) && o.memberId == null) {
            throw PaymentErrors.MEMBER_REQUIRED.at("tenders", "stored value pays for a member's order only");
        }
        if (methods.contains(PaymentMethod.MEMBER) && OrderKind.RECHARGE.name().equals(o.kind)) {
            throw PaymentErrors.TENDER_NOT_ALLOWED.at("tenders", "stored value cannot pay for a recharge of stored value");
        }
        return tenders;
    }

    /** A retry of a payment (same key): the order as it is now if a channel was still deciding then, else the first answer. */
    private Order replayed(Caller caller, Order first) {
        String attempt = first.tenders.stream().filter(t -> t.outTradeNo != null && !t.status.settled())
                .map(t -> t.outTradeNo).reduce((a, b) -> b).orElse(null);
        if (attempt == null) {
            return first;
        }
        Order now = jpa.txExpr(TransactionType.Supports, em -> Orders.dto(em, Orders.find(em, caller, first.orderNo, false)));
        return refusedOrAsIs(now, attempt);
    }

    /** 422 CHANNEL_REFUSED when the channel refused this attempt (the order stays payable, its holds released). */
    private static Order refusedOrAsIs(Order order, String outTradeNo) {
        for (io.tessera.payments.api.Tender t : order.tenders) {
            if (outTradeNo.equals(t.outTradeNo) && t.status == TenderStatus.FAILED && order.state == OrderState.CREATED) {
                throw PaymentErrors.CHANNEL_REFUSED.at("tenders", t.method + " refused the payment"
                        + (t.channelMessage == null ? "" : ": " + t.channelMessage) + " (the order can be paid again)");
            }
        }
        return order;
    }

    @Override
    public Order close(String orderNo, Requests.Close r, String key) {
        UnitOfWork.requireKey(key);
        Caller caller = CallerContext.current();
        String reason = r == null ? null : Checks.optionalText("reason", r.reason, 500);
        // A payment a channel is still deciding is closed at the channel first: it may say it was paid after all.
        taking.closeAtChannel(jpa.txExpr(TransactionType.Supports, em -> Orders.find(em, caller, orderNo, false)).id);
        return work.run("payments.close", key, new Keyed(orderNo, r), Order.class, () -> jpa.txExpr(TransactionType.Required, em -> {
            OrderEntity o = Orders.find(em, caller, orderNo, true);
            if (OrderState.CLOSED.name().equals(o.state)) {
                return Orders.dto(em, o);
            }
            if (!OrderState.CREATED.name().equals(o.state)) {
                throw PaymentErrors.ORDER_NOT_CLOSABLE.error("order " + o.orderNo + " is " + o.state);
            }
            return taking.close(em, o, reason == null ? "closed by " + caller.label() : reason);
        }));
    }

    @Override
    public Refund refund(String orderNo, Requests.Refund r, String key) {
        return refunds.refund(orderNo, r, key);
    }

    private Member activeMember(long id) {
        Member m = members.lookup(id).orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.at("memberId", "no such member"));
        if (m.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.at("memberId", "the member's card was returned");
        }
        return m;
    }

    /** Where an order comes from. */
    enum Source { POS, TERMINAL, MINI_PROGRAM, PAYMENT_CODE }

    /** An order's no with the request: what an idempotency key is bound to. */
    record Keyed(String orderNo, Object request) {
    }
}
