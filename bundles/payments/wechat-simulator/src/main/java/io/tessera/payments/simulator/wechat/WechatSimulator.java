package io.tessera.payments.simulator.wechat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for WeChat Pay API v3 (direct merchant, WeChat Pay public-key mode) for tests: an HTTP server
 * on 127.0.0.1 with its own RSA key pair, checking Tessera's request signatures, signing its answers, encrypting
 * notification resources with the APIv3 key, keeping trades and refunds in memory, and producing the daily bill.
 *
 * <p>Scripted behaviour: {@link #script} decides what a payment code does; QR code (native) trades wait until
 * {@link #pay} or {@link #failWaiting}. Payment-code (codepay) trades are never notified (the protocol has no
 * notify_url there); native payments and refunds are notified once, asynchronously, when {@link #autoNotify} is on.
 * Fees: payment fee = amount × 0.0060 (the feeRate {@link #tesseraConfig} gives) rounded half-up to the fen;
 * a refund returns refund × rate rounded half-even (negative in the bill).
 */
public final class WechatSimulator implements AutoCloseable {

    public enum Outcome { SUCCEED, FAIL, USER_PAYING, TIMEOUT }

    /** A trade as the simulator holds it (a copy). {@code state} is WeChat's trade_state. */
    public static final class Trade {
        public String outTradeNo;
        public String channelTradeNo;
        public String state;
        public long amountFen;
        /** outRefundNo → fen, recorded once when the refund is accepted. */
        public Map<String, Long> refunds = new LinkedHashMap<>();
        /** Refund requests received for this trade, retries included. */
        public int refundRequests;

        String mchid;
        String appid;
        /** The payer's openid (a scripted payment code's payer, else the merchant's one simulated customer). */
        String openid;
        String tradeType;
        String description;
        String notifyUrl;
        String codeUrl;
        Instant created;
        Instant succeeded;
        long feeFen;

        Trade copy() {
            Trade t = new Trade();
            t.outTradeNo = outTradeNo;
            t.channelTradeNo = channelTradeNo;
            t.state = state;
            t.amountFen = amountFen;
            t.refunds = new LinkedHashMap<>(refunds);
            t.refundRequests = refundRequests;
            return t;
        }
    }

    /** A notification ready to be POSTed: headers (WeChat's names), raw body, content type. */
    public record Delivery(Map<String, String> headers, byte[] body, String contentType) {
    }

    /** The fee rate the simulator charges and the one {@link #tesseraConfig} configures. */
    static final String FEE_RATE = "0.0060";
    static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0000SIMULATOR0000";

    static final class Merchant {
        String account;
        String mchid;
        String appid;
        String notifyUrl;
    }

    static final class RefundRec {
        String outRefundNo;
        String refundId;
        String outTradeNo;
        String mchid;
        String status;
        String notifyUrl;
        long fen;
        long feeFen;
        Instant created;
        Instant succeeded;
    }

    final ObjectMapper json = new ObjectMapper();
    final KeyPair wechatKeys = SimCrypto.rsa();
    final KeyPair merchantKeys = SimCrypto.rsa();
    private final KeyPair rogueKeys = SimCrypto.rsa();
    final String merchantSerial = SimCrypto.random(40, "0123456789ABCDEF");
    final byte[] apiV3Key = SimCrypto.alnum(32).getBytes(StandardCharsets.US_ASCII);
    private final Path privateKeyFile;
    private final Path publicKeyFile;
    private final Path apiV3KeyFile;

    final Map<String, Merchant> merchants = new LinkedHashMap<>();
    final Map<String, Trade> trades = new LinkedHashMap<>();
    final Map<String, RefundRec> refunds = new LinkedHashMap<>();
    final Map<String, Outcome> scripts = new HashMap<>();
    final Map<String, String> payers = new HashMap<>();
    final Map<String, Boolean> queryTimeouts = new HashMap<>();
    final List<String> rejected = Collections.synchronizedList(new ArrayList<>());
    private final Map<Delivery, String> deliveryUrls = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<String, String> lastNotifyUrl = new ConcurrentHashMap<>();
    volatile Duration answerDelay = Duration.ofSeconds(15);
    volatile boolean autoNotify = true;
    volatile boolean settleAutomatically = true;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final SimServer server;
    final SimApi api;

    private WechatSimulator(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        privateKeyFile = workDir.resolve("apiclient_key.pem");
        publicKeyFile = workDir.resolve("pub_key.pem");
        apiV3KeyFile = workDir.resolve("apiv3.key");
        Files.writeString(privateKeyFile, SimCrypto.pem("PRIVATE KEY", merchantKeys.getPrivate().getEncoded()));
        Files.writeString(publicKeyFile, SimCrypto.pem("PUBLIC KEY", wechatKeys.getPublic().getEncoded()));
        Files.write(apiV3KeyFile, apiV3Key);
        api = new SimApi(this);
        server = new SimServer(this);
    }

    /** Generates the keys, writes the PEM files Tessera needs into workDir and starts listening on 127.0.0.1. */
    public static WechatSimulator start(Path workDir) {
        try {
            return new WechatSimulator(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /**
     * The etc/io.tessera.payments.wechat.cfg properties for one merchant account of this simulator: baseUrl,
     * notifyUrl and {@code merchant.<account>.*} (mchid, appid, serialNo, the three key files, publicKeyId,
     * stores, feeRate). Each account name gets its own mchid; all share the simulator's keys.
     */
    public Map<String, String> tesseraConfig(String account, String stores, String notifyUrl) {
        Merchant m;
        synchronized (this) {
            m = merchants.values().stream().filter(x -> x.account.equals(account)).findFirst().orElse(null);
            if (m == null) {
                m = new Merchant();
                m.account = account;
                m.mchid = String.valueOf(1900000100L + merchants.size() + 1);
                m.appid = "wx" + SimCrypto.random(16, "0123456789abcdef");
                merchants.put(m.mchid, m);
            }
            m.notifyUrl = notifyUrl;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("baseUrl", baseUrl());
        cfg.put("notifyUrl", notifyUrl);
        String p = "merchant." + account + ".";
        cfg.put(p + "mchid", m.mchid);
        cfg.put(p + "appid", m.appid);
        cfg.put(p + "serialNo", merchantSerial);
        cfg.put(p + "privateKeyFile", privateKeyFile.toAbsolutePath().toString());
        cfg.put(p + "apiV3KeyFile", apiV3KeyFile.toAbsolutePath().toString());
        cfg.put(p + "publicKeyId", PUBLIC_KEY_ID);
        cfg.put(p + "publicKeyFile", publicKeyFile.toAbsolutePath().toString());
        cfg.put(p + "stores", stores);
        cfg.put(p + "feeRate", FEE_RATE);
        lastNotifyUrl.put("", notifyUrl);
        return cfg;
    }

    /** What a payment with this payment code does (default SUCCEED). */
    public synchronized void script(String authCode, Outcome outcome) {
        scripts.put(authCode, outcome);
    }

    /** Whose payment code it is: the openid its trade reports as payer.openid (unscripted codes: "oSim" + mchid). */
    public synchronized void payer(String authCode, String openid) {
        payers.put(authCode, openid);
    }

    /** How late a TIMEOUT payment (and a query scripted to time out) answers. */
    public void answerDelay(Duration d) {
        answerDelay = d;
    }

    /** Queries of this trade answer only after {@link #answerDelay} (true) or at once (false). */
    public synchronized void scriptQuery(String outTradeNo, boolean timeout) {
        queryTimeouts.put(outTradeNo, timeout);
    }

    /** The customer pays a waiting trade (QR code scanned and paid, or password confirmed). */
    public void pay(String outTradeNo) {
        Trade t;
        synchronized (this) {
            t = waiting(outTradeNo);
            api.succeed(t);
        }
        if (autoNotify && "NATIVE".equals(t.tradeType)) {
            deliverLater(paymentNotification(outTradeNo));
        }
    }

    /** The customer gives up: a waiting payment-code trade fails (PAYERROR), a waiting QR code trade closes. */
    public synchronized void failWaiting(String outTradeNo) {
        Trade t = waiting(outTradeNo);
        t.state = "USERPAYING".equals(t.state) ? "PAYERROR" : "CLOSED";
    }

    private Trade waiting(String outTradeNo) {
        Trade t = trades.get(outTradeNo);
        if (t == null || !("NOTPAY".equals(t.state) || "USERPAYING".equals(t.state))) {
            throw new IllegalStateException("no waiting trade " + outTradeNo + (t == null ? "" : " (" + t.state + ")"));
        }
        return t;
    }

    /** Default true: notify native payments and refunds when they succeed. */
    public void autoNotify(boolean on) {
        autoNotify = on;
    }

    /** Default true: a refund answers PROCESSING and is settled (SUCCESS) right after. */
    public void settleRefundsAutomatically(boolean on) {
        settleAutomatically = on;
    }

    /** Settles one PROCESSING refund (SUCCESS), notifying it when {@link #autoNotify} is on. */
    public void settleRefund(String outRefundNo) {
        synchronized (this) {
            RefundRec r = refunds.get(outRefundNo);
            if (r == null || !"PROCESSING".equals(r.status)) {
                throw new IllegalStateException("no processing refund " + outRefundNo);
            }
            api.settle(r);
        }
        if (autoNotify) {
            deliverLater(refundNotification(outRefundNo));
        }
    }

    public synchronized Trade trade(String outTradeNo) {
        Trade t = trades.get(outTradeNo);
        return t == null ? null : t.copy();
    }

    /** A correctly signed TRANSACTION.SUCCESS notification carrying the trade's present state; not sent. */
    public Delivery paymentNotification(String outTradeNo) {
        synchronized (this) {
            Trade t = existing(outTradeNo);
            return notification("TRANSACTION.SUCCESS", "支付成功", "transaction", api.transactionJson(t, null),
                    t.notifyUrl, wechatKeys);
        }
    }

    /** A correctly signed REFUND.&lt;status&gt; notification of the refund's present state; not sent. */
    public Delivery refundNotification(String outRefundNo) {
        synchronized (this) {
            RefundRec r = refunds.get(outRefundNo);
            if (r == null) {
                throw new IllegalArgumentException("no refund " + outRefundNo);
            }
            ObjectNode resource = api.refundJson(r);
            resource.set("refund_status", resource.remove("status"));
            String url = r.notifyUrl != null ? r.notifyUrl : trades.get(r.outTradeNo).notifyUrl;
            return notification("REFUND." + r.status, "SUCCESS".equals(r.status) ? "退款成功" : "退款状态变化", "refund",
                    resource, url, wechatKeys);
        }
    }

    /** The same content and headers, signed with a key that is not the simulator's. */
    public Delivery forged(Delivery d) {
        Map<String, String> headers = new LinkedHashMap<>(d.headers());
        headers.put("Wechatpay-Signature", SimCrypto.sign(rogueKeys.getPrivate(),
                SimCrypto.signedMessage(headers.get("Wechatpay-Timestamp"), headers.get("Wechatpay-Nonce"), d.body())));
        Delivery forged = new Delivery(headers, d.body(), d.contentType());
        String url = deliveryUrls.get(d);
        if (url != null) {
            deliveryUrls.put(forged, url);
        }
        return forged;
    }

    /** A correctly signed notification of the trade saying {@code fen} was paid (amount.total and payer_total). */
    public Delivery withAmount(String outTradeNo, long fen) {
        synchronized (this) {
            Trade t = existing(outTradeNo);
            return notification("TRANSACTION.SUCCESS", "支付成功", "transaction", api.transactionJson(t, fen),
                    t.notifyUrl, wechatKeys);
        }
    }

    /** POSTs to the notify URL the trade (or refund) was created with, else the last configured one. */
    public int deliver(Delivery d) {
        String url = deliveryUrls.get(d);
        return deliver(d, url != null ? url : lastNotifyUrl.get(""));
    }

    public int deliver(Delivery d, String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).header("Content-Type", d.contentType());
        d.headers().forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("notification to " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The paths of Tessera requests whose signature (or timestamp, nonce, mchid, serial) did not verify. */
    public List<String> rejectedRequests() {
        synchronized (rejected) {
            return List.copyOf(rejected);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    void deliverLater(Delivery d) {
        server.executor().execute(() -> {
            try {
                deliver(d);
            } catch (RuntimeException e) {
                // one attempt only; tests deliver again by hand when they need to
            }
        });
    }

    private Trade existing(String outTradeNo) {
        Trade t = trades.get(outTradeNo);
        if (t == null) {
            throw new IllegalArgumentException("no trade " + outTradeNo);
        }
        return t;
    }

    private Delivery notification(String eventType, String summary, String associatedData, ObjectNode resource,
            String url, KeyPair signer) {
        String nonce = SimCrypto.alnum(12);
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("create_time", SimApi.rfc3339(Instant.now()));
        envelope.put("resource_type", "encrypt-resource");
        envelope.put("event_type", eventType);
        envelope.put("summary", summary);
        ObjectNode r = envelope.putObject("resource");
        r.put("original_type", associatedData);
        r.put("algorithm", "AEAD_AES_256_GCM");
        r.put("ciphertext", SimCrypto.encrypt(apiV3Key, nonce, associatedData, SimApi.bytes(json, resource)));
        r.put("associated_data", associatedData);
        r.put("nonce", nonce);
        byte[] body = SimApi.bytes(json, envelope);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String headerNonce = SimCrypto.alnum(32);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", headerNonce);
        headers.put("Wechatpay-Signature", SimCrypto.sign(signer.getPrivate(),
                SimCrypto.signedMessage(timestamp, headerNonce, body)));
        headers.put("Wechatpay-Serial", PUBLIC_KEY_ID);
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        Delivery d = new Delivery(Collections.unmodifiableMap(headers), body, "application/json");
        if (url != null) {
            deliveryUrls.put(d, url);
        }
        return d;
    }
}
