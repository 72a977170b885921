package io.tessera.payments.simulator.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tessera.payments.simulator.wechat.SimApi.Reply;
import io.tessera.payments.simulator.wechat.WechatSimulator.Merchant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator's HTTP face: checks each request's {@code Authorization} (A2: scheme, registered mchid, merchant
 * serial, 5-minute timestamp window, unused nonce, SHA256withRSA over the canonical message) and answers 401
 * SIGN_ERROR when it fails; dispatches to {@link SimApi}; signs every JSON answer (A3) with Request-ID.
 */
final class SimServer {

    private static final Pattern AUTH_FIELD = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern TRADE_PATH = Pattern.compile("/v3/pay/transactions/out-trade-no/([^/]+)(/close|/reverse)?");
    private static final Pattern REFUND_PATH = Pattern.compile("/v3/refund/domestic/refunds/([^/]+)");

    private final WechatSimulator sim;
    private final HttpServer http;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "wechat-simulator");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> nonces = new HashSet<>();
    private final Map<String, byte[]> bills = new HashMap<>();
    private final Map<String, Instant> billExpiry = new HashMap<>();

    SimServer(WechatSimulator sim) throws IOException {
        this.sim = sim;
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    ExecutorService executor() {
        return executor;
    }

    void stop() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            Merchant m = authenticate(ex, method, path, query, body);
            if (m == null) {
                sim.rejected.add(path);
                send(ex, sim.api.error(401, "SIGN_ERROR", "签名错误"));
                return;
            }
            if (path.equals("/v3/billdownload/file")) {
                download(ex, param(query, "token"));
                return;
            }
            JsonNode json = MissingNode.getInstance();
            if (body.length > 0) {
                try {
                    json = sim.json.readTree(body);
                } catch (IOException e) {
                    send(ex, sim.api.error(400, "PARAM_ERROR", "请求体不是合法的JSON"));
                    return;
                }
            }
            Reply reply = dispatch(m, method, path, query, json);
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            send(ex, reply);
            reply.notifications().forEach(sim::deliverLater);
        } catch (IOException | UncheckedIOException e) {
            // the client went away (e.g. it timed out): nothing to answer
        } catch (RuntimeException e) {
            try {
                send(ex, sim.api.error(500, "SYSTEM_ERROR", "simulator error: " + e));
            } catch (IOException | RuntimeException ignored) {
                // headers already sent
            }
        } finally {
            ex.close();
        }
    }

    private Reply dispatch(Merchant m, String method, String path, String query, JsonNode body) {
        SimApi api = sim.api;
        if (method.equals("POST") && path.equals("/v3/pay/transactions/codepay")) {
            return api.codepay(m, body);
        }
        if (method.equals("POST") && path.equals("/v3/pay/transactions/native")) {
            return api.nativePay(m, body);
        }
        if (method.equals("POST") && path.equals("/v3/refund/domestic/refunds")) {
            return api.refund(m, body);
        }
        if (method.equals("GET") && path.equals("/v3/bill/tradebill")) {
            return tradebill(m, query);
        }
        Matcher t = TRADE_PATH.matcher(path);
        if (t.matches()) {
            String outTradeNo = URLDecoder.decode(t.group(1), StandardCharsets.UTF_8);
            if (method.equals("GET") && t.group(2) == null) {
                return api.query(m, outTradeNo, param(query, "mchid"));
            }
            if (method.equals("POST") && "/close".equals(t.group(2))) {
                return api.close(m, outTradeNo, body);
            }
            if (method.equals("POST") && "/reverse".equals(t.group(2))) {
                return api.reverse(m, outTradeNo, body);
            }
        }
        Matcher r = REFUND_PATH.matcher(path);
        if (r.matches() && method.equals("GET")) {
            return api.queryRefund(m, URLDecoder.decode(r.group(1), StandardCharsets.UTF_8));
        }
        return api.error(404, "NOT_FOUND", "no such API in the simulator: " + method + " " + path);
    }

    private Reply tradebill(Merchant m, String query) {
        LocalDate day;
        try {
            day = LocalDate.parse(param(query, "bill_date"));
        } catch (DateTimeParseException | NullPointerException e) {
            return sim.api.error(400, "PARAM_ERROR", "bill_date must be yyyy-MM-dd");
        }
        String type = param(query, "bill_type");
        if (type != null && !type.equals("ALL")) {
            return sim.api.error(400, "PARAM_ERROR", "the simulator makes bill_type=ALL bills only");
        }
        byte[] file;
        synchronized (sim) {
            file = SimBill.tradeBill(sim, m, day);
        }
        String token = SimCrypto.alnum(24);
        synchronized (bills) {
            bills.put(token, file);
            billExpiry.put(token, Instant.now().plusSeconds(300));
        }
        var n = sim.json.createObjectNode();
        n.put("hash_type", "SHA1");
        n.put("hash_value", SimCrypto.sha1Hex(file));
        n.put("download_url", baseUrl() + "/v3/billdownload/file?token=" + token);
        return new Reply(200, n);
    }

    private void download(HttpExchange ex, String token) throws IOException {
        byte[] file;
        synchronized (bills) {
            Instant expiry = token == null ? null : billExpiry.get(token);
            file = expiry != null && expiry.isAfter(Instant.now()) ? bills.get(token) : null;
        }
        if (file == null) {
            send(ex, sim.api.error(400, "INVALID_REQUEST", "下载链接已失效"));
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.getResponseHeaders().set("Request-ID", SimCrypto.alnum(20));
        ex.sendResponseHeaders(200, file.length);
        ex.getResponseBody().write(file);
    }

    /** The merchant whose signature this request carries, or null when any A2 check fails. */
    private Merchant authenticate(HttpExchange ex, String method, String path, String query, byte[] body) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String scheme = "WECHATPAY2-SHA256-RSA2048 ";
        if (auth == null || !auth.startsWith(scheme)) {
            return null;
        }
        Map<String, String> f = new HashMap<>();
        Matcher m = AUTH_FIELD.matcher(auth.substring(scheme.length()));
        while (m.find()) {
            f.put(m.group(1), m.group(2));
        }
        String mchid = f.get("mchid");
        String nonce = f.get("nonce_str");
        String signature = f.get("signature");
        Merchant merchant;
        synchronized (sim) {
            merchant = mchid == null ? null : sim.merchants.get(mchid);
        }
        if (merchant == null || nonce == null || signature == null || !sim.merchantSerial.equals(f.get("serial_no"))) {
            return null;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(f.getOrDefault("timestamp", ""));
        } catch (NumberFormatException e) {
            return null;
        }
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            return null;
        }
        String message = method + "\n" + path + (query == null ? "" : "?" + query) + "\n" + timestamp + "\n" + nonce
                + "\n" + new String(body, StandardCharsets.UTF_8) + "\n";
        if (!SimCrypto.verify(sim.merchantKeys.getPublic(), message.getBytes(StandardCharsets.UTF_8), signature)) {
            return null;
        }
        synchronized (nonces) {
            if (!nonces.add(mchid + ":" + nonce)) {
                return null;
            }
        }
        return merchant;
    }

    /** Sends a reply signed as WeChat Pay signs answers (all of them here, 204 and errors included). */
    private void send(HttpExchange ex, Reply reply) throws IOException {
        byte[] body = reply.body() == null ? new byte[0] : SimApi.bytes(sim.json, reply.body());
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = SimCrypto.alnum(32);
        var h = ex.getResponseHeaders();
        h.set("Wechatpay-Timestamp", timestamp);
        h.set("Wechatpay-Nonce", nonce);
        h.set("Wechatpay-Serial", WechatSimulator.PUBLIC_KEY_ID);
        h.set("Wechatpay-Signature", SimCrypto.sign(sim.wechatKeys.getPrivate(),
                SimCrypto.signedMessage(timestamp, nonce, body)));
        h.set("Request-ID", "08" + SimCrypto.random(30, "0123456789ABCDEF"));
        if (body.length > 0) {
            h.set("Content-Type", "application/json; charset=utf-8");
        }
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
