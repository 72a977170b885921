package io.tessera.platform.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;

/**
 * For each domain's catalogue test: the domain's page in {@code docs/domains/} carries the catalogue's
 * table ({@link ErrorCode#markdown}) between {@code <!-- errors -->} and {@code <!-- /errors -->}, and no
 * code of the domain is also one of the platform's. {@code -Dtessera.docs.update=true} writes the table.
 */
public final class CatalogueDocs {

    private static final String BEGIN = "<!-- errors -->";
    private static final String END = "<!-- /errors -->";

    private CatalogueDocs() {
    }

    public static <E extends Enum<E> & ErrorCode> void check(Class<E> catalogue, String domain) throws IOException {
        // A module's tests run in its folder: bundles/<domain>/api.
        Path page = Paths.get("../../../docs/domains", domain + ".md");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(page + " has no " + BEGIN + " ... " + END + " section", begin >= 0 && end > begin);
        String table = ErrorCode.markdown(catalogue);
        if (Boolean.getBoolean("tessera.docs.update")) {
            Files.writeString(page, text.substring(0, begin + BEGIN.length()) + "\n" + table + "\n" + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(page + " does not show the catalogue " + catalogue.getSimpleName()
                        + " (mvn test -Dtessera.docs.update=true writes it)", table,
                text.substring(begin + BEGIN.length(), end).trim());
        if (!catalogue.equals((Object) PlatformErrors.class)) {
            Set<String> platform = new HashSet<>();
            for (PlatformErrors p : PlatformErrors.values()) {
                platform.add(p.code());
            }
            for (E e : catalogue.getEnumConstants()) {
                assertTrue(e.code() + " is a platform code already: throw PlatformErrors." + e.code(), !platform.contains(e.code()));
            }
        }
    }
}
