package io.tessera.payments.simulator.alipay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the Alipay Open Platform gateway (当面付, RSA2), for tests only: one {@code POST /gateway.do}
 * for every method (alipay.trade.pay / precreate / query / close / cancel / refund / fastpay.refund.query,
 * alipay.data.dataservice.bill.downloadurl.query) plus an unsigned {@code GET} serving the daily bill ZIP.
 *
 * <p>It has its own RSA-2048 key pair (the "Alipay public key" Tessera verifies with), one app key pair per
 * merchant account asked for with {@link #tesseraConfig}, checks the signature of every request (a bad one is
 * answered {@code 40002 isv.invalid-signature} and recorded in {@link #rejectedRequests()}), signs every answer
 * over the node's exact text, and keeps trades and refunds in memory.
 *
 * <p>Modelled choices (see docs/domains/payments-alipay.md): a precreated (QR) trade does not exist for query
 * and close until the customer pays it ({@link #pay}); {@code alipay.trade.cancel} of an unknown trade closes the
 * number ({@code action=close}); a refund answers {@code fund_change=Y} when settled at once, else
 * {@code fund_change=N} until {@link #settleRefund}; refunds are notified as {@code trade_status_sync} with
 * {@code out_biz_no}, {@code refund_fee} (cumulative) and {@code gmt_refund}.
 */
public final class AlipaySimulator implements AutoCloseable {

    /** What a payment with a given payment code does. */
    public enum Outcome { SUCCEED, FAIL, USER_PAYING, TIMEOUT }

    /** A trade as the channel keeps it. */
    public static final class Trade {
        public String outTradeNo;
        public String channelTradeNo;
        /** WAIT_BUYER_PAY, TRADE_SUCCESS, TRADE_CLOSED, TRADE_FINISHED. */
        public String state;
        public long amountFen;
        /** outRefundNo (out_request_no) → fen, applied once. */
        public Map<String, Long> refunds = new LinkedHashMap<>();
        /** Every refund request made for this trade, retries included. */
        public int refundRequests;

        String appId;
        /** The buyer's user id (a scripted payment code's payer, else the one simulated customer). */
        String buyerId = "2088102177846875";
        String notifyUrl;
        String subject;
        /** False for a precreated trade the customer has not scanned yet: the channel does not show it. */
        boolean visible = true;
        LocalDateTime createdAt;
        LocalDateTime paidAt;
        final Map<String, SimRefund> refundRecords = new LinkedHashMap<>();
    }

    /** A notification ready to be sent: headers (lower-case names), body bytes and content type. */
    public record Delivery(Map<String, String> headers, byte[] body, String contentType) {
    }

    static final class SimRefund {
        String outRefundNo;
        String outTradeNo;
        long fen;
        boolean settled;
        LocalDateTime at;
        /** The trade's refunded total once this refund was settled. */
        long cumulativeFen;
    }

    static final class Account {
        String name;
        String appId;
        String sellerId;
        KeyPair appKeys;
        Path privateKeyFile;
    }

    final KeyPair alipayKeys = SimKeys.generate();
    final KeyPair rogueKeys = SimKeys.generate();
    final Path workDir;
    final Map<String, Account> accountsByName = new ConcurrentHashMap<>();
    final Map<String, Account> accountsByAppId = new ConcurrentHashMap<>();
    final Map<String, Trade> trades = new ConcurrentHashMap<>();
    final Map<String, SimRefund> refunds = new ConcurrentHashMap<>();
    final Map<String, Outcome> scripts = new ConcurrentHashMap<>();
    final Map<String, String> payers = new ConcurrentHashMap<>();
    final Map<String, Boolean> queryTimeouts = new ConcurrentHashMap<>();
    final Map<String, byte[]> bills = new ConcurrentHashMap<>();
    final List<String> rejected = new CopyOnWriteArrayList<>();
    volatile Duration answerDelay = Duration.ofSeconds(3);
    volatile boolean autoNotify = true;
    volatile boolean settleAutomatically = true;
    volatile String defaultNotifyUrl;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "alipay-simulator");
        t.setDaemon(true);
        return t;
    });
    private final SimGateway gateway;
    final SimNotifier notifier;
    private final Path alipayPublicKeyFile;

    private AlipaySimulator(Path workDir) throws IOException {
        this.workDir = workDir;
        Files.createDirectories(workDir);
        alipayPublicKeyFile = workDir.resolve("alipay-public-key.pem");
        Files.writeString(alipayPublicKeyFile, SimKeys.pem("PUBLIC KEY", alipayKeys.getPublic().getEncoded()));
        notifier = new SimNotifier(this, executor);
        gateway = new SimGateway(this);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/gateway.do", this::gatewayExchange);
        server.createContext("/__sim/bill/", this::billExchange);
        server.start();
    }

    /** Starts a simulator on a free port of 127.0.0.1; its PEM files go to {@code workDir}. */
    public static AlipaySimulator start(Path workDir) {
        try {
            return new AlipaySimulator(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}; the gateway is {@code baseUrl() + "/gateway.do"}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The etc/io.tessera.payments.alipay.cfg properties for one merchant account of this simulator. */
    public Map<String, String> tesseraConfig(String account, String stores, String notifyUrl) {
        Account a = accountsByName.computeIfAbsent(account, this::newAccount);
        if (notifyUrl != null && !notifyUrl.isBlank()) {
            defaultNotifyUrl = notifyUrl;
        }
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("baseUrl", baseUrl());
        if (notifyUrl != null) {
            cfg.put("notifyUrl", notifyUrl);
        }
        String p = "merchant." + account + ".";
        cfg.put(p + "stores", stores);
        cfg.put(p + "appId", a.appId);
        cfg.put(p + "sellerId", a.sellerId);
        cfg.put(p + "privateKeyFile", a.privateKeyFile.toString());
        cfg.put(p + "alipayPublicKeyFile", alipayPublicKeyFile.toString());
        cfg.put(p + "feeRate", "0.0060");
        return cfg;
    }

    private Account newAccount(String name) {
        Account a = new Account();
        a.name = name;
        long n = Math.floorMod((long) name.hashCode(), 1_000_000_000_000L);
        a.appId = String.format("2021%012d", n);
        a.sellerId = String.format("2088%012d", (n * 7 + 13) % 1_000_000_000_000L);
        a.appKeys = SimKeys.generate();
        a.privateKeyFile = workDir.resolve("alipay-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "-app-private-key.pem");
        try {
            Files.writeString(a.privateKeyFile, SimKeys.pem("PRIVATE KEY", a.appKeys.getPrivate().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        accountsByAppId.put(a.appId, a);
        return a;
    }

    /** What a payment with this payment code does; codes never scripted succeed. */
    public void script(String authCode, Outcome outcome) {
        scripts.put(authCode, outcome);
    }

    /** Whose payment code it is: the buyer_user_id / buyer_id its trade reports (unscripted codes: one simulated buyer). */
    public void payer(String authCode, String buyerId) {
        payers.put(authCode, buyerId);
    }

    /** How late a TIMEOUT payment (and a timed-out query) answers; the payment is still taken. */
    public void answerDelay(Duration d) {
        answerDelay = d;
    }

    /** Queries of this trade time out (answer after {@link #answerDelay}) or answer at once. */
    public void scriptQuery(String outTradeNo, boolean timeout) {
        queryTimeouts.put(outTradeNo, timeout);
    }

    /** The customer pays a waiting trade: scans and pays a QR code, or confirms a payment code. */
    public void pay(String outTradeNo) {
        Trade t;
        synchronized (this) {
            t = require(outTradeNo);
            if (!"WAIT_BUYER_PAY".equals(t.state)) {
                throw new IllegalStateException("trade " + outTradeNo + " is " + t.state + ", not waiting");
            }
            t.visible = true;
            t.state = "TRADE_SUCCESS";
            t.paidAt = now();
        }
        if (autoNotify) {
            notifier.send(paymentNotification(outTradeNo), t.notifyUrl);
        }
    }

    /** The customer gives up: the waiting trade closes (TRADE_CLOSED). */
    public synchronized void failWaiting(String outTradeNo) {
        Trade t = require(outTradeNo);
        if (!"WAIT_BUYER_PAY".equals(t.state)) {
            throw new IllegalStateException("trade " + outTradeNo + " is " + t.state + ", not waiting");
        }
        t.visible = true;
        t.state = "TRADE_CLOSED";
    }

    /** Default true: a trade's payment and each refund are notified (to the trade's notify_url) once they succeed. */
    public void autoNotify(boolean on) {
        autoNotify = on;
    }

    /** Default true: a refund is settled at once ({@code fund_change=Y}); off, it waits for {@link #settleRefund}. */
    public void settleRefundsAutomatically(boolean on) {
        settleAutomatically = on;
    }

    /** Settles one accepted refund by hand (the money moves; the refund query then says REFUND_SUCCESS). */
    public void settleRefund(String outRefundNo) {
        SimRefund r = refunds.get(outRefundNo);
        if (r == null) {
            throw new IllegalArgumentException("no refund " + outRefundNo);
        }
        Trade t;
        synchronized (this) {
            if (r.settled) {
                return;
            }
            t = trades.get(r.outTradeNo);
            settle(t, r);
        }
        if (autoNotify) {
            notifier.send(refundNotification(outRefundNo), t.notifyUrl);
        }
    }

    void settle(Trade t, SimRefund r) {
        r.settled = true;
        r.at = now();
        long settledTotal = t.refundRecords.values().stream().filter(x -> x.settled).mapToLong(x -> x.fen).sum();
        r.cumulativeFen = settledTotal;
        if (settledTotal == t.amountFen) {
            t.state = "TRADE_CLOSED";
        }
    }

    /** The trade of this number, or null when the channel never saw it. */
    public Trade trade(String outTradeNo) {
        return trades.get(outTradeNo);
    }

    /** A correctly signed {@code trade_status_sync} notification of the trade's payment, not sent. */
    public Delivery paymentNotification(String outTradeNo) {
        return notifier.payment(require(outTradeNo), null);
    }

    /** A correctly signed notification of a settled refund ({@code out_biz_no}, cumulative {@code refund_fee}), not sent. */
    public Delivery refundNotification(String outRefundNo) {
        SimRefund r = refunds.get(outRefundNo);
        if (r == null || !r.settled) {
            throw new IllegalStateException("refund " + outRefundNo + " is unknown or not settled: Alipay notifies settled refunds only");
        }
        return notifier.refund(trades.get(r.outTradeNo), r);
    }

    /** The same content signed with a key that is not the channel's. */
    public Delivery forged(Delivery d) {
        return notifier.resign(d, rogueKeys);
    }

    /** Correctly signed, but saying {@code fen} was paid. */
    public Delivery withAmount(String outTradeNo, long fen) {
        return notifier.payment(require(outTradeNo), fen);
    }

    /** POSTs to the notify URL the trade was created with (else the configured one); the HTTP status. */
    public int deliver(Delivery d) {
        return notifier.deliver(d, notifier.urlFor(d));
    }

    public int deliver(Delivery d, String url) {
        return notifier.deliver(d, url);
    }

    /** Tessera requests whose signature did not verify ({@code /gateway.do?method=<method>}). */
    public List<String> rejectedRequests() {
        return Collections.unmodifiableList(new ArrayList<>(rejected));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    Trade require(String outTradeNo) {
        Trade t = trades.get(outTradeNo);
        if (t == null) {
            throw new IllegalArgumentException("no trade " + outTradeNo);
        }
        return t;
    }

    static LocalDateTime now() {
        return LocalDateTime.now(SimGateway.ZONE).withNano(0);
    }

    private void gatewayExchange(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String answer = gateway.handle(ex.getRequestMethod(), ex.getRequestURI().getRawQuery(), body);
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (RuntimeException e) {
            ex.sendResponseHeaders(500, -1);
        }
    }

    private void billExchange(HttpExchange ex) throws IOException {
        try (ex) {
            String token = ex.getRequestURI().getPath().substring("/__sim/bill/".length());
            byte[] zip = bills.get(token);
            if (zip == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/zip");
            ex.sendResponseHeaders(200, zip.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(zip);
            }
        }
    }
}
