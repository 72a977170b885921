package io.tessera.payments.wechat.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.BeforeClass;
import org.junit.Test;

/** The canonical strings and primitives of PROTOCOLS.md A2, A3, A5 and A11. */
public class WechatCryptoTest {

    private static KeyPair keys;

    @BeforeClass
    public static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    @Test
    public void requestMessageIsTheOfficialExample() {
        // WeChat Pay's documented example (签名生成): GET /v3/certificates with an empty body.
        assertEquals("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n",
                WechatCrypto.requestMessage("GET", "/v3/certificates", 1554208460L, "593BEC0C930BF1AFEB40B4A08C8FB242",
                        null));
        assertEquals("POST\n/v3/pay/transactions/native\n1554208460\nN\n{\"a\":1}\n",
                WechatCrypto.requestMessage("POST", "/v3/pay/transactions/native", 1554208460L, "N", "{\"a\":1}"));
    }

    @Test
    public void canonicalUrlKeepsTheRawQuery() {
        assertEquals("GET\n/v3/pay/transactions/out-trade-no/T123?mchid=1900000109\n1\nN\n\n",
                WechatCrypto.requestMessage("GET", "/v3/pay/transactions/out-trade-no/T123?mchid=1900000109", 1, "N", ""));
    }

    @Test
    public void answerMessageEndsWithTwoLineFeedsForAnEmptyBody() {
        assertEquals("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n\n",
                new String(WechatCrypto.answerMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", new byte[0]),
                        StandardCharsets.UTF_8));
        assertEquals("1\nn\n{\"x\":\"支付\"}\n", new String(WechatCrypto.answerMessage("1", "n",
                "{\"x\":\"支付\"}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    @Test
    public void authorizationHeaderHasTheSchemeAndQuotedFields() {
        assertEquals("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\",nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\","
                + "timestamp=\"1554208460\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\",signature=\"c2ln\"",
                WechatCrypto.authorization("1900009191", "593BEC0C930BF1AFEB40B4A08C8FB242", 1554208460L,
                        "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", "c2ln"));
    }

    @Test
    public void nonceIs32Alphanumerics() {
        String n = WechatCrypto.nonce();
        assertTrue(n, n.matches("[0-9A-Za-z]{32}"));
    }

    @Test
    public void signatureVerifiesOnlyOverTheSameBytes() {
        String msg = WechatCrypto.requestMessage("POST", "/v3/refund/domestic/refunds", 1700000000L, "abc", "{}");
        String sig = WechatCrypto.sign(keys.getPrivate(), msg);
        assertTrue(WechatCrypto.verify(keys.getPublic(), msg.getBytes(StandardCharsets.UTF_8), sig));
        assertFalse(WechatCrypto.verify(keys.getPublic(), (msg + " ").getBytes(StandardCharsets.UTF_8), sig));
        assertFalse("a WECHATPAY/SIGNTEST/ probe simply fails",
                WechatCrypto.verify(keys.getPublic(), msg.getBytes(StandardCharsets.UTF_8), "WECHATPAY/SIGNTEST/abc"));
        assertFalse(WechatCrypto.verify(keys.getPublic(), msg.getBytes(StandardCharsets.UTF_8), ""));
    }

    @Test
    public void pemKeysLoadAndPkcs1IsExplained() throws Exception {
        String priv = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
        String pub = pem("PUBLIC KEY", keys.getPublic().getEncoded());
        String sig = WechatCrypto.sign(WechatCrypto.privateKey(priv), "x");
        assertTrue(WechatCrypto.verify(WechatCrypto.publicKey(pub), "x".getBytes(StandardCharsets.UTF_8), sig));
        try {
            WechatCrypto.privateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
            fail();
        } catch (GeneralSecurityException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("PKCS#8"));
        }
    }

    @Test
    public void resourceDecryptsWithTheApiV3KeyNonceAndAssociatedData() throws Exception {
        byte[] key = "0123456789abcdef0123456789ABCDEF".getBytes(StandardCharsets.UTF_8);
        String plain = "{\"out_trade_no\":\"T1\",\"trade_state\":\"SUCCESS\"}";
        String ct = encrypt(key, "fdasflkja484", "transaction", plain);
        assertEquals(plain, WechatCrypto.decrypt(key, "fdasflkja484", "transaction", ct));
        for (String[] wrong : new String[][] {{"fdasflkja485", "transaction"}, {"fdasflkja484", "refund"}}) {
            try {
                WechatCrypto.decrypt(key, wrong[0], wrong[1], ct);
                fail("decrypted with " + String.join("/", wrong));
            } catch (GeneralSecurityException expected) {
                // AEADBadTagException: a forged or altered resource
            }
        }
        byte[] tampered = Base64.getDecoder().decode(ct);
        tampered[0] ^= 1;
        try {
            WechatCrypto.decrypt(key, "fdasflkja484", "transaction", Base64.getEncoder().encodeToString(tampered));
            fail();
        } catch (GeneralSecurityException expected) {
            // tag mismatch
        }
    }

    @Test
    public void digestsAreLowerCaseHex() {
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", WechatCrypto.sha1Hex("abc".getBytes(StandardCharsets.UTF_8)));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                WechatCrypto.sha256Hex("abc".getBytes(StandardCharsets.UTF_8)));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String encrypt(byte[] key, String nonce, String aad, String plain) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(c.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }
}
