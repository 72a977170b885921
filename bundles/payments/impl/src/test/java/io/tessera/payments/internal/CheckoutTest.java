package io.tessera.payments.internal;

import static io.tessera.testing.Refusals.assertRefused;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgErrors;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderState;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Requests;
import io.tessera.payments.api.spi.Ask;
import io.tessera.payments.api.spi.Cart;
import io.tessera.payments.api.spi.DiscountCollaborator;
import io.tessera.payments.api.spi.Offer;
import io.tessera.payments.api.spi.RefundView;
import io.tessera.payments.api.spi.Reversal;
import io.tessera.payments.api.spi.Taken;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.testing.LocalUnitOfWork;
import io.tessera.testing.RecordedEvents;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.Movement;
import io.tessera.wallets.api.WalletParticipant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.After;
import org.junit.Test;

/**
 * The orders' use cases on a real database (embedded Derby, the payments changelog) with the other domains
 * as stubs, and a coupon collaborator that records what checkout asks of it: the discount SPI's life cycle.
 */
public class CheckoutTest {

    private static final long STORE = 101;

    private final UnitDatabase db = UnitDatabase.create("tessera-payments");
    private final LocalUnitOfWork work = new LocalUnitOfWork(db.jpa());
    private final RecordedEvents events = new RecordedEvents(db.jpa());
    private final Collaborators collaborators = new Collaborators();
    private final List<String> calls = new ArrayList<>();
    private final List<Movement> debits = new ArrayList<>();
    private final Channels channels = new Channels();
    private final Settlement settlement;
    private final OrgService org;
    private final WalletParticipant wallets;
    private final CheckoutServiceImpl checkout;

    public CheckoutTest() {
        OrgService org = Stub.of(OrgService.class).on("actingStore", a -> store((Long) a[0])).build();
        MemberService members = Stub.of(MemberService.class).on("lookup", a -> Optional.of(member((Long) a[0]))).build();
        WalletParticipant wallets = Stub.of(WalletParticipant.class)
                .on("debit", a -> {
                    debits.add((Movement) a[0]);
                    JournalEntry e = new JournalEntry();
                    e.id = 7000L + debits.size();
                    return e;
                })
                .on("refund", a -> {
                    calls.add("wallet refund " + a[0] + " " + a[1]);
                    JournalEntry e = new JournalEntry();
                    e.id = 8000L + calls.size();
                    return e;
                }).build();
        collaborators.addCollaborator(new Coupons(), Map.of(DiscountCollaborator.SOURCE, "COUPON", DiscountCollaborator.RANK, 10));
        settlement = new Settlement(db.jpa(), wallets, events, collaborators);
        checkout = new CheckoutServiceImpl(db.jpa(), org, members, work, events, wallets, new PaymentSettings(), collaborators, channels,
                settlement);
        this.org = org;
        this.wallets = wallets;
        CallerContext.set(Caller.system("unit-test"));
    }

    @After
    public void close() {
        CallerContext.clear();
        work.close();
        db.close();
    }

    private static Store store(Long id) {
        if (id == null || id != STORE) {
            throw OrgErrors.STORE_NOT_FOUND.error("no store " + id);
        }
        Store s = new Store();
        s.id = id;
        s.code = "101";
        s.formatCode = "PHARMACY";
        s.status = Store.Status.OPEN;
        return s;
    }

    private static Member member(long id) {
        Member m = new Member();
        m.id = id;
        m.name = "会员" + id;
        m.status = Member.Status.ACTIVE;
        m.discountRate = new BigDecimal("0.95");
        return m;
    }

    /** A coupon domain: "C10" is 10.00 off the whole order; it records every call. */
    private final class Coupons implements DiscountCollaborator {
        @Override
        public void validate(Cart cart, List<Ask> asks) {
            calls.add("validate " + asks.get(0).reference + " level " + cart.levelDiscountApplied);
        }

        @Override
        public List<Offer> price(Cart cart, List<Ask> asks) {
            Offer o = new Offer();
            o.reference = asks.get(0).reference;
            o.amount = Money.parse("10.00");
            if (o.reference.equals("SPLIT")) {
                // its own split: 3.00 off the first line, 1.00 off the second, as priced on the cart it saw
                calls.add("priced on " + cart.lines.get(0).payable + " " + cart.lines.get(1).payable);
                o.amount = Money.parse("4.00");
                o.perLine = List.of(Money.parse("3.00"), Money.parse("1.00"));
            }
            return List.of(o);
        }

        @Override
        public void reserve(String orderNo, Cart cart, List<Taken> taken) {
            calls.add("reserve " + taken.get(0).reference + " " + taken.get(0).amount + " " + taken.get(0).perLine);
        }

        @Override
        public void commit(String orderNo) {
            calls.add("commit");
        }

        @Override
        public void release(String orderNo) {
            calls.add("release");
        }

        @Override
        public List<Reversal> reverse(String orderNo, RefundView refund) {
            calls.add("reverse full=" + refund.full + " discount " + refund.lines.get(0).discount);
            Reversal r = new Reversal();
            r.reference = "C10";
            r.action = "RETURNED";
            if (refund.lines.size() == 2 && refund.lines.get(1).quantity == 2 && refund.lines.get(1).refundedBefore.isZero()) {
                // the second line comes back: the first no longer earns its 3.00, kept back from this refund
                r.reference = "SPLIT";
                r.action = "CLAWED_BACK";
                r.perLine = List.of(Money.ZERO, Money.parse("-3.00"));
            }
            return List.of(r);
        }
    }

    private static Requests.CreateOrder order(Long member, String unitPrice, List<PaymentMethod> payWith, String coupon) {
        Requests.CreateOrder r = new Requests.CreateOrder();
        r.storeId = STORE;
        r.posOrderNo = "POS-" + UUID.randomUUID();
        r.memberId = member;
        Requests.LineRequest l = new Requests.LineRequest();
        l.sku = "SKU1";
        l.name = "维生素";
        l.quantity = 1L;
        l.unitPrice = Money.parse(unitPrice);
        r.lines = List.of(l);
        r.payWith = payWith;
        if (coupon != null) {
            Requests.DiscountRequest d = new Requests.DiscountRequest();
            d.source = "COUPON";
            d.reference = coupon;
            r.discounts = List.of(d);
        }
        return r;
    }

    /** The order with a second line: 2 masks at the unit price. */
    private static Requests.CreateOrder withMasks(Requests.CreateOrder r, String unitPrice) {
        Requests.LineRequest second = new Requests.LineRequest();
        second.sku = "SKU2";
        second.name = "口罩";
        second.quantity = 2L;
        second.unitPrice = Money.parse(unitPrice);
        r.lines = List.of(r.lines.get(0), second);
        return r;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    public void aCouponLargerThanTheCartMakesAnOrderOfZeroThatIsPaidWithNoTenderAndReversedOnRefund() {
        Order o = checkout.create(order(null, "8.00", List.of(), "C10"), key());
        assertEquals(Money.parse("0.00"), o.payable);
        assertEquals(Money.parse("8.00"), o.discount);
        assertEquals(List.of("validate C10 level false", "reserve C10 8.00 [8.00]"), calls);
        Requests.Pay none = new Requests.Pay();
        none.tenders = List.of();
        Order paid = checkout.pay(o.orderNo, none, key());
        assertEquals(OrderState.PAID, paid.state);
        assertEquals("commit", calls.get(2));
        Requests.Refund back = new Requests.Refund();
        Requests.RefundLineRequest line = new Requests.RefundLineRequest();
        line.lineNo = 1;
        line.quantity = 1L;
        back.lines = List.of(line);
        Refund refund = checkout.refund(o.orderNo, back, key());
        assertEquals(Money.parse("0.00"), refund.amount);
        assertEquals("reverse full=true discount 8.00", calls.get(3));
        assertEquals("RETURNED", refund.reversals.get(0).action);
        assertEquals("COUPON", refund.reversals.get(0).source);
        assertTrue(events.all().stream().anyMatch(e -> e.topic().equals(PaymentEvents.ORDER_REFUNDED)));
    }

    @Test
    public void aCollaboratorSplitsItsOwnDiscountAndKeepsMoneyBackFromARefundBeforeTheTendersGetIt() {
        Requests.CreateOrder r = withMasks(order(5L, "20.00", List.of(PaymentMethod.MEMBER), "SPLIT"), "5.00");
        r.levelDiscount = false;
        Order o = checkout.create(r, key());
        assertEquals("no level discount when the till says so", 1, o.discounts.size());
        assertEquals("priced on 20.00 10.00", calls.get(1));
        assertEquals("reserve SPLIT 4.00 [3.00, 1.00]", calls.get(2));
        assertEquals(Money.parse("26.00"), o.payable);
        Requests.TenderRequest t = new Requests.TenderRequest();
        t.method = PaymentMethod.MEMBER;
        t.amount = Money.parse("26.00");
        Requests.Pay pay = new Requests.Pay();
        pay.tenders = List.of(t);
        checkout.pay(o.orderNo, pay, key());
        Requests.Refund back = new Requests.Refund();
        Requests.RefundLineRequest line = new Requests.RefundLineRequest();
        line.lineNo = 2;
        line.quantity = 2L;
        back.lines = List.of(line);
        Refund refund = checkout.refund(o.orderNo, back, key());
        // the line cost 9.00; 3.00 kept back: 6.00 to the stored value
        assertEquals(Money.parse("6.00"), refund.amount);
        assertEquals(Money.parse("-3.00"), refund.reversals.get(0).adjustment);
        assertEquals("CLAWED_BACK", refund.reversals.get(0).action);
        assertTrue(calls.get(calls.size() - 1), calls.get(calls.size() - 1).startsWith("wallet refund 7001 6.00"));
        Requests.Refund tooMuch = new Requests.Refund();
        tooMuch.amount = Money.parse("20.01");
        assertRefused("ORDER_REFUND_EXCEEDS_PAID", () -> checkout.refund(o.orderNo, tooMuch, key()));
    }

    @Test
    public void createAndPayAnswerTheOrderAsItReadsBackAfterTheCommit() throws Exception {
        Requests.CreateOrder r = withMasks(order(5L, "20.00", List.of(PaymentMethod.MEMBER), "SPLIT"), "5.05");
        Order created = checkout.create(r, key());
        OrderQueryServiceImpl queries = new OrderQueryServiceImpl(db.jpa());
        assertEquals("two lines, the level discount and the coupon's split", List.of(2, 2), List.of(created.lines.size(),
                created.discounts.size()));
        assertEquals(fields(queries.get(created.orderNo)), fields(created));
        Requests.TenderRequest t = new Requests.TenderRequest();
        t.method = PaymentMethod.MEMBER;
        t.amount = created.payable;
        Requests.Pay pay = new Requests.Pay();
        pay.tenders = List.of(t);
        Order paid = checkout.pay(created.orderNo, pay, key());
        assertEquals(OrderState.PAID, paid.state);
        assertEquals(1, paid.tenders.size());
        assertEquals(fields(queries.get(created.orderNo)), fields(paid));
    }

    /** Every public field, nested ones too, as text: what the API writes of an answer. */
    private static String fields(Object o) throws IllegalAccessException {
        if (o == null || !o.getClass().getName().startsWith("io.tessera.payments.api")) {
            return String.valueOf(o);
        }
        if (o.getClass().isEnum()) {
            return o.toString();
        }
        StringBuilder b = new StringBuilder(o.getClass().getSimpleName()).append('{');
        for (java.lang.reflect.Field f : o.getClass().getFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Object v = f.get(o);
            b.append(f.getName()).append('=');
            if (v instanceof List<?> list) {
                List<String> items = new ArrayList<>();
                for (Object item : list) {
                    items.add(fields(item));
                }
                b.append(items);
            } else {
                b.append(fields(v));
            }
            b.append(", ");
        }
        return b.append('}').toString();
    }

    @Test
    public void theLevelDiscountGoesFirstAndOnlyForStoredValueThenTheCouponOnWhatIsLeft() {
        Order o = checkout.create(order(5L, "100.00", List.of(PaymentMethod.MEMBER), "C10"), key());
        // 100.00 x 0.95 = 95.00, then 10.00 off: 85.00
        assertEquals(Money.parse("85.00"), o.payable);
        assertEquals("LEVEL", o.discounts.get(0).source);
        assertEquals(Money.parse("5.00"), o.discounts.get(0).amount);
        assertEquals("validate C10 level true", calls.get(0));
        Requests.TenderRequest t = new Requests.TenderRequest();
        t.method = PaymentMethod.MEMBER;
        t.amount = Money.parse("85.00");
        Requests.Pay pay = new Requests.Pay();
        pay.tenders = List.of(t);
        Order paid = checkout.pay(o.orderNo, pay, key());
        assertEquals(Money.parse("85.00"), debits.get(0).amount);
        assertEquals(o.orderNo, debits.get(0).reference);
        assertEquals(Long.valueOf(7001), paid.tenders.get(0).walletEntryId);
        Order guest = checkout.create(order(5L, "100.00", List.of(PaymentMethod.MEMBER, PaymentMethod.CASH), null), key());
        assertEquals("a split with cash gets no level discount", Money.parse("100.00"), guest.payable);
    }

    @Test
    public void closingReleasesTheCouponAndAnAbsentCollaboratorIsRefusedByName() {
        Order o = checkout.create(order(null, "30.00", List.of(), "C10"), key());
        Requests.Close c = new Requests.Close();
        c.reason = "顾客取消";
        Order closed = checkout.close(o.orderNo, c, key());
        assertEquals(OrderState.CLOSED, closed.state);
        assertEquals("release", calls.get(calls.size() - 1));
        assertTrue(events.all().stream().anyMatch(e -> e.topic().equals(PaymentEvents.ORDER_CLOSED)));
        Requests.CreateOrder points = order(null, "30.00", List.of(), null);
        Requests.DiscountRequest d = new Requests.DiscountRequest();
        d.source = "POINTS";
        d.quantity = 500L;
        points.discounts = List.of(d);
        assertRefused("DISCOUNT_NOT_AVAILABLE", () -> checkout.create(points, key()));
    }

    @Test
    public void theExpiryTaskClosesOnlyUnpaidOrdersPastTheirTimeAndReleasesTheirCoupons() throws Exception {
        Order unpaid = checkout.create(order(null, "20.00", List.of(), "C10"), key());
        Order fresh = checkout.create(order(null, "20.00", List.of(), null), key());
        Order paid = checkout.create(order(null, "5.00", List.of(), null), key());
        Requests.TenderRequest cash = new Requests.TenderRequest();
        cash.method = PaymentMethod.CASH;
        cash.amount = Money.parse("5.00");
        Requests.Pay pay = new Requests.Pay();
        pay.tenders = List.of(cash);
        checkout.pay(paid.orderNo, pay, key());
        try (java.sql.Connection c = db.connection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE PAY_ORDER SET EXPIRES_AT = {ts '2020-01-01 00:00:00'} WHERE ORDER_NO IN ('" + unpaid.orderNo
                    + "', '" + paid.orderNo + "')");
        }
        String ran = new OrderExpiry(db.jpa(), wallets, org, channels, settlement).run();
        assertEquals("1 unpaid order(s) closed", ran);
        OrderQueryServiceImpl queries = new OrderQueryServiceImpl(db.jpa());
        assertEquals(OrderState.CLOSED, queries.get(unpaid.orderNo).state);
        assertEquals("release", calls.get(calls.size() - 1));
        assertEquals(OrderState.CREATED, queries.get(fresh.orderNo).state);
        assertEquals(OrderState.PAID, queries.get(paid.orderNo).state);
        assertEquals("nothing left to close", "0 unpaid order(s) closed", new OrderExpiry(db.jpa(), wallets, org, channels, settlement).run());
    }
}
