package io.tessera.marketing.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a card push is signed: {@code Tessera-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with
 * {@code Tessera-Timestamp: <epoch seconds>}; a receiver recomputes it over the raw body and refuses a stale
 * timestamp (replays).
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        return "v1=" + hmacHex(secret, timestamp + "." + body);
    }

    static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
