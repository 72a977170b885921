package io.tessera.payments.alipay.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.sun.net.httpserver.HttpServer;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.api.channel.RefundResult;
import io.tessera.payments.simulator.alipay.AlipaySimulator;
import io.tessera.payments.simulator.alipay.AlipaySimulator.Delivery;
import io.tessera.payments.simulator.alipay.AlipaySimulator.Outcome;
import io.tessera.platform.api.TesseraException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** Payments (payment code, QR code, timeouts, close/cancel) and notifications against the simulator. */
public class AlipayPaymentsTest extends SimulatorTestBase {

    @Test
    public void paymentCodeSucceeds() {
        String no = no("PC");
        ChannelResult r = channel.pay(pay(1, no, 8888, "284712345678901234"));
        assertEquals(ChannelState.SUCCEEDED, r.state);
        assertEquals(Long.valueOf(8888), r.paidFen);
        assertNotNull(r.channelTradeNo);
        assertNotNull(r.paidAt);
        assertEquals("TRADE_SUCCESS", sim.trade(no).state);
        assertEquals(8888, sim.trade(no).amountFen);
        assertEquals(ChannelState.SUCCEEDED, channel.query(1, no, true).state);
        assertTrue(sim.rejectedRequests().isEmpty());
    }

    @Test
    public void paymentCodeRefused() {
        sim.script("280000000000000001", Outcome.FAIL);
        ChannelResult r = channel.pay(pay(1, no("PF"), 100, "280000000000000001"));
        assertEquals(ChannelState.FAILED, r.state);
        assertEquals("ACQ.BUYER_BALANCE_NOT_ENOUGH", r.channelCode);
        assertNotNull(r.channelMessage);
    }

    @Test
    public void userPayingThenQueryThenConfirmed() {
        sim.script("280000000000000002", Outcome.USER_PAYING);
        String no = no("PW");
        assertEquals(ChannelState.WAITING, channel.pay(pay(1, no, 500, "280000000000000002")).state);
        assertEquals(ChannelState.WAITING, channel.query(1, no, true).state);
        sim.pay(no);
        ChannelResult q = channel.query(1, no, true);
        assertEquals(ChannelState.SUCCEEDED, q.state);
        assertEquals(Long.valueOf(500), q.paidFen);
    }

    @Test
    public void userPayingThenClosedIsCancelled() {
        sim.script("280000000000000003", Outcome.USER_PAYING);
        String no = no("PX");
        assertEquals(ChannelState.WAITING, channel.pay(pay(1, no, 500, "280000000000000003")).state);
        ChannelResult c = channel.close(1, no, true);
        assertEquals(ChannelState.CLOSED, c.state);
        assertEquals("CANCELLED_CLOSE", c.channelCode);
        assertEquals("TRADE_CLOSED", sim.trade(no).state);
        assertEquals(ChannelState.CLOSED, channel.query(1, no, true).state);
    }

    @Test
    public void userGivesUp() {
        sim.script("280000000000000004", Outcome.USER_PAYING);
        String no = no("PG");
        channel.pay(pay(1, no, 500, "280000000000000004"));
        sim.failWaiting(no);
        assertEquals(ChannelState.CLOSED, channel.query(1, no, true).state);
    }

    @Test
    public void timeoutIsUnknownThenQuerySaysPaid() {
        sim.script("280000000000000005", Outcome.TIMEOUT);
        sim.answerDelay(Duration.ofMillis(3000));
        String no = no("PT");
        ChannelResult r = channel.pay(pay(1, no, 1234, "280000000000000005"));
        assertEquals(ChannelState.UNKNOWN, r.state);
        ChannelResult q = channel.query(1, no, true);
        assertEquals(ChannelState.SUCCEEDED, q.state);
        assertEquals(Long.valueOf(1234), q.paidFen);
        sim.scriptQuery(no, true);
        assertEquals(ChannelState.UNKNOWN, channel.query(1, no, true).state);
        sim.scriptQuery(no, false);
        // an unknown payment code attempt is cancelled: the payment taken is given back
        ChannelResult c = channel.close(1, no, true);
        assertEquals(ChannelState.CLOSED, c.state);
        assertEquals("CANCELLED_REFUND", c.channelCode);
        assertEquals(Long.valueOf(1234), sim.trade(no).refunds.get(no));
    }

    @Test
    public void queryOfAnUnknownPaymentIsNotFound() {
        assertEquals(ChannelState.NOT_FOUND, channel.query(1, no("NF"), true).state);
    }

    @Test
    public void qrCodeThenPaidThenNotified() {
        String no = no("QR");
        ChannelResult r = channel.pay(pay(3, no, 2000, null));
        assertEquals(ChannelState.WAITING, r.state);
        assertTrue(r.codeUrl.startsWith("https://qr.alipay.com/"));
        assertEquals("not scanned yet", ChannelState.WAITING, channel.query(3, no, false).state);
        sim.pay(no);
        assertEquals(ChannelState.SUCCEEDED, channel.query(3, no, false).state);
        Notification n = channel.verify(request(sim.paymentNotification(no)));
        assertEquals(Notification.Kind.PAYMENT, n.kind);
        assertEquals(appId(), n.merchantId);
        assertEquals(no, n.payment.outTradeNo);
        assertEquals(ChannelState.SUCCEEDED, n.payment.state);
        assertEquals(Long.valueOf(2000), n.payment.paidFen);
        assertEquals(sim.trade(no).channelTradeNo, n.payment.channelTradeNo);
        assertNotNull(n.notificationId);
        assertEquals("success", n.answerBody);
        assertEquals("text/plain", n.answerContentType);
    }

    @Test
    public void qrCodeClosedBeforeScanning() {
        String no = no("QC");
        channel.pay(pay(1, no, 2000, null));
        assertEquals(ChannelState.CLOSED, channel.close(1, no, false).state);
    }

    @Test
    public void closeOfAPaidQrCodeSaysPaid() {
        String no = no("QP");
        channel.pay(pay(1, no, 2000, null));
        sim.pay(no);
        assertEquals(ChannelState.SUCCEEDED, channel.close(1, no, false).state);
    }

    @Test
    public void notificationsAreDeliveredUntilSuccess() throws Exception {
        BlockingQueue<Notification> got = new LinkedBlockingQueue<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/notify", ex -> {
            NotificationRequest n = new NotificationRequest();
            n.body = ex.getRequestBody().readAllBytes();
            n.contentType = ex.getRequestHeaders().getFirst("Content-Type");
            n.headers = Map.of("content-type", n.contentType);
            byte[] answer;
            int status;
            try {
                Notification v = channel.verify(n);
                got.add(v);
                answer = v.answerBody.getBytes(StandardCharsets.UTF_8);
                status = 200;
            } catch (TesseraException e) {
                answer = "fail".getBytes(StandardCharsets.UTF_8);
                status = e.getStatus();
            }
            ex.sendResponseHeaders(status, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        endpoint.start();
        try {
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/notify";
            cfg.put("notifyUrl", url);
            channel.modified(cfg);
            sim.autoNotify(true);
            String no = no("QN");
            channel.pay(pay(1, no, 990, null));
            sim.pay(no);
            Notification n = got.poll(5, TimeUnit.SECONDS);
            assertNotNull("payment notified", n);
            assertEquals(ChannelState.SUCCEEDED, n.payment.state);
            channel.refund(refund(no, no + "R1", 990, 990));
            Notification rn = got.poll(5, TimeUnit.SECONDS);
            assertNotNull("refund notified", rn);
            assertEquals(Notification.Kind.REFUND, rn.kind);
            assertEquals(no + "R1", rn.refund.outRefundNo);
            assertEquals(RefundResult.State.SUCCEEDED, rn.refund.state);
            assertEquals(401, sim.deliver(sim.forged(sim.paymentNotification(no))));
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    public void forgedTamperedAndOtherAmountNotifications() {
        String no = no("NF");
        channel.pay(pay(1, no, 2500, "284700000000000004"));
        Delivery good = sim.paymentNotification(no);
        expectInvalid(sim.forged(good), "signature");
        String body = new String(good.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("total_amount=25.00"));
        byte[] tampered = body.replace("total_amount=25.00", "total_amount=2.50").getBytes(StandardCharsets.UTF_8);
        expectInvalid(new Delivery(good.headers(), tampered, good.contentType()), "signature");
        byte[] otherApp = body.replace("app_id=" + appId(), "app_id=2021999999999999").getBytes(StandardCharsets.UTF_8);
        expectInvalid(new Delivery(good.headers(), otherApp, good.contentType()), "app_id");
        expectInvalid(new Delivery(good.headers(), new byte[0], good.contentType()), "no body");
        // correctly signed but another amount: verifies (the amount check is checkout's)
        Notification n = channel.verify(request(sim.withAmount(no, 1)));
        assertEquals(Long.valueOf(1), n.payment.paidFen);
    }

    private void expectInvalid(Delivery d, String says) {
        try {
            channel.verify(request(d));
            fail("accepted: " + says);
        } catch (TesseraException e) {
            assertEquals("CHANNEL_SIGNATURE_INVALID", e.getCode());
            assertEquals(401, e.getStatus());
            assertTrue(e.getMessage(), e.getMessage().contains(says));
            String sign = new String(d.body(), StandardCharsets.UTF_8).replaceAll(".*sign=([^&]*).*", "$1");
            assertFalse("no signature value in the message", !sign.isEmpty() && e.getMessage().contains(sign));
            assertFalse("no body in the message", e.getMessage().contains("total_amount"));
        }
    }
}
