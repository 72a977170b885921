package io.tessera.payments.internal;

import static io.tessera.testing.Refusals.assertRefused;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.OrderState;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.PaymentEvents;
import io.tessera.payments.api.Refund;
import io.tessera.payments.api.Requests;
import io.tessera.payments.api.Tender;
import io.tessera.payments.api.TenderStatus;
import io.tessera.payments.api.channel.Bill;
import io.tessera.payments.api.channel.ChannelInfo;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.api.channel.PayRequest;
import io.tessera.payments.api.channel.PaymentChannel;
import io.tessera.payments.api.channel.RefundRequest;
import io.tessera.payments.api.channel.RefundResult;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.testing.LocalUnitOfWork;
import io.tessera.testing.RecordedEvents;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import io.tessera.wallets.api.Hold;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.WalletParticipant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.After;
import org.junit.Test;

/**
 * Checkout with a payment channel, on a real database: a scripted channel stands in for WeChat Pay (the
 * adapters and their protocols are tested against their simulators in their own bundles). Split tenders,
 * holds captured or released, answers and notifications applied once, UNKNOWN resolved by the check task,
 * recharges credited once, channel refunds PROCESSING until confirmed.
 */
public class ChannelCheckoutTest {

    private static final long STORE = 101;
    private static final long MEMBER = 9;

    private final UnitDatabase db = UnitDatabase.create("tessera-payments");
    private final LocalUnitOfWork work = new LocalUnitOfWork(db.jpa());
    private final RecordedEvents events = new RecordedEvents(db.jpa());
    private final List<String> wallet = new ArrayList<>();
    private final Scripted wechat = new Scripted();
    private final Channels channels = new Channels();
    private final Settlement settlement;
    private final CheckoutServiceImpl checkout;
    private final ChannelNotifications notifications;

    public ChannelCheckoutTest() {
        OrgService org = Stub.of(OrgService.class).on("actingStore", a -> store()).on("findStore", a -> Optional.of(store())).build();
        MemberService members = Stub.of(MemberService.class).on("lookup", a -> Optional.of(member())).build();
        WalletParticipant wallets = Stub.of(WalletParticipant.class)
                .on("hold", a -> {
                    wallet.add("hold " + ((io.tessera.wallets.api.HoldRequest) a[0]).amount);
                    Hold h = new Hold();
                    h.id = 500L + wallet.size();
                    return h;
                })
                .on("capture", a -> entry("capture " + a[0]))
                .on("release", a -> {
                    wallet.add("release " + a[0]);
                    return new Hold();
                })
                .on("creditRecharge", a -> entry("recharge " + ((io.tessera.wallets.api.Movement) a[0]).amount + " " + a[1]))
                .on("debit", a -> entry("debit " + ((io.tessera.wallets.api.Movement) a[0]).amount)).build();
        Collaborators collaborators = new Collaborators();
        channels.addChannel(wechat);
        settlement = new Settlement(db.jpa(), wallets, events, collaborators);
        checkout = new CheckoutServiceImpl(db.jpa(), org, members, work, events, wallets, new PaymentSettings(), collaborators, channels,
                settlement);
        notifications = new ChannelNotifications(db.jpa(), channels, settlement);
        CallerContext.set(Caller.system("unit-test"));
    }

    @After
    public void close() {
        CallerContext.clear();
        work.close();
        db.close();
    }

    private JournalEntry entry(String call) {
        wallet.add(call);
        JournalEntry e = new JournalEntry();
        e.id = 7000L + wallet.size();
        return e;
    }

    private static Store store() {
        Store s = new Store();
        s.id = STORE;
        s.code = "101";
        s.name = "一号店";
        s.formatCode = "PHARMACY";
        s.status = Store.Status.OPEN;
        return s;
    }

    private static Member member() {
        Member m = new Member();
        m.id = MEMBER;
        m.name = "会员";
        m.status = Member.Status.ACTIVE;
        m.discountRate = BigDecimal.ONE;
        return m;
    }

    @Test
    public void aSplitTenderWhoseChannelRefusesReleasesTheHoldAndLeavesTheOrderPayable() {
        Order o = order("50.00", OrderKind.SALE);
        wechat.next = ChannelState.FAILED;
        TesseraRefusal.expect(PaymentErrors.CHANNEL_REFUSED, () -> checkout.pay(o.orderNo, pay(tender(PaymentMethod.MEMBER, "20.00", null),
                tender(PaymentMethod.WECHAT, "30.00", "134567890123456789")), key()));
        assertEquals(List.of("hold 20.00", "release 501"), wallet);
        Order now = new OrderQueryServiceImpl(db.jpa()).get(o.orderNo);
        assertEquals(OrderState.CREATED, now.state);
        assertEquals(TenderStatus.CANCELLED, now.tenders.get(0).status);
        assertEquals(TenderStatus.FAILED, now.tenders.get(1).status);
        assertEquals("AUTH_CODE_INVALID", now.tenders.get(1).channelCode);
        Order paid = checkout.pay(o.orderNo, pay(tender(PaymentMethod.CASH, "50.00", null)), key());
        assertEquals(OrderState.PAID, paid.state);
        assertEquals(1, events.all().stream().filter(e -> e.topic().equals(PaymentEvents.ORDER_PAID)).count());
    }

    @Test
    public void aSplitTenderThatSucceedsCapturesTheHoldAndRecordsTheChannelFee() {
        Order o = order("83.33", OrderKind.SALE);
        wechat.next = ChannelState.SUCCEEDED;
        Order paid = checkout.pay(o.orderNo, pay(tender(PaymentMethod.MEMBER, "50.00", null), tender(PaymentMethod.WECHAT, "33.33", "134567890123456789")),
                key());
        assertEquals(OrderState.PAID, paid.state);
        assertEquals(List.of("hold 50.00", "capture 501"), wallet);
        Tender w = paid.tenders.get(1);
        assertEquals(TenderStatus.SUCCEEDED, w.status);
        assertEquals(Money.parse("0.20"), w.fee); // 33.33 × 0.6 % = 0.19998, half up to the fen
        assertEquals(o.orderNo + "P1", w.outTradeNo);
        assertEquals("4200" + o.orderNo, w.channelTradeNo);
    }

    @Test
    public void aQrCodePaymentWaitsThenItsNotificationIsAppliedOnceWhateverItsRepetition() {
        Order o = order("12.00", OrderKind.SALE);
        wechat.next = ChannelState.WAITING;
        Order waiting = checkout.pay(o.orderNo, pay(tender(PaymentMethod.WECHAT, "12.00", null)), key());
        assertEquals(OrderState.CREATED, waiting.state);
        assertEquals("weixin://wxpay/bizpayurl?pr=" + o.orderNo, waiting.tenders.get(0).codeUrl);
        TesseraRefusal.expect(PaymentErrors.PAYMENT_IN_PROGRESS, () -> checkout.pay(o.orderNo, pay(tender(PaymentMethod.CASH, "12.00", null)), key()));
        String no = waiting.tenders.get(0).outTradeNo;
        for (int i = 0; i < 5; i++) {
            notifications.receive("wechat", wechat.notice(no, 1200));
        }
        Order paid = new OrderQueryServiceImpl(db.jpa()).get(o.orderNo);
        assertEquals(OrderState.PAID, paid.state);
        assertEquals(1, events.all().stream().filter(e -> e.topic().equals(PaymentEvents.ORDER_PAID)).count());
    }

    @Test
    public void aNotificationOfAnotherAmountOrAnUnknownPaymentIsRefusedAndChangesNothing() {
        Order o = order("12.00", OrderKind.SALE);
        wechat.next = ChannelState.WAITING;
        String no = checkout.pay(o.orderNo, pay(tender(PaymentMethod.WECHAT, "12.00", null)), key()).tenders.get(0).outTradeNo;
        TesseraRefusal.expect(PaymentErrors.CHANNEL_NOTIFICATION_INVALID, () -> notifications.receive("wechat", wechat.notice(no, 1)));
        TesseraRefusal.expect(PaymentErrors.CHANNEL_NOTIFICATION_INVALID, () -> notifications.receive("wechat", wechat.notice("T1P1", 1200)));
        TesseraRefusal.expect(PaymentErrors.CHANNEL_NOT_FOUND, () -> notifications.receive("alipay", wechat.notice(no, 1200)));
        Order now = new OrderQueryServiceImpl(db.jpa()).get(o.orderNo);
        assertEquals(OrderState.CREATED, now.state);
        assertEquals(TenderStatus.PENDING, now.tenders.get(0).status);
    }

    @Test
    public void aChannelThatDoesNotAnswerLeavesThePaymentUnknownUntilTheCheckTaskAsks() throws Exception {
        Order o = order("20.00", OrderKind.SALE);
        wechat.next = null; // the call fails: a timeout
        Order unknown = checkout.pay(o.orderNo, pay(tender(PaymentMethod.MEMBER, "5.00", null), tender(PaymentMethod.WECHAT, "15.00", "134567890123456789")),
                key());
        assertEquals(TenderStatus.UNKNOWN, unknown.tenders.get(1).status);
        assertEquals(OrderState.CREATED, unknown.state);
        ChannelCheck check = new ChannelCheck(db.jpa(), channels, settlement);
        assertEquals("too early: asked after 10 s", "0 payment(s), 0 refund(s) asked of their channel", check.run());
        age();
        wechat.next = ChannelState.SUCCEEDED;
        assertEquals("1 payment(s), 0 refund(s) asked of their channel", check.run());
        Order paid = new OrderQueryServiceImpl(db.jpa()).get(o.orderNo);
        assertEquals(OrderState.PAID, paid.state);
        assertEquals(List.of("hold 5.00", "capture 501"), wallet);
        assertEquals(List.of("pay", "query"), wechat.calls);
    }

    @Test
    public void aRechargeOrderIsCreditedOnceWhenItsChannelPaymentSucceeds() {
        Requests.CreateOrder r = create("100.00");
        r.kind = OrderKind.RECHARGE;
        r.memberId = MEMBER;
        Order o = checkout.create(r, key());
        wechat.next = ChannelState.WAITING;
        String no = checkout.pay(o.orderNo, pay(tender(PaymentMethod.WECHAT, "100.00", null)), key()).tenders.get(0).outTradeNo;
        assertEquals("nothing credited while the QR code is shown", List.of(), wallet);
        notifications.receive("wechat", wechat.notice(no, 10000));
        notifications.receive("wechat", wechat.notice(no, 10000));
        assertEquals(List.of("recharge 100.00 WECHAT"), wallet);
        Order paid = new OrderQueryServiceImpl(db.jpa()).get(o.orderNo);
        assertNotNull(paid.walletEntryId);
        assertEquals(1, events.all().stream().filter(e -> e.topic().equals(PaymentEvents.RECHARGE_PAID)).count());
    }

    @Test
    public void aChannelRefundIsProcessingUntilItsNotificationConfirmsIt() {
        Order o = order("30.00", OrderKind.SALE);
        wechat.next = ChannelState.SUCCEEDED;
        checkout.pay(o.orderNo, pay(tender(PaymentMethod.WECHAT, "30.00", "134567890123456789")), key());
        Requests.Refund back = new Requests.Refund();
        back.amount = Money.parse("10.00");
        Refund refund = checkout.refund(o.orderNo, back, key());
        assertEquals(Refund.State.PROCESSING, refund.state);
        Refund.Part part = refund.tenders.get(0);
        assertEquals(refund.refundNo + "C1", part.outRefundNo);
        assertEquals(Money.parse("0.06"), part.feeReturned);
        TesseraRefusal.expect(PaymentErrors.CHANNEL_NOTIFICATION_INVALID, () -> notifications.receive("wechat",
                wechat.refundNotice(part.outRefundNo, 999)));
        notifications.receive("wechat", wechat.refundNotice(part.outRefundNo, 1000));
        notifications.receive("wechat", wechat.refundNotice(part.outRefundNo, 1000));
        Refund done = new OrderQueryServiceImpl(db.jpa()).refund(refund.refundNo);
        assertEquals(Refund.State.SUCCEEDED, done.state);
        assertEquals("WX-R-" + part.outRefundNo, done.tenders.get(0).channelRefundNo);
        assertEquals(List.of("pay", "refund " + part.outRefundNo + " 1000"), wechat.calls);
    }

    @Test
    public void closingAnOrderWhosePaymentIsWaitingClosesItAtTheChannelAndReleasesTheHold() {
        Order o = order("40.00", OrderKind.SALE);
        wechat.next = ChannelState.WAITING;
        checkout.pay(o.orderNo, pay(tender(PaymentMethod.MEMBER, "10.00", null), tender(PaymentMethod.WECHAT, "30.00", null)), key());
        wechat.next = ChannelState.CLOSED;
        Order closed = checkout.close(o.orderNo, null, key());
        assertEquals(OrderState.CLOSED, closed.state);
        assertEquals(List.of("hold 10.00", "release 501"), wallet);
        assertEquals(List.of("pay", "close"), wechat.calls);
    }

    @Test
    public void aPaymentTakenAtTheChannelAfterItsOrderClosedIsReturnedOnceThroughTheChannel() throws Exception {
        Order o = order("40.00", OrderKind.SALE);
        wechat.next = ChannelState.WAITING;
        String no = checkout.pay(o.orderNo, pay(tender(PaymentMethod.WECHAT, "40.00", null)), key()).tenders.get(0).outTradeNo;
        wechat.next = ChannelState.CLOSED;
        assertEquals(OrderState.CLOSED, checkout.close(o.orderNo, null, key()).state);
        notifications.receive("wechat", wechat.notice(no, 4000));
        notifications.receive("wechat", wechat.notice(no, 4000));
        OrderQueryServiceImpl queries = new OrderQueryServiceImpl(db.jpa());
        assertEquals(OrderState.CLOSED, queries.get(o.orderNo).state);
        List<Refund> refunds = queries.refunds(o.orderNo);
        assertEquals("returned once, however often the channel tells", 1, refunds.size());
        assertEquals(Refund.State.PROCESSING, refunds.get(0).state);
        assertEquals(Money.parse("40.00"), refunds.get(0).amount);
        try (java.sql.Connection c = db.connection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE PAY_REFUND_TENDER SET CREATED_AT = {ts '2020-01-01 00:00:00'}");
        }
        assertEquals("0 payment(s), 1 refund(s) asked of their channel", new ChannelCheck(db.jpa(), channels, settlement).run());
        assertEquals(List.of("pay", "close", "refund " + refunds.get(0).tenders.get(0).outRefundNo + " 4000"), wechat.calls);
        assertEquals(Money.parse("0.00"), queries.get(o.orderNo).refunded);
    }

    /** Makes every tender and refund part look older than the check task's first wait. */
    private void age() throws Exception {
        try (java.sql.Connection c = db.connection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE PAY_TENDER SET CREATED_AT = {ts '2020-01-01 00:00:00'}, CHECKED_AT = NULL");
        }
    }

    private Order order(String amount, OrderKind kind) {
        Requests.CreateOrder r = create(amount);
        r.kind = kind;
        r.memberId = MEMBER;
        return checkout.create(r, key());
    }

    private static Requests.CreateOrder create(String amount) {
        Requests.CreateOrder r = new Requests.CreateOrder();
        r.storeId = STORE;
        r.posOrderNo = "POS-" + UUID.randomUUID();
        Requests.LineRequest l = new Requests.LineRequest();
        l.sku = "SKU1";
        l.name = "维生素";
        l.quantity = 1L;
        l.unitPrice = Money.parse(amount);
        r.lines = List.of(l);
        r.payWith = List.of();
        return r;
    }

    private static Requests.TenderRequest tender(PaymentMethod m, String amount, String authCode) {
        Requests.TenderRequest t = new Requests.TenderRequest();
        t.method = m;
        t.amount = Money.parse(amount);
        t.authCode = authCode;
        return t;
    }

    private static Requests.Pay pay(Requests.TenderRequest... tenders) {
        Requests.Pay p = new Requests.Pay();
        p.tenders = List.of(tenders);
        return p;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** Refusals of the payments catalogue. */
    private static final class TesseraRefusal {
        static void expect(PaymentErrors code, Runnable call) {
            assertRefused(code.name(), call);
        }
    }

    /** A channel whose next answer the test sets; it records what checkout asked of it. */
    private static final class Scripted implements PaymentChannel {
        ChannelState next;
        final List<String> calls = new ArrayList<>();
        final Map<String, Long> amounts = new HashMap<>();

        @Override
        public PaymentMethod method() {
            return PaymentMethod.WECHAT;
        }

        @Override
        public ChannelInfo info() {
            return new ChannelInfo();
        }

        @Override
        public BigDecimal feeRate(long storeId) {
            return new BigDecimal("0.0060");
        }

        private ChannelResult answer(String outTradeNo) {
            if (next == null) {
                throw new IllegalStateException("read timed out");
            }
            ChannelResult r = new ChannelResult();
            r.outTradeNo = outTradeNo;
            r.state = next;
            r.paidFen = amounts.get(outTradeNo);
            r.channelTradeNo = "4200" + outTradeNo.substring(0, outTradeNo.indexOf('P'));
            if (next == ChannelState.WAITING) {
                r.codeUrl = "weixin://wxpay/bizpayurl?pr=" + outTradeNo.substring(0, outTradeNo.indexOf('P'));
            }
            if (next == ChannelState.FAILED) {
                r.channelCode = "AUTH_CODE_INVALID";
                r.channelMessage = "付款码无效";
            }
            return r;
        }

        @Override
        public ChannelResult pay(PayRequest request) {
            calls.add("pay");
            amounts.put(request.outTradeNo, request.amountFen);
            return answer(request.outTradeNo);
        }

        @Override
        public ChannelResult query(long storeId, String outTradeNo, boolean paymentCode) {
            calls.add("query");
            return answer(outTradeNo);
        }

        @Override
        public ChannelResult close(long storeId, String outTradeNo, boolean paymentCode) {
            calls.add("close");
            return answer(outTradeNo);
        }

        @Override
        public RefundResult refund(RefundRequest request) {
            calls.add("refund " + request.outRefundNo + " " + request.refundFen);
            RefundResult r = new RefundResult();
            r.outRefundNo = request.outRefundNo;
            r.state = RefundResult.State.PROCESSING;
            return r;
        }

        @Override
        public RefundResult queryRefund(long storeId, String outTradeNo, String outRefundNo) {
            calls.add("queryRefund");
            RefundResult r = new RefundResult();
            r.outRefundNo = outRefundNo;
            r.state = RefundResult.State.PROCESSING;
            return r;
        }

        /** Notifications here are the test's own objects, already "verified": the body names which. */
        private final Map<String, Notification> pending = new HashMap<>();

        NotificationRequest notice(String outTradeNo, long fen) {
            Notification n = new Notification();
            n.kind = Notification.Kind.PAYMENT;
            n.payment = new ChannelResult();
            n.payment.outTradeNo = outTradeNo;
            n.payment.state = ChannelState.SUCCEEDED;
            n.payment.paidFen = fen;
            n.payment.channelTradeNo = "4200" + outTradeNo;
            return request(n);
        }

        NotificationRequest refundNotice(String outRefundNo, long fen) {
            Notification n = new Notification();
            n.kind = Notification.Kind.REFUND;
            n.refund = new RefundResult();
            n.refund.outRefundNo = outRefundNo;
            n.refund.state = RefundResult.State.SUCCEEDED;
            n.refund.refundFen = fen;
            n.refund.channelRefundNo = "WX-R-" + outRefundNo;
            return request(n);
        }

        private NotificationRequest request(Notification n) {
            String id = UUID.randomUUID().toString();
            pending.put(id, n);
            NotificationRequest r = new NotificationRequest();
            r.body = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            r.headers = Map.of();
            return r;
        }

        @Override
        public Notification verify(NotificationRequest request) {
            return pending.get(new String(request.body, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public Bill bill(long storeId, LocalDate day) {
            throw new UnsupportedOperationException();
        }
    }
}
