package io.tessera.payments.alipay.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.platform.api.TesseraException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;

/** Notifications the simulator does not produce: GBK bodies, refunds without out_biz_no, seller and sign_type checks. */
public class AlipayNotificationsTest {

    private static KeyPair alipay;
    private static AlipayConfig config;

    @BeforeClass
    public static void setUp() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        alipay = g.generateKeyPair();
        Map<String, Object> p = new HashMap<>();
        p.put("merchant.a.appId", "2021000000000042");
        p.put("merchant.a.sellerId", "2088000000000042");
        p.put("merchant.a.stores", "*");
        p.put("merchant.a.feeRate", "0.006");
        p.put("merchant.a.privateKey", Base64.getEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded()));
        p.put("merchant.a.alipayPublicKey", Base64.getEncoder().encodeToString(alipay.getPublic().getEncoded()));
        config = new AlipayConfig(p);
        assertTrue(config.accounts.get(0).ready());
    }

    private static Map<String, String> params(String status) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("notify_time", "2024-03-01 10:00:05");
        p.put("notify_type", "trade_status_sync");
        p.put("notify_id", "ac05099524730693a8b330c5ecf72da9786");
        p.put("app_id", "2021000000000042");
        p.put("charset", "gbk");
        p.put("version", "1.0");
        p.put("sign_type", "RSA2");
        p.put("trade_no", "2024030122001400000000000001");
        p.put("out_trade_no", "P103A0001");
        p.put("seller_id", "2088000000000042");
        p.put("trade_status", status);
        p.put("total_amount", "88.88");
        p.put("subject", "蓝色港湾 维生素");
        p.put("gmt_payment", "2024-03-01 10:00:01");
        return p;
    }

    private static NotificationRequest encode(Map<String, String> p, Charset cs) {
        Map<String, String> signed = new LinkedHashMap<>(p);
        signed.put("sign", AlipayCrypto.sign(alipay.getPrivate(), AlipayCrypto.notificationContent(p)));
        StringBuilder b = new StringBuilder();
        signed.forEach((k, v) -> b.append(b.length() > 0 ? "&" : "").append(k).append('=').append(URLEncoder.encode(v, cs)));
        NotificationRequest r = new NotificationRequest();
        r.body = b.toString().getBytes(cs);
        r.contentType = "application/x-www-form-urlencoded";
        r.headers = Map.of("content-type", r.contentType);
        return r;
    }

    @Test
    public void gbkBodyVerifies() {
        Notification n = AlipayNotifications.verify(config, encode(params("TRADE_SUCCESS"), Charset.forName("GBK")));
        assertEquals(Notification.Kind.PAYMENT, n.kind);
        assertEquals(ChannelState.SUCCEEDED, n.payment.state);
        assertEquals(Long.valueOf(8888), n.payment.paidFen);
        assertEquals("ac05099524730693a8b330c5ecf72da9786", n.notificationId);
        assertEquals("2021000000000042", n.merchantId);
    }

    @Test
    public void aCancelThatRefundedIsTheTradeClosedNotARefund() {
        Map<String, String> p = params("TRADE_CLOSED");
        p.put("refund_fee", "88.88");
        p.put("gmt_refund", "2024-03-01 10:01:00.123");
        Notification n = AlipayNotifications.verify(config, encode(p, Charset.forName("GBK")));
        assertEquals(Notification.Kind.PAYMENT, n.kind);
        assertEquals(ChannelState.CLOSED, n.payment.state);
        assertEquals("refunded 88.88 in all", n.payment.channelMessage);
    }

    @Test
    public void aPartialRefund() {
        Map<String, String> p = params("TRADE_SUCCESS");
        p.put("charset", "utf-8");
        p.put("out_biz_no", "R103A0001-2");
        p.put("refund_fee", "10.00");
        p.put("gmt_refund", "2024-03-01 10:01:00.123");
        Notification n = AlipayNotifications.verify(config, encode(p, Charset.forName("UTF-8")));
        assertEquals(Notification.Kind.REFUND, n.kind);
        assertEquals("R103A0001-2", n.refund.outRefundNo);
        assertNull(n.refund.refundFen);
        assertEquals(2024, n.refund.refundedAt.getYear());
        assertEquals("+08:00", n.refund.refundedAt.getOffset().getId());
    }

    @Test
    public void anotherSellerIsRefused() {
        Map<String, String> p = params("TRADE_SUCCESS");
        p.put("seller_id", "2088999999999999");
        try {
            AlipayNotifications.verify(config, encode(p, Charset.forName("GBK")));
            fail();
        } catch (TesseraException e) {
            assertEquals("CHANNEL_NOTIFICATION_INVALID", e.getCode());
        }
    }

    @Test
    public void onlyRsa2() {
        Map<String, String> p = params("TRADE_SUCCESS");
        p.put("sign_type", "RSA");
        try {
            AlipayNotifications.verify(config, encode(p, Charset.forName("GBK")));
            fail();
        } catch (TesseraException e) {
            assertEquals("CHANNEL_SIGNATURE_INVALID", e.getCode());
            assertTrue(e.getMessage().contains("RSA2"));
        }
    }
}
