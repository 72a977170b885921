package io.tessera.payments.wechat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tessera.payments.wechat.internal.WechatSettings.Account;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed HTTP calls to WeChat Pay API v3 (A2) and verification of the answers (A3, public-key mode). Whatever
 * leaves the channel's answer undecidable — timeout, I/O error, 5xx, 429, an unreadable or unverifiable
 * answer — is thrown as {@link Undecided}; a verified (or, for a non-2xx without signature, plain) answer is
 * returned with its status, so the caller decides what a business refusal means.
 */
final class WechatClient {

    private static final Logger LOG = LoggerFactory.getLogger(WechatClient.class);
    static final Duration CLOCK_WINDOW = Duration.ofMinutes(5);
    private static final String USER_AGENT = "Tessera-WechatPay/1.0 (Java/" + Runtime.version().feature() + ")";

    /** An answer of the channel: HTTP status, body (JSON, or MissingNode for an empty body), Request-ID. */
    record Answer(int status, JsonNode json, String requestId) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** The error code of a non-2xx answer ({@code code} of A8), "" when absent. */
        String code() {
            return json.path("code").asText("");
        }

        String message() {
            return json.path("message").asText("");
        }
    }

    /** The channel's answer could not be had or trusted: the outcome is unknown. */
    static final class Undecided extends Exception {
        private static final long serialVersionUID = 1L;

        Undecided(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ObjectMapper json;
    private final WechatSettings settings;
    private final HttpClient http;
    private final Clock clock;

    WechatClient(ObjectMapper json, WechatSettings settings, Clock clock) {
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(settings.connectTimeoutMillis))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Answer get(Account account, String pathAndQuery, String ref) throws Undecided {
        return call(account, "GET", pathAndQuery, null, ref);
    }

    Answer post(Account account, String path, JsonNode body, String ref) throws Undecided {
        try {
            return call(account, "POST", path, json.writeValueAsString(body), ref);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("request body cannot be written", e);
        }
    }

    /** One signed call; {@code ref} (out_trade_no, out_refund_no, bill day) is only for the log. */
    private Answer call(Account account, String method, String pathAndQuery, String body, String ref) throws Undecided {
        URI uri = URI.create(settings.baseUrl + pathAndQuery);
        HttpResponse<byte[]> response = send(account, method, uri, body, "application/json", ref);
        int status = response.statusCode();
        String requestId = response.headers().firstValue("Request-ID").orElse("-");
        byte[] raw = response.body() == null ? new byte[0] : response.body();
        boolean signed = response.headers().firstValue("Wechatpay-Signature").isPresent();
        if (status / 100 == 2 || signed) {
            String problem = verifyAnswer(account, response, raw);
            if (problem != null) {
                LOG.warn("WeChat Pay {} {} ({}): answer {} not trusted, {} [Request-ID {}]", method, uri.getRawPath(), ref,
                        status, problem, requestId);
                throw new Undecided("the answer's signature did not verify: " + problem);
            }
        }
        JsonNode node;
        try {
            node = raw.length == 0 ? MissingNode.getInstance() : json.readTree(raw);
            if (node == null) {
                node = MissingNode.getInstance();
            }
        } catch (IOException e) {
            if (status / 100 == 2) {
                LOG.warn("WeChat Pay {} {} ({}): unreadable answer {} [Request-ID {}]", method, uri.getRawPath(), ref,
                        status, requestId);
                throw new Undecided("unreadable answer (HTTP " + status + ")");
            }
            node = MissingNode.getInstance();
        }
        Answer answer = new Answer(status, node, requestId);
        if (status >= 500 || status == 429 || status == 408 || (!answer.ok() && answer.code().isEmpty())) {
            LOG.warn("WeChat Pay {} {} ({}): HTTP {} {} [Request-ID {}]", method, uri.getRawPath(), ref, status,
                    answer.code(), requestId);
            throw new Undecided("HTTP " + status + " " + answer.code());
        }
        LOG.debug("WeChat Pay {} {} ({}): HTTP {} {} [Request-ID {}]", method, uri.getRawPath(), ref, status,
                answer.code(), requestId);
        return answer;
    }

    /** The raw bytes of a bill download URL (unsigned answer; A3: integrity comes from the tradebill hash). */
    byte[] download(Account account, URI uri, String ref) throws Undecided {
        HttpResponse<byte[]> response = send(account, "GET", uri, null, "*/*", ref);
        if (response.statusCode() != 200) {
            throw new Undecided("bill download answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<byte[]> send(Account account, String method, URI uri, String body, String accept, String ref)
            throws Undecided {
        String canonical = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long timestamp = clock.instant().getEpochSecond();
        String nonce = WechatCrypto.nonce();
        String signature = WechatCrypto.sign(account.privateKey(),
                WechatCrypto.requestMessage(method, canonical, timestamp, nonce, body));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(settings.readTimeoutMillis))
                .header("Authorization", WechatCrypto.authorization(account.mchid(), nonce, timestamp,
                        account.serialNo(), signature))
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT)
                .header("Wechatpay-Serial", account.publicKeyId());
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            LOG.warn("WeChat Pay {} {} ({}): no answer in time ({})", method, uri.getRawPath(), ref,
                    e.getClass().getSimpleName());
            throw new Undecided("no answer in time");
        } catch (IOException e) {
            LOG.warn("WeChat Pay {} {} ({}): I/O error {}", method, uri.getRawPath(), ref, e.getClass().getSimpleName());
            throw new Undecided("I/O error (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Undecided("interrupted");
        }
    }

    /** Null when the answer verifies with the account's WeChat Pay public key, else what failed. */
    private String verifyAnswer(Account account, HttpResponse<byte[]> r, byte[] body) {
        String timestamp = r.headers().firstValue("Wechatpay-Timestamp").orElse("");
        String nonce = r.headers().firstValue("Wechatpay-Nonce").orElse("");
        String signature = r.headers().firstValue("Wechatpay-Signature").orElse("");
        String serial = r.headers().firstValue("Wechatpay-Serial").orElse("");
        return checkSigned(account, timestamp, nonce, signature, serial, body, clock);
    }

    /**
     * The A3 checks shared by answers and notifications: headers present, serial = the account's public key id,
     * timestamp within 5 minutes of now, SHA256withRSA over timestamp/nonce/raw body. Null when all pass.
     */
    static String checkSigned(Account account, String timestamp, String nonce, String signature, String serial,
            byte[] body, Clock clock) {
        if (timestamp.isEmpty() || nonce.isEmpty() || signature.isEmpty() || serial.isEmpty()) {
            return "Wechatpay-Timestamp/Nonce/Signature/Serial header missing";
        }
        if (!serial.startsWith(WechatSettings.PUB_KEY_ID_PREFIX)) {
            return "Wechatpay-Serial is a platform certificate serial (certificate mode is not supported)";
        }
        if (!serial.equals(account.publicKeyId())) {
            return "Wechatpay-Serial " + serial + " is not the configured public key id of account " + account.name();
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "Wechatpay-Timestamp is not a number";
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - ts);
        if (skew >= CLOCK_WINDOW.getSeconds()) {
            return "Wechatpay-Timestamp is " + skew + " s away from now (limit 5 minutes)";
        }
        if (!WechatCrypto.verify(account.publicKey(), WechatCrypto.answerMessage(timestamp, nonce, body), signature)) {
            return "Wechatpay-Signature does not verify with the WeChat Pay public key " + serial;
        }
        return null;
    }
}
