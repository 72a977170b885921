package io.tessera.payments.wechat.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tessera.payments.api.channel.Bill;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.api.channel.RefundResult;
import io.tessera.payments.simulator.wechat.WechatSimulator.Delivery;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** Notifications (signature, window, decryption) and the daily bill, against the simulator. */
public class WechatNotificationsTest extends SimulatorFixture {

    @Test
    public void qrCodePaidThenItsNotificationVerifies() {
        String no = no("Q");
        channel.pay(payRequest(1, no, 2345, null));
        sim.pay(no);
        Notification n = channel.verify(request(sim.paymentNotification(no)));
        assertEquals(Notification.Kind.PAYMENT, n.kind);
        assertEquals(cfg.get("merchant.main.mchid"), n.merchantId);
        assertEquals(no, n.payment.outTradeNo);
        assertEquals(ChannelState.SUCCEEDED, n.payment.state);
        assertEquals(Long.valueOf(2345), n.payment.paidFen);
        assertEquals(sim.trade(no).channelTradeNo, n.payment.channelTradeNo);
        assertNotNull(n.payment.paidAt);
        assertNotNull(n.notificationId);
        assertEquals("WeChat Pay expects no body (the endpoint answers 204)", "", n.answerBody);
        assertNull(n.answerContentType);
    }

    @Test
    public void theSimulatorDeliversToTheNotifyUrlOverHttp() throws Exception {
        BlockingQueue<NotificationRequest> received = new ArrayBlockingQueue<>(4);
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/notify", ex -> {
            NotificationRequest r = new NotificationRequest();
            r.headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> r.headers.put(k.toLowerCase(), v.get(0)));
            r.body = ex.getRequestBody().readAllBytes();
            r.contentType = ex.getRequestHeaders().getFirst("Content-Type");
            received.add(r);
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        endpoint.start();
        try {
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/notify";
            Map<String, Object> c = new HashMap<>(sim.tesseraConfig("main", "S001,S002", url));
            WechatPayChannel ch = channel(c, Clock.systemUTC());
            String no = no("Q");
            ch.pay(payRequest(1, no, 100, null));
            sim.pay(no);
            NotificationRequest r = received.poll(10, TimeUnit.SECONDS);
            assertNotNull("no notification arrived", r);
            Notification n = ch.verify(r);
            assertEquals(no, n.payment.outTradeNo);
            assertEquals(ChannelState.SUCCEEDED, n.payment.state);
            assertEquals(204, sim.deliver(sim.paymentNotification(no)));
            assertNotNull(received.poll(10, TimeUnit.SECONDS));
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    public void refundNotificationVerifies() {
        String no = no("P");
        channel.pay(payRequest(1, no, 10000, "134567890123456789"));
        String rno = no("R");
        channel.refund(WechatPayChannelTest.refund(no, rno, 2500, 10000));
        Notification n = channel.verify(request(sim.refundNotification(rno)));
        assertEquals(Notification.Kind.REFUND, n.kind);
        assertEquals(rno, n.refund.outRefundNo);
        assertEquals(RefundResult.State.SUCCEEDED, n.refund.state);
        assertEquals(Long.valueOf(2500), n.refund.refundFen);
        assertNotNull(n.refund.channelRefundNo);
        assertNotNull(n.refund.refundedAt);
    }

    @Test
    public void aForgedNotificationIsRefused() {
        String no = paidQr();
        Delivery d = sim.paymentNotification(no);
        Delivery forged = sim.forged(d);
        String m = expect("CHANNEL_SIGNATURE_INVALID", () -> channel.verify(request(forged))).getMessage();
        assertTrue(m, m.contains("Wechatpay-Signature does not verify"));
        assertFalse("no signature value in the message", m.contains(forged.headers().get("Wechatpay-Signature")));
    }

    @Test
    public void aTamperedBodyIsRefused() {
        Delivery d = sim.paymentNotification(paidQr());
        byte[] body = d.body().clone();
        int i = new String(body).indexOf("\"summary\"");
        body[i + 1] = 'S';
        expect("CHANNEL_SIGNATURE_INVALID", () -> channel.verify(request(new Delivery(d.headers(), body, d.contentType()))));
    }

    @Test
    public void anotherAmountStillVerifiesAndIsReportedAsIs() {
        String no = paidQr();
        Notification n = channel.verify(request(sim.withAmount(no, 1)));
        assertEquals(Long.valueOf(1), n.payment.paidFen);
        assertEquals(no, n.payment.outTradeNo);
    }

    @Test
    public void aStaleTimestampIsRefused() {
        Delivery d = sim.paymentNotification(paidQr());
        WechatPayChannel later = channel(cfg, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));
        String m = expect("CHANNEL_SIGNATURE_INVALID", () -> later.verify(request(d))).getMessage();
        assertTrue(m, m.contains("Wechatpay-Timestamp"));
        WechatPayChannel bitLater = channel(cfg, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4)));
        assertEquals(ChannelState.SUCCEEDED, bitLater.verify(request(d)).payment.state);
    }

    @Test
    public void missingHeadersAndCertificateSerialsAreRefused() {
        Delivery d = sim.paymentNotification(paidQr());
        Map<String, String> h = new HashMap<>(d.headers());
        h.remove("Wechatpay-Nonce");
        expect("CHANNEL_SIGNATURE_INVALID", () -> channel.verify(request(new Delivery(h, d.body(), d.contentType()))));
        Map<String, String> cert = new HashMap<>(d.headers());
        cert.put("Wechatpay-Serial", "5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
        String m = expect("CHANNEL_SIGNATURE_INVALID",
                () -> channel.verify(request(new Delivery(cert, d.body(), d.contentType())))).getMessage();
        assertTrue(m, m.contains("public key mode"));
        Map<String, String> probe = new HashMap<>(d.headers());
        probe.put("Wechatpay-Signature", "WECHATPAY/SIGNTEST/abcdef");
        expect("CHANNEL_SIGNATURE_INVALID", () -> channel.verify(request(new Delivery(probe, d.body(), d.contentType()))));
    }

    @Test
    public void aNotificationForAnotherApiV3KeyIsRefused() throws Exception {
        java.nio.file.Path otherKey = tmp.newFile("other.key").toPath();
        java.nio.file.Files.writeString(otherKey, "abcdefghijklmnopqrstuvwxyz012345");
        Map<String, Object> c = new HashMap<>(cfg);
        c.put("merchant.main.apiV3KeyFile", otherKey.toString());
        Delivery d = sim.paymentNotification(paidQr());
        String m = expect("CHANNEL_SIGNATURE_INVALID", () -> channel(c, Clock.systemUTC()).verify(request(d))).getMessage();
        assertTrue(m, m.contains("does not decrypt"));
    }

    @Test
    public void theDailyBillHasItsRowsAndFees() {
        String code = no("P");
        channel.pay(payRequest(1, code, 10000, "134567890123456789"));
        String qr = paidQr();
        String rno = no("R");
        channel.refund(WechatPayChannelTest.refund(code, rno, 5000, 10000));
        channel.pay(payRequest(1, no("Q"), 777, null)); // never paid: not in the bill

        Bill bill = channel.bill(1, LocalDate.now(ZoneOffset.ofHours(8)));
        assertEquals(cfg.get("merchant.main.mchid"), bill.merchantId);
        assertTrue(bill.sha256, bill.sha256.matches("[0-9a-f]{64}"));
        assertEquals(3, bill.rows.size());
        Bill.Row pay = bill.rows.stream().filter(r -> r.outTradeNo.equals(code) && r.outRefundNo == null).findFirst().get();
        assertEquals("SUCCESS", pay.state);
        assertEquals(10000L, pay.amountFen);
        assertEquals(60L, pay.feeFen);
        assertEquals(sim.trade(code).channelTradeNo, pay.channelTradeNo);
        Bill.Row qrRow = bill.rows.stream().filter(r -> r.outTradeNo.equals(qr)).findFirst().get();
        assertEquals(2345L, qrRow.amountFen);
        assertEquals(14L, qrRow.feeFen); // 14.07 fen, half-up
        Bill.Row refund = bill.rows.stream().filter(r -> rno.equals(r.outRefundNo)).findFirst().get();
        assertEquals("REFUND", refund.state);
        assertEquals(code, refund.outTradeNo);
        assertEquals(5000L, refund.amountFen);
        assertEquals(-30L, refund.feeFen);
        assertNotNull(refund.at);

        Bill yesterday = channel.bill(1, LocalDate.now(ZoneOffset.ofHours(8)).minusDays(1));
        assertTrue(yesterday.rows.isEmpty());
    }

    private String paidQr() {
        String no = no("Q");
        channel.pay(payRequest(1, no, 2345, null));
        sim.pay(no);
        return no;
    }
}
