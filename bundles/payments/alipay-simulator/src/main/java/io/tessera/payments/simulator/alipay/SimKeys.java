package io.tessera.payments.simulator.alipay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** RSA2 (SHA256withRSA) keys and the Alipay canonical strings, as the simulator (the "channel") uses them. */
final class SimKeys {

    private SimKeys() {
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    static String sign(PrivateKey key, String content) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(PublicKey key, String content, String sign) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(content.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(sign));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Requests: every parameter but {@code sign} and empty ones, {@code sign_type} kept, sorted, raw values. */
    static String requestContent(Map<String, String> params) {
        return canonical(params, false);
    }

    /** Notifications: every parameter but {@code sign} and {@code sign_type}, sorted, raw values. */
    static String notificationContent(Map<String, String> params) {
        return canonical(params, true);
    }

    private static String canonical(Map<String, String> params, boolean dropSignType) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            String k = e.getKey();
            if (k.equals("sign") || (dropSignType && k.equals("sign_type")) || e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(k).append('=').append(e.getValue());
        }
        return b.toString();
    }
}
