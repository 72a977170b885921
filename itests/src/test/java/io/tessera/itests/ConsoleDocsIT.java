package io.tessera.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * Every console command the README shows — each line of a console session and each command written
 * out in the text — runs as written, in the README's order, on a real Tessera: no "too many
 * arguments", no unknown command or option, no error. The README cannot tell an admin something the
 * console refuses.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleDocsIT extends TesseraTestSupport {

    private static final Pattern PROMPT = Pattern.compile("^(?:karaf|tessera)@root\\(\\)> ((?:platform|org|member|wallet|card|order|payment|coupon|points|marketing):.+)$");
    /**
     * A Tessera command written out in the text: scope:name and its words, with no placeholder such as
     * {@code <id>}. (Karaf's own feature:* lines are HotDeployIT's, through the FeaturesService.)
     */
    private static final Pattern INLINE = Pattern.compile("`((?:platform|org|member|wallet|card|order|payment|coupon|points|marketing):[a-z-]+(?: [^`<>]*)?)`");

    @Inject
    private SessionFactory sessionFactory;

    @Before
    public void ready() {
        awaitReady();
    }

    @Test
    public void everyDocumentedConsoleCommandRunsAsWritten() throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(System.getProperty("tessera.project"), "README.md"), StandardCharsets.UTF_8);
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            Matcher prompt = PROMPT.matcher(line);
            if (inBlock && prompt.matches()) {
                commands.add(prompt.group(1).replaceAll("\\s+#.*$", "").trim());
            } else if (!inBlock) {
                Matcher inline = INLINE.matcher(line);
                while (inline.find()) {
                    if (inline.group(1).contains(" ")) {
                        commands.add(inline.group(1).trim());
                    }
                }
            }
        }
        assertTrue("the README shows console commands: " + commands, commands.size() >= 8);
        List<String> failed = new ArrayList<>();
        for (String command : commands) {
            String out = run(command);
            if (out.contains("too many arguments") || out.contains("Command not found") || out.contains("Error executing command")
                    || out.contains("Undefined option") || out.contains("Exception")) {
                failed.add(command + "\n    -> " + out.trim().replace("\n", "\n       "));
            }
        }
        assertFalse(failed.size() + " documented command(s) fail as written:\n" + String.join("\n", failed), !failed.isEmpty());
    }

    private String run(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
        } catch (Exception e) {
            out.println("Error executing command: " + e);
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
