package io.tessera.payments.alipay.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Alipay gateway over {@code java.net.http}: signs a method call (B2), posts it, and returns the answer's
 * node once its signature verifies (B3). Anything that leaves the outcome open (timeout, I/O error, non-200,
 * unreadable answer, signature that does not verify, unsigned success) is {@link Unavailable}.
 */
final class AlipayClient {

    private static final Logger LOG = LoggerFactory.getLogger(AlipayClient.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The channel's answer could not be had or trusted: the outcome is unknown. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /** A verified (or, for refusals, possibly unsigned) answer node. */
    record Reply(String method, JsonNode node, boolean signed, String traceId) {
        String code() {
            return text("code");
        }

        String subCode() {
            return text("sub_code");
        }

        String subMsg() {
            return text("sub_msg");
        }

        String text(String field) {
            JsonNode n = node.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }

        boolean ok() {
            return "10000".equals(code());
        }

        /** {@code sub_code} for refusals, else the gateway {@code code}. */
        String refusalCode() {
            return subCode() != null ? subCode() : code();
        }

        String refusalMessage() {
            return subMsg() != null ? subMsg() : text("msg");
        }
    }

    /**
     * Calls {@code method} for the account. {@code ref} (out_trade_no / out_request_no) is only for the log.
     *
     * @throws Unavailable when the outcome is unknown
     */
    Reply call(AlipayConfig c, AlipayConfig.Account a, String method, ObjectNode biz, String notifyUrl, String ref) {
        Map<String, String> sys = new LinkedHashMap<>();
        sys.put("app_id", a.appId);
        sys.put("method", method);
        sys.put("format", "JSON");
        sys.put("charset", "utf-8");
        sys.put("sign_type", "RSA2");
        sys.put("timestamp", LocalDateTime.now(ZONE).format(TIME));
        sys.put("version", "1.0");
        if (notifyUrl != null) {
            sys.put("notify_url", notifyUrl);
        }
        String bizContent = biz.toString();
        Map<String, String> all = new LinkedHashMap<>(sys);
        all.put("biz_content", bizContent);
        sys.put("sign", AlipayCrypto.sign(a.appPrivateKey, AlipayCrypto.requestContent(all)));
        String query = form(sys);
        byte[] body = ("biz_content=" + URLEncoder.encode(bizContent, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(c.gatewayUrl + "?" + query)).timeout(c.readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> res = send(c, req, method, ref);
        String trace = res.headers().firstValue("trace_id").orElse(null);
        if (res.statusCode() != 200) {
            LOG.warn("Alipay {} for {} answered HTTP {} (trace_id {})", method, ref, res.statusCode(), trace);
            throw new Unavailable("HTTP " + res.statusCode());
        }
        Reply r = read(new String(res.body(), StandardCharsets.UTF_8), method, a, ref, trace);
        if (r.ok()) {
            LOG.debug("Alipay {} for {}: 10000 (trace_id {})", method, ref, trace);
        } else {
            LOG.info("Alipay {} for {}: {} {} {} (trace_id {})", method, ref, r.code(), r.subCode(), r.subMsg(), trace);
        }
        return r;
    }

    private static HttpResponse<byte[]> send(AlipayConfig c, HttpRequest req, String method, String ref) {
        try {
            return c.http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            LOG.warn("Alipay {} for {} timed out", method, ref);
            throw new Unavailable("timed out");
        } catch (IOException e) {
            LOG.warn("Alipay {} for {} failed: {}", method, ref, e.getClass().getSimpleName());
            throw new Unavailable("I/O error (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }

    /** Reads and verifies an answer body (B3). */
    static Reply read(String body, String method, AlipayConfig.Account a, String ref, String trace) {
        String node = method.replace('.', '_') + "_response";
        String raw;
        JsonNode parsed;
        JsonNode tree;
        try {
            raw = AlipayCrypto.responseNode(body, node);
            if (raw == null) {
                node = "error_response";
                raw = AlipayCrypto.responseNode(body, node);
            }
            if (raw == null) {
                throw new IllegalArgumentException("no " + method.replace('.', '_') + "_response node");
            }
            tree = JSON.readTree(body);
            parsed = JSON.readTree(raw);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Alipay {} for {}: unreadable answer ({})", method, ref, e.getMessage());
            throw new Unavailable("unreadable answer");
        }
        JsonNode signNode = tree.get("sign");
        String sign = signNode == null || signNode.isNull() ? null : signNode.asText();
        boolean signed = sign != null && !sign.isEmpty();
        if (signed) {
            boolean good = AlipayCrypto.verify(a.alipayPublicKey, raw, sign)
                    || (raw.contains("\\/") && AlipayCrypto.verify(a.alipayPublicKey, raw.replace("\\/", "/"), sign));
            if (!good) {
                LOG.warn("Alipay {} for {}: the answer's signature does not verify (trace_id {})", method, ref, trace);
                throw new Unavailable("the answer's signature does not verify");
            }
        }
        Reply r = new Reply(method, parsed, signed, trace);
        if (!signed && ("10000".equals(r.code()) || "10003".equals(r.code()))) {
            LOG.warn("Alipay {} for {}: unsigned {} answer refused (trace_id {})", method, ref, r.code(), trace);
            throw new Unavailable("unsigned answer");
        }
        if (r.code() == null) {
            throw new Unavailable("answer without code");
        }
        return r;
    }

    /** An unsigned GET (the bill download URL). */
    byte[] download(AlipayConfig c, String url) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(c.readTimeout).GET().build();
        HttpResponse<byte[]> res = send(c, req, "bill download", "bill");
        if (res.statusCode() != 200) {
            throw new Unavailable("bill download answered HTTP " + res.statusCode());
        }
        return res.body();
    }

    static String form(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }
}
