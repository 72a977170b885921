package io.tessera.payments.alipay.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alipay RSA2 with the JDK (PROTOCOLS.md B2-B4, B9): keys, SHA256withRSA, the canonical strings of requests and
 * notifications, and the raw text of a response node (what Alipay signed).
 */
final class AlipayCrypto {

    private AlipayCrypto() {
    }

    /** An app private key: PKCS#8, PEM ({@code BEGIN PRIVATE KEY}) or bare Base64 as Alipay's key tool writes it. */
    static PrivateKey privateKey(String text) {
        if (text.contains("BEGIN RSA PRIVATE KEY")) {
            throw new AlipayConfig.KeyProblem("PKCS#1 (BEGIN RSA PRIVATE KEY) is not supported, convert it to PKCS#8");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AlipayConfig.KeyProblem("not an RSA PKCS#8 private key");
        }
    }

    /** The Alipay public key: X.509 SubjectPublicKeyInfo, PEM ({@code BEGIN PUBLIC KEY}) or bare Base64. */
    static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AlipayConfig.KeyProblem("not an RSA X.509 public key");
        }
    }

    private static byte[] der(String text) {
        String b64 = text.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }

    static String sign(PrivateKey key, String content) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA2 signing failed: " + e.getClass().getSimpleName());
        }
    }

    /** False for a signature that does not verify or is not Base64 (never throws for bad input). */
    static boolean verify(PublicKey key, String content, String sign) {
        if (sign == null || sign.isEmpty()) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Requests (B2): all parameters but {@code sign} and empty ones, {@code sign_type} kept, sorted, raw values. */
    static String requestContent(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals("sign") || e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            append(b, e.getKey(), e.getValue());
        }
        return b.toString();
    }

    /** Notifications (B4): all parameters but {@code sign} and {@code sign_type}, sorted, raw values, empty ones kept. */
    static String notificationContent(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals("sign") || e.getKey().equals("sign_type")) {
                continue;
            }
            append(b, e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        return b.toString();
    }

    private static void append(StringBuilder b, String k, String v) {
        if (b.length() > 0) {
            b.append('&');
        }
        b.append(k).append('=').append(v);
    }

    /**
     * The exact text of {@code "<node>": {...}}'s value in the raw body (B3: the SDKs' extraction), or null when
     * the node is absent or not an object; {@link IllegalArgumentException} when it is unterminated or appears twice.
     */
    static String responseNode(String body, String node) {
        String key = "\"" + node + "\"";
        int at = body.indexOf(key);
        if (at < 0) {
            return null;
        }
        int i = at + key.length();
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        if (i >= body.length() || body.charAt(i) != ':') {
            return null;
        }
        i++;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        if (i >= body.length() || body.charAt(i) != '{') {
            return null;
        }
        int start = i;
        int depth = 0;
        boolean inString = false;
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '"' && !escaped(body, i)) {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                if (body.indexOf(key, i) >= 0) {
                    throw new IllegalArgumentException("the node " + node + " appears twice");
                }
                return body.substring(start, i + 1);
            }
        }
        throw new IllegalArgumentException("the node " + node + " is not terminated");
    }

    private static boolean escaped(String s, int quote) {
        int n = 0;
        for (int j = quote - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 1;
    }
}
