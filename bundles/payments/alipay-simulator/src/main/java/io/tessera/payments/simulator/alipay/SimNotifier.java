package io.tessera.payments.simulator.alipay;

import io.tessera.payments.simulator.alipay.AlipaySimulator.Delivery;
import io.tessera.payments.simulator.alipay.AlipaySimulator.SimRefund;
import io.tessera.payments.simulator.alipay.AlipaySimulator.Trade;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code trade_status_sync} notifications: form-urlencoded (UTF-8), RSA2 over the sorted parameters without
 * {@code sign} and {@code sign_type}; resent (on a scaled-down schedule) until the answer is exactly {@code success}.
 */
final class SimNotifier {

    static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
    /** The real 4m, 10m, 10m, 1h, 2h, 6h, 15h, scaled down. */
    private static final long[] RETRY_MILLIS = {40, 100, 100, 600};

    private final AlipaySimulator sim;
    private final ExecutorService executor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SimNotifier(AlipaySimulator sim, ExecutorService executor) {
        this.sim = sim;
        this.executor = executor;
    }

    /** The trade's payment notification (paid, or its present state when not paid); {@code fen} overrides the amount. */
    Delivery payment(Trade t, Long fen) {
        Map<String, String> p = common(t, t.paidAt != null ? "TRADE_SUCCESS" : t.state);
        long amount = fen != null ? fen : t.amountFen;
        p.put("notify_id", notifyId(t.outTradeNo + "/" + p.get("trade_status")));
        p.put("total_amount", SimWire.yuan(amount));
        if (t.paidAt != null) {
            p.put("receipt_amount", SimWire.yuan(amount));
            p.put("buyer_pay_amount", SimWire.yuan(amount));
            p.put("invoice_amount", SimWire.yuan(amount));
            p.put("gmt_payment", SimWire.time(t.paidAt));
            p.put("fund_bill_list", "[{\"amount\":\"" + SimWire.yuan(amount) + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
        }
        return signed(p, sim.alipayKeys);
    }

    /** A settled refund's notification: TRADE_SUCCESS (partial) or TRADE_CLOSED (all refunded) with refund fields. */
    Delivery refund(Trade t, SimRefund r) {
        String status = r.cumulativeFen >= t.amountFen ? "TRADE_CLOSED" : "TRADE_SUCCESS";
        Map<String, String> p = common(t, status);
        p.put("notify_id", notifyId(t.outTradeNo + "/refund/" + r.outRefundNo));
        p.put("total_amount", SimWire.yuan(t.amountFen));
        p.put("receipt_amount", SimWire.yuan(t.amountFen));
        if (t.paidAt != null) {
            p.put("gmt_payment", SimWire.time(t.paidAt));
        }
        p.put("out_biz_no", r.outRefundNo);
        p.put("refund_fee", SimWire.yuan(r.cumulativeFen));
        p.put("gmt_refund", SimWire.time(r.at) + ".000");
        if ("TRADE_CLOSED".equals(status)) {
            p.put("gmt_close", SimWire.time(r.at));
        }
        return signed(p, sim.alipayKeys);
    }

    private Map<String, String> common(Trade t, String status) {
        AlipaySimulator.Account a = sim.accountsByAppId.get(t.appId);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("notify_time", SimWire.time(AlipaySimulator.now()));
        p.put("notify_type", "trade_status_sync");
        p.put("app_id", t.appId);
        p.put("auth_app_id", t.appId);
        p.put("charset", "utf-8");
        p.put("version", "1.0");
        p.put("sign_type", "RSA2");
        p.put("trade_no", t.channelTradeNo);
        p.put("out_trade_no", t.outTradeNo);
        p.put("buyer_id", t.buyerId);
        p.put("buyer_logon_id", "tes***@example.com");
        if (a != null) {
            p.put("seller_id", a.sellerId);
        }
        p.put("trade_status", status);
        if (t.subject != null && !t.subject.isEmpty()) {
            p.put("subject", t.subject);
        }
        p.put("gmt_create", SimWire.time(t.createdAt));
        return p;
    }

    private static String notifyId(String event) {
        return UUID.nameUUIDFromBytes(event.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }

    Delivery resign(Delivery d, KeyPair keys) {
        Map<String, String> p = SimWire.formDecode(new String(d.body(), StandardCharsets.UTF_8));
        p.remove("sign");
        return signed(p, keys);
    }

    private static Delivery signed(Map<String, String> params, KeyPair keys) {
        Map<String, String> p = new TreeMap<>(params);
        p.put("sign", SimKeys.sign(keys.getPrivate(), SimKeys.notificationContent(p)));
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return new Delivery(Map.of("content-type", CONTENT_TYPE), b.toString().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE);
    }

    String urlFor(Delivery d) {
        Map<String, String> p = SimWire.formDecode(new String(d.body(), StandardCharsets.UTF_8));
        Trade t = sim.trades.get(p.getOrDefault("out_trade_no", ""));
        String url = t != null && t.notifyUrl != null ? t.notifyUrl : sim.defaultNotifyUrl;
        if (url == null) {
            throw new IllegalStateException("no notify URL for this notification (none given with the trade nor configured)");
        }
        return url;
    }

    int deliver(Delivery d, String url) {
        return post(d, url).statusCode;
    }

    private record Answer(int statusCode, String body) {
    }

    private Answer post(Delivery d, String url) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", d.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(res.statusCode(), res.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        } catch (Exception e) {
            return new Answer(-1, "");
        }
    }

    /** Sends in the background until the answer is exactly {@code success} or the (scaled) schedule ends. */
    void send(Delivery d, String tradeUrl) {
        String url = tradeUrl != null ? tradeUrl : sim.defaultNotifyUrl;
        if (url == null) {
            return;
        }
        try {
            executor.execute(() -> {
                for (int attempt = 0; attempt <= RETRY_MILLIS.length; attempt++) {
                    if ("success".equals(post(d, url).body)) {
                        return;
                    }
                    if (attempt == RETRY_MILLIS.length) {
                        return;
                    }
                    try {
                        Thread.sleep(RETRY_MILLIS[attempt]);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // the simulator is closing
        }
    }
}
