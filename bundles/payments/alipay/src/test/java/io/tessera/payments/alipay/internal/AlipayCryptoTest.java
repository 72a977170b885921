package io.tessera.payments.alipay.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;

/** The canonical strings and answer-node extraction of PROTOCOLS.md B2-B4, and RSA2 with the JDK. */
public class AlipayCryptoTest {

    private static KeyPair keys;

    @BeforeClass
    public static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    /** B2's example: sorted, raw values, sign dropped, sign_type kept, empty values dropped. */
    @Test
    public void requestContentIsTheProtocolsExample() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("timestamp", "2024-01-01 12:00:00");
        p.put("method", "alipay.trade.precreate");
        p.put("sign", "SHOULD-NOT-APPEAR");
        p.put("app_id", "2014072300007148");
        p.put("version", "1.0");
        p.put("sign_type", "RSA2");
        p.put("charset", "utf-8");
        p.put("notify_url", "https://t.example.com/notify");
        p.put("format", "");
        p.put("biz_content", "{\"out_trade_no\":\"T1\",\"total_amount\":\"0.01\",\"subject\":\"x\"}");
        assertEquals("app_id=2014072300007148&biz_content={\"out_trade_no\":\"T1\",\"total_amount\":\"0.01\",\"subject\":\"x\"}"
                + "&charset=utf-8&method=alipay.trade.precreate&notify_url=https://t.example.com/notify&sign_type=RSA2"
                + "&timestamp=2024-01-01 12:00:00&version=1.0", AlipayCrypto.requestContent(p));
    }

    /** B4: notifications drop sign AND sign_type, keep the rest sorted with decoded values. */
    @Test
    public void notificationContentDropsSignAndSignType() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("trade_status", "TRADE_SUCCESS");
        p.put("sign_type", "RSA2");
        p.put("sign", "xyz");
        p.put("app_id", "2021");
        p.put("subject", "门店 103 订单 A&B");
        assertEquals("app_id=2021&subject=门店 103 订单 A&B&trade_status=TRADE_SUCCESS", AlipayCrypto.notificationContent(p));
    }

    @Test
    public void signAndVerifyRoundTrip() {
        String content = "a=1&b=中文";
        String sign = AlipayCrypto.sign(keys.getPrivate(), content);
        assertTrue(AlipayCrypto.verify(keys.getPublic(), content, sign));
        assertFalse(AlipayCrypto.verify(keys.getPublic(), content + "x", sign));
        assertFalse(AlipayCrypto.verify(keys.getPublic(), content, "not base64 !"));
        assertFalse(AlipayCrypto.verify(keys.getPublic(), content, null));
    }

    @Test
    public void keysAsPemOrBareBase64() {
        String bare = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        PrivateKey a = AlipayCrypto.privateKey(bare);
        PrivateKey b = AlipayCrypto.privateKey(pem);
        assertEquals(a, b);
        PublicKey pub = AlipayCrypto.publicKey("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----");
        assertTrue(AlipayCrypto.verify(pub, "x", AlipayCrypto.sign(a, "x")));
        try {
            AlipayCrypto.privateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----");
            fail();
        } catch (AlipayConfig.KeyProblem e) {
            assertTrue(e.getMessage().contains("PKCS#1"));
        }
        try {
            AlipayCrypto.publicKey("bm90IGEga2V5");
            fail();
        } catch (AlipayConfig.KeyProblem e) {
            assertFalse(e.getMessage().contains("bm90"));
        }
    }

    /** B3: the exact text of the node, braces and quotes inside strings included, byte for byte. */
    @Test
    public void responseNodeIsTheRawText() {
        String node = "{\"code\":\"10000\",\"msg\":\"Success\",\"subject\":\"a } \\\" { b\",\"x\":{\"y\":[1,{\"z\":2}]},\"qr_code\":\"https:\\/\\/qr.alipay.com\\/bax\"}";
        String body = "{\"alipay_trade_precreate_response\" : " + node + ",\"sign\":\"abc\"}";
        assertEquals(node, AlipayCrypto.responseNode(body, "alipay_trade_precreate_response"));
        assertNull(AlipayCrypto.responseNode(body, "error_response"));
    }

    @Test
    public void duplicatedNodeIsRefused() {
        String body = "{\"alipay_trade_query_response\":{\"code\":\"10000\"},\"sign\":\"abc\",\"alipay_trade_query_response\":{\"code\":\"40004\"}}";
        try {
            AlipayCrypto.responseNode(body, "alipay_trade_query_response");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("twice"));
        }
    }

    /** B3: the SDK retries once with \/ replaced by / (an answer signed before escaping). */
    @Test
    public void answerSignedWithoutSlashEscapesVerifies() throws Exception {
        String unescaped = "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"T1\",\"qr_code\":\"https://qr.alipay.com/bax1\"}";
        String sign = AlipayCrypto.sign(keys.getPrivate(), unescaped);
        String body = "{\"alipay_trade_precreate_response\":" + unescaped.replace("/", "\\/") + ",\"sign\":\"" + sign + "\"}";
        AlipayConfig.Account a = account();
        AlipayClient.Reply r = AlipayClient.read(body, "alipay.trade.precreate", a, "T1", null);
        assertEquals("https://qr.alipay.com/bax1", r.text("qr_code"));
        try {
            AlipayClient.read(body.replace("T1", "T2"), "alipay.trade.precreate", a, "T1", null);
            fail();
        } catch (AlipayClient.Unavailable e) {
            assertTrue(e.getMessage().contains("signature"));
        }
        try {
            AlipayClient.read("{\"alipay_trade_precreate_response\":" + unescaped + "}", "alipay.trade.precreate", a, "T1", null);
            fail("an unsigned success must be refused");
        } catch (AlipayClient.Unavailable e) {
            assertTrue(e.getMessage().contains("unsigned"));
        }
        AlipayClient.Reply refusal = AlipayClient.read(
                "{\"error_response\":{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-signature\"}}",
                "alipay.trade.pay", a, "T1", null);
        assertEquals("isv.invalid-signature", refusal.refusalCode());
        assertFalse(refusal.signed());
    }

    private static AlipayConfig.Account account() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("appId", "2021");
        p.put("stores", "*");
        p.put("feeRate", "0.006");
        p.put("privateKey", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        p.put("alipayPublicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        AlipayConfig.Account a = new AlipayConfig.Account("t", p);
        assertTrue(a.problem, a.ready());
        return a;
    }
}
