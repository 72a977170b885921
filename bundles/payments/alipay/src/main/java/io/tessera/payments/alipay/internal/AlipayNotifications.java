package io.tessera.payments.alipay.internal;

import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.api.channel.RefundResult;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an Alipay asynchronous notification ({@code trade_status_sync}, B4): form-decodes the raw body with its
 * declared charset, finds the merchant account by {@code app_id}, verifies RSA2 over the sorted parameters without
 * {@code sign}/{@code sign_type}, then reads a payment or a refund. Alipay notifications carry no timestamp window
 * (retries run for ~25 h with the same content), so none is applied.
 */
final class AlipayNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(AlipayNotifications.class);
    private static final Pattern CHARSET = Pattern.compile("(?i)(?:^|[;&\\s])charset=([A-Za-z0-9_-]+)");

    private AlipayNotifications() {
    }

    static Notification verify(AlipayConfig c, NotificationRequest request) {
        if (request == null || request.body == null || request.body.length == 0) {
            throw invalid("the notification has no body");
        }
        Map<String, String> p = decode(request.body, charset(request));
        String appId = p.get("app_id");
        String sign = p.get("sign");
        if (appId == null || sign == null || sign.isEmpty()) {
            throw invalid("the notification lacks app_id or sign");
        }
        if (p.get("sign_type") != null && !"RSA2".equals(p.get("sign_type"))) {
            throw invalid("the notification's sign_type is not RSA2");
        }
        AlipayConfig.Account a = c.accountByAppId(appId).orElseThrow(
                () -> invalid("no merchant account has app_id " + appId));
        if (!a.ready()) {
            throw invalid("the merchant account " + a.name + " of app_id " + appId + " is not ready");
        }
        if (!AlipayCrypto.verify(a.alipayPublicKey, AlipayCrypto.notificationContent(p), sign)) {
            LOG.warn("Alipay notification for app_id {} out_trade_no {}: signature does not verify", appId, p.get("out_trade_no"));
            throw invalid("the notification's signature does not verify with the Alipay public key of app_id " + appId);
        }
        if (a.sellerId != null && p.get("seller_id") != null && !a.sellerId.equals(p.get("seller_id"))) {
            throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("the notification's seller_id is not the account's (app_id " + appId + ")");
        }
        String outTradeNo = p.get("out_trade_no");
        String status = p.get("trade_status");
        if (outTradeNo == null || status == null) {
            throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("the notification names no out_trade_no or trade_status");
        }
        Notification n = new Notification();
        n.merchantId = appId;
        n.notificationId = p.get("notify_id");
        n.answerContentType = "text/plain";
        n.answerBody = "success";
        try {
            // a refund of Tessera's always has an out_request_no, which the notification echoes as out_biz_no;
            // without it (a cancel that refunded, a refund made in the merchant portal) it is the trade's state
            if (p.get("out_biz_no") != null) {
                n.kind = Notification.Kind.REFUND;
                n.refund = refund(p);
            } else {
                n.kind = Notification.Kind.PAYMENT;
                n.payment = payment(p);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw PaymentErrors.CHANNEL_NOTIFICATION_INVALID.error("the notification's amounts are unreadable (out_trade_no " + outTradeNo + ")");
        }
        LOG.info("Alipay notification {} for out_trade_no {}: {} {} (notify_id {})", n.kind, outTradeNo, status,
                n.kind == Notification.Kind.REFUND ? n.refund.outRefundNo : "", n.notificationId);
        return n;
    }

    private static ChannelResult payment(Map<String, String> p) {
        String status = p.get("trade_status");
        ChannelState state = switch (status) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> ChannelState.SUCCEEDED;
            case "WAIT_BUYER_PAY" -> ChannelState.WAITING;
            case "TRADE_CLOSED" -> ChannelState.CLOSED;
            default -> ChannelState.UNKNOWN;
        };
        ChannelResult r = AlipayMapper.result(p.get("out_trade_no"), state);
        r.channelTradeNo = p.get("trade_no");
        r.channelCode = status;
        if (state == ChannelState.SUCCEEDED) {
            r.paidFen = AlipayMapper.fen(p.get("total_amount"));
            r.paidAt = AlipayMapper.time(p.get("gmt_payment"));
            r.payerId = p.get("buyer_id");
        }
        Long refunded = AlipayMapper.fen(p.get("refund_fee"));
        if (refunded != null) {
            r.channelMessage = "refunded " + AlipayMapper.yuan(refunded) + " in all";
        }
        return r;
    }

    /**
     * A refund is notified as the trade's status change with {@code out_biz_no} (the refund's out_request_no),
     * {@code gmt_refund} and {@code refund_fee} — the trade's refunded TOTAL, not this refund's amount, so
     * {@code refundFen} stays null (confirm with {@code queryRefund} when the amount matters).
     */
    private static RefundResult refund(Map<String, String> p) {
        RefundResult r = AlipayMapper.refund(p.get("out_biz_no"), RefundResult.State.SUCCEEDED);
        r.channelRefundNo = p.get("trade_no");
        r.refundedAt = AlipayMapper.time(p.get("gmt_refund"));
        r.channelCode = p.get("trade_status");
        Long total = AlipayMapper.fen(p.get("refund_fee"));
        r.channelMessage = total == null ? null : "trade " + p.get("out_trade_no") + " refunded " + AlipayMapper.yuan(total) + " in all";
        return r;
    }

    private static Charset charset(NotificationRequest request) {
        String declared = null;
        String ct = request.contentType != null ? request.contentType
                : request.headers == null ? null : request.headers.get("content-type");
        if (ct != null) {
            Matcher m = CHARSET.matcher(ct);
            if (m.find()) {
                declared = m.group(1);
            }
        }
        // the body's own charset parameter (ASCII) wins: Alipay encodes the form with it
        Matcher m = CHARSET.matcher(new String(request.body, StandardCharsets.ISO_8859_1));
        if (m.find()) {
            declared = m.group(1);
        }
        try {
            return declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (RuntimeException e) {
            throw invalid("the notification's charset is not supported");
        }
    }

    static Map<String, String> decode(byte[] body, Charset cs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : new String(body, cs).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int i = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), cs);
                String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), cs);
                if (m.put(k, v) != null) {
                    throw invalid("the notification repeats a parameter");
                }
            } catch (IllegalArgumentException e) {
                throw invalid("the notification's body is not form-urlencoded");
            }
        }
        return m;
    }

    private static RuntimeException invalid(String why) {
        return PaymentErrors.CHANNEL_SIGNATURE_INVALID.error("Alipay notification refused: " + why);
    }
}
