package io.tessera.payments.wechat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.wechat.internal.WechatSettings.Account;
import io.tessera.platform.api.TesseraException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a WeChat Pay notification (A5): signature over the raw body with the public key named by
 * Wechatpay-Serial, 5-minute timestamp window, AES-256-GCM decryption of the resource with the account's APIv3
 * key, then the transaction or refund inside. Every failed check is CHANNEL_SIGNATURE_INVALID naming the check,
 * never a key, a signature value or the body.
 */
final class WechatNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(WechatNotifications.class);
    /** WeChat Pay needs HTTP 200 or 204 and no body (the status decides): an empty answer, i.e. 204. */
    static final String ANSWER_CONTENT_TYPE = null;
    static final String ANSWER_BODY = "";

    private WechatNotifications() {
    }

    static Notification verify(WechatSettings settings, ObjectMapper json, Clock clock, NotificationRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (request.headers != null) {
            request.headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    headers.put(k, v);
                }
            });
        }
        byte[] body = request.body == null ? new byte[0] : request.body;
        String serial = headers.getOrDefault("Wechatpay-Serial", "");
        String type = headers.getOrDefault("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        if (!"WECHATPAY2-SHA256-RSA2048".equals(type)) {
            throw invalid("Wechatpay-Signature-Type " + type + " is not WECHATPAY2-SHA256-RSA2048");
        }
        if (serial.isEmpty()) {
            throw invalid("Wechatpay-Serial header missing");
        }
        if (!serial.startsWith(WechatSettings.PUB_KEY_ID_PREFIX)) {
            throw invalid("Wechatpay-Serial is a platform certificate serial; only the WeChat Pay public key mode "
                    + "(PUB_KEY_ID_...) is supported");
        }
        List<Account> accounts = settings.accountsByPublicKeyId(serial);
        if (accounts.isEmpty()) {
            throw invalid("no ready merchant account has the WeChat Pay public key " + serial);
        }
        String problem = WechatClient.checkSigned(accounts.get(0), headers.getOrDefault("Wechatpay-Timestamp", ""),
                headers.getOrDefault("Wechatpay-Nonce", ""), headers.getOrDefault("Wechatpay-Signature", ""), serial,
                body, clock);
        if (problem != null) {
            throw invalid(problem);
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (IOException e) {
            throw invalid("the body is not JSON");
        }
        if (envelope == null || !envelope.isObject()) {
            throw invalid("the body is not a JSON object");
        }
        String eventType = envelope.path("event_type").asText("");
        String id = WechatMapper.text(envelope, "id");
        JsonNode resource = envelope.path("resource");
        if (!"AEAD_AES_256_GCM".equals(resource.path("algorithm").asText(""))) {
            throw invalid("resource.algorithm is not AEAD_AES_256_GCM");
        }
        // Several accounts may share one public key id only by misconfiguration; the APIv3 key that decrypts decides.
        Account account = null;
        String plain = null;
        for (Account a : accounts) {
            try {
                plain = WechatCrypto.decrypt(a.apiV3Key(), resource.path("nonce").asText(""),
                        resource.path("associated_data").asText(""), resource.path("ciphertext").asText(""));
                account = a;
                break;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // try the next account
            }
        }
        if (account == null) {
            throw invalid("the resource does not decrypt with the APIv3 key (wrong key or altered ciphertext)");
        }
        JsonNode content;
        try {
            content = json.readTree(plain);
        } catch (IOException e) {
            throw invalid("the decrypted resource is not JSON");
        }
        String mchid = WechatMapper.text(content, "mchid");
        if (mchid != null && !mchid.equals(account.mchid())) {
            throw invalid("the resource's mchid " + mchid + " is not account " + account.name() + "'s");
        }
        Notification n = new Notification();
        n.merchantId = account.mchid();
        n.notificationId = id;
        n.answerContentType = ANSWER_CONTENT_TYPE;
        n.answerBody = ANSWER_BODY;
        try {
            if (eventType.startsWith("TRANSACTION.")) {
                n.kind = Notification.Kind.PAYMENT;
                n.payment = WechatMapper.transaction(content, null);
                LOG.info("WeChat Pay notification {} {}: out_trade_no {} {}", id, eventType, n.payment.outTradeNo,
                        n.payment.state);
            } else if (eventType.startsWith("REFUND.")) {
                n.kind = Notification.Kind.REFUND;
                n.refund = WechatMapper.refund(content, null);
                LOG.info("WeChat Pay notification {} {}: out_refund_no {} {}", id, eventType, n.refund.outRefundNo,
                        n.refund.state);
            } else {
                throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("WeChat Pay notification " + id
                        + " has an event_type Tessera does not handle: " + eventType);
            }
        } catch (WechatMapper.Unreadable e) {
            throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("WeChat Pay notification " + id
                    + " could not be read: " + e.getMessage());
        }
        if ((n.payment != null && n.payment.outTradeNo == null) || (n.refund != null && n.refund.outRefundNo == null)) {
            throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("WeChat Pay notification " + id
                    + " names no out_trade_no / out_refund_no");
        }
        return n;
    }

    private static TesseraException invalid(String what) {
        LOG.warn("WeChat Pay notification refused: {}", what);
        return PaymentErrors.CHANNEL_SIGNATURE_INVALID.error("WeChat Pay notification refused: " + what);
    }
}
