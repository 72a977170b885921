package io.tessera.terminal.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.platform.api.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The terminal's message files: both languages have the same labels; every error code of every domain's catalogue
 * has its message in both; every label the pages ask for by name exists.
 */
public class MessagesTest {

    private static final Path WEB = Path.of("src/main/resources/web");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Class<? extends ErrorCode>> CATALOGUES = List.of(
            io.tessera.platform.api.PlatformErrors.class, io.tessera.org.api.OrgErrors.class,
            io.tessera.members.api.MemberErrors.class, io.tessera.wallets.api.WalletErrors.class,
            io.tessera.cards.api.CardErrors.class, io.tessera.payments.api.PaymentErrors.class,
            io.tessera.coupons.api.CouponErrors.class, io.tessera.points.api.PointsErrors.class,
            io.tessera.marketing.api.MarketingErrors.class, io.tessera.reporting.api.ReportingErrors.class);
    /** t('a.b') and t("a.b") in the pages; keys built at run time (t(`card.status.${s}`)) are checked by the browser tests. */
    private static final Pattern LITERAL = Pattern.compile("\\bt\\('([A-Za-z0-9_.-]+)'|label: '([A-Za-z0-9_.-]+)'|\\['([a-z]+\\.[A-Za-z0-9_.]+)', ");

    @Test
    public void bothLanguagesHaveTheSameLabelsAndErrorMessages() throws IOException {
        assertEquals(keys("zh-CN.json"), keys("en.json"));
        assertEquals(keys("errors.zh-CN.json"), keys("errors.en.json"));
        for (String file : List.of("zh-CN.json", "en.json", "errors.zh-CN.json", "errors.en.json")) {
            JsonNode m = JSON.readTree(WEB.resolve("i18n").resolve(file).toFile());
            m.fields().forEachRemaining(e -> assertTrue(file + ": " + e.getKey() + " is empty", !e.getValue().asText().isBlank()));
        }
    }

    @Test
    public void everyErrorCodeHasItsMessage() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (Class<? extends ErrorCode> c : CATALOGUES) {
            for (ErrorCode e : c.getEnumConstants()) {
                codes.add(e.code());
            }
        }
        Set<String> missing = new TreeSet<>(codes);
        missing.removeAll(keys("errors.zh-CN.json"));
        assertEquals("error codes without a message", Set.of(), missing);
        Set<String> stale = new TreeSet<>(keys("errors.zh-CN.json"));
        stale.removeAll(codes);
        assertEquals("messages of codes no catalogue has", Set.of(), stale);
    }

    @Test
    public void everyLabelThePagesNameExists() throws IOException {
        Set<String> labels = keys("zh-CN.json");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEB.resolve("js"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".js"))::iterator) {
                Matcher m = LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (!labels.contains(key)) {
                        missing.add(WEB.relativize(f) + ": " + key);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static Set<String> keys(String file) throws IOException {
        Set<String> keys = new TreeSet<>();
        JSON.readTree(WEB.resolve("i18n").resolve(file).toFile()).fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
