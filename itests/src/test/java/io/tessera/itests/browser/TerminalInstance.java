package io.tessera.itests.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tessera as an operator runs it, for the browser tests: the built distribution started with the README's
 * {@code ./tessera start} on a data folder, an etc folder and ports of its own (embedded Derby, the demo chain),
 * stopped with {@code ./tessera stop} when the test JVM ends. One instance serves every browser test class.
 *
 * <p>What a person would do by hand the tests do the same way: an integrator client (HTTP Basic, a secret whose
 * SHA-256 is in {@code etc/io.tessera.client-browser.cfg}) sets up data over the REST API, and the SMS codes a
 * clerk or member would read on their phone are read from the outbox with the admin console ({@code bin/client},
 * {@code platform:outbox}).
 */
final class TerminalInstance {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("(\\d{6})");
    private static TerminalInstance shared;

    final Path project;
    final Path home;
    final int port;
    private final int sshPort;
    private final String secret;
    private final String consolePassword;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static synchronized TerminalInstance shared() throws Exception {
        if (shared == null) {
            TerminalInstance t = new TerminalInstance();
            t.start();
            // StopAtEnd stops it when the run ends; the hook is for a run cut short.
            Runtime.getRuntime().addShutdownHook(new Thread(t::stop, "tessera-terminal-stop"));
            shared = t;
        }
        return shared;
    }

    private TerminalInstance() throws IOException {
        project = Path.of("").toAbsolutePath().getParent();
        home = Path.of("target", "terminal-instance").toAbsolutePath();
        int[] ports = freePorts(4);
        port = ports[0];
        sshPort = ports[1];
        secret = random();
        consolePassword = random();
        env = Map.of("TESSERA_DATA", home.resolve("data").toString(), "KARAF_ETC", home.resolve("etc").toString(),
                "TESSERA_PORT", String.valueOf(port), "TESSERA_SKIP_BUILD", "1", "TESSERA_SSH_PORT", String.valueOf(sshPort),
                "TESSERA_RMI_REGISTRY_PORT", String.valueOf(ports[2]), "TESSERA_RMI_SERVER_PORT", String.valueOf(ports[3]));
    }

    String base() {
        return "http://localhost:" + port;
    }

    private void start() throws Exception {
        // A copy left running by an earlier run (its JVM killed before the stop ended) must not share the folder.
        killLeftovers(home.resolve("data"));
        deleteTree(home);
        Path etc = home.resolve("etc");
        copyTree(project.resolve("karaf-distribution/target/assembly/etc"), etc);
        Files.writeString(etc.resolve("io.tessera.demo.cfg"), "load = true\n");
        Files.writeString(etc.resolve("io.tessera.client-browser.cfg"),
                "client.id = browser\nname = Browser tests\nrole = HQ_ADMIN\nsecret.sha256 = " + sha256(secret) + "\n");
        // A console user for reading the outbox (this instance only).
        Files.writeString(etc.resolve("users.properties"), "\ntester = " + consolePassword + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n", java.nio.file.StandardOpenOption.APPEND);
        // Every browser test logs in from 127.0.0.1, some as the same operator within a minute.
        Files.writeString(etc.resolve("io.tessera.codes.cfg"), "max.per.requester.per.hour = 1000\nresend.interval.seconds = 1\n");
        run(List.of(project.resolve("tessera").toString(), "start"), 300);
        // Every domain's resources published, the demo chain loaded.
        await("the domains' APIs", 120, () -> {
            for (String path : List.of("/cards/types", "/members", "/wallets/packages", "/orders", "/coupons/templates", "/points/rules")) {
                api("GET", path, null);
            }
            return true;
        });
        await("the demo chain", 90, () -> {
            JsonNode stores = api("GET", "/stores", null);
            for (JsonNode s : stores) {
                if ("103".equals(s.path("code").asText())) {
                    return true;
                }
            }
            return false;
        });
        // The console the tests read SMS codes from: Karaf starts its SSH server on a thread of its own.
        await("the console's SSH port " + sshPort, 60, () -> listening(sshPort));
        // The card type every browser test's CRM export uses (card types are HQ's data).
        api("POST", "/cards/types", Map.of("code", "SV", "name", "储值卡"));
    }

    void stop() {
        try {
            run(List.of(project.resolve("tessera").toString(), "stop"), 90);
        } catch (Exception e) {
            System.err.println("could not stop the browser tests' Tessera: " + e);
        }
        killLeftovers(home.resolve("data"));
    }

    /** Ends every JVM serving this data folder: asked first, forced after 30 s. */
    private static void killLeftovers(Path data) {
        String marker = "-Dkaraf.data=" + data;
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker + " ") || c.endsWith(marker)).orElse(false)).toList();
        left.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : left) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    /**
     * Stops the shared instance when the test run ends (registered as Failsafe's JUnit listener): before the test
     * JVM exits, not in a shutdown hook that the JVM's forced exit could cut short and leave Tessera running.
     */
    public static final class StopAtEnd extends org.junit.runner.notification.RunListener {
        @Override
        public void testRunFinished(org.junit.runner.Result result) {
            synchronized (TerminalInstance.class) {
                if (shared != null) {
                    shared.stop();
                    shared = null;
                }
            }
        }
    }

    private void run(List<String> command, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("tessera.out").toFile()));
        Files.createDirectories(home);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(home.resolve("tessera.out"))
                    + tail(home.resolve("data/log/karaf.log"), 40));
        }
    }

    /** The id of the demo chain's store with this code (e.g. "103"). */
    long storeId(String code) throws Exception {
        for (JsonNode s : api("GET", "/stores", null)) {
            if (code.equals(s.get("code").asText())) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no store " + code);
    }

    /** The newest SMS code sent to phone, read from the outbox on the admin console. */
    String code(String phone) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(project.resolve("karaf-distribution/target/assembly/bin/client").toString(),
                "-a", String.valueOf(sshPort), "-u", "tester", "-p", consolePassword, "-r", "3", "-d", "2", "-b").redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("platform:outbox " + phone + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        for (String line : out.split("\n")) {
            if (line.contains(phone)) {
                Matcher m = CODE.matcher(line.substring(line.lastIndexOf('|') + 1));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no code for " + phone + " in the outbox: " + out + "(the console's SSH port " + sshPort
                + (listening(sshPort) ? " accepts connections" : " refuses connections") + "; Tessera's log:"
                + tail(home.resolve("data/log/karaf.log"), 30) + ")");
    }

    /** A call as the browser tests' HQ client; fails on anything but 2xx. */
    JsonNode api(String method, String path, Object body) throws Exception {
        return api(method, path, body == null ? null : JSON.writeValueAsString(body), "application/json");
    }

    /** A money-moving call as the HQ client, with its idempotency key. */
    JsonNode api(String method, String path, Object body, String idempotencyKey) throws Exception {
        return call(method, path, JSON.writeValueAsString(body), "application/json", idempotencyKey);
    }

    JsonNode api(String method, String path, String body, String type) throws Exception {
        return call(method, path, body, type, null);
    }

    /** The status of a GET with the given Authorization header (another client's credentials). */
    int statusAs(String authorization, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode call(String method, String path, String body, String type, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("browser:" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", type);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(String what, int seconds, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception | AssertionError e) {
                last = e;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        throw new AssertionError("gave up after " + seconds + " s waiting for " + what, last);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return "\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Ports free now, all different: each socket is held open until every port is chosen. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new java.util.ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String random() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
