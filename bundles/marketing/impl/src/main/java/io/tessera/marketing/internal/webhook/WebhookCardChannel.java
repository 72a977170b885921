package io.tessera.marketing.internal.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.marketing.api.spi.CardChannel;
import io.tessera.marketing.api.spi.CardPush;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic card channel "webhook": each push is a signed JSON POST to the configured receiver
 * ({@code etc/io.tessera.marketing.webhook.cfg}: {@code url}, {@code secret} of at least 16 characters,
 * {@code timeoutMillis}, default 5000). Present only while configured. A 2xx answer is taken; anything else, or no
 * answer, throws: the outbox pushes again. Headers: {@code Tessera-Push-Id} (the same on a retry),
 * {@code Tessera-Timestamp}, {@code Tessera-Signature} ({@link WebhookSignature}). The secret is never logged.
 */
@Component(service = CardChannel.class, configurationPid = "io.tessera.marketing.webhook", configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = CardChannel.NAME + "=webhook")
public class WebhookCardChannel implements CardChannel {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookCardChannel.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Settings(URI url, String secret, Duration timeout) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Settings settings;

    @Activate
    public WebhookCardChannel(Map<String, Object> properties) {
        configure(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        configure(properties);
    }

    private void configure(Map<String, Object> p) {
        String url = String.valueOf(p.getOrDefault("url", "")).trim();
        String secret = String.valueOf(p.getOrDefault("secret", ""));
        if (!(url.startsWith("http://") || url.startsWith("https://")) || secret.length() < 16) {
            throw new IllegalArgumentException("io.tessera.marketing.webhook: url (http or https) and a secret of at least 16 characters are required");
        }
        long timeout = Long.parseLong(String.valueOf(p.getOrDefault("timeoutMillis", "5000")).trim());
        settings = new Settings(URI.create(url), secret, Duration.ofMillis(Math.max(100, timeout)));
        LOG.info("Card channel webhook: pushing to {}", url);
    }

    @Override
    public void push(CardPush p) {
        Settings s = settings;
        String body = body(p);
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(s.url()).timeout(s.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Tessera-Push-Id", String.valueOf(p.pushId))
                .header("Tessera-Timestamp", String.valueOf(timestamp))
                .header("Tessera-Signature", WebhookSignature.sign(s.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("card webhook did not answer: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing a card", e);
        }
        if (status / 100 != 2) {
            throw new IllegalStateException("card webhook answered " + status + " to push " + p.pushId);
        }
    }

    static String body(CardPush p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("pushId", p.pushId);
        n.put("cardId", p.cardId);
        n.put("cardName", p.cardName);
        n.put("memberId", p.memberId);
        n.put("memberNo", p.memberNo);
        n.put("cardCode", p.cardCode);
        n.put("version", p.version);
        if (p.levelName != null) {
            n.put("levelName", p.levelName);
        }
        n.put("balance", p.balance.toBigDecimal());
        if (p.points != null) {
            n.put("points", p.points);
        }
        n.put("at", p.at.toString());
        return n.toString();
    }
}
