package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.tessera.org.api.DemoDataService;
import io.tessera.platform.api.codes.OutboxMessage;
import io.tessera.platform.api.codes.OutboxService;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Boots the real Tessera distribution (built by karaf-distribution) with the demo chain loaded,
 * on free ports, and talks to it over HTTP like an integrator would. One small base for all
 * integration tests: bounded polling, never blind sleeps, and a check that every bundle resolved.
 */
public abstract class TesseraTestSupport {

    /** Amounts stay exact decimals with their two places ("50.00", never 50.0). */
    protected static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    /** Demo operators (see DemoDataServiceImpl): clerk and manager of store 103, clerk of store 101, finance, HQ admin. */
    protected static final String CLERK_103 = "13800000001";
    protected static final String MANAGER_103 = "13800000002";
    protected static final String CLERK_101 = "13800000003";
    protected static final String FINANCE = "13800000004";
    protected static final String HQ_ADMIN = "13800000005";

    /** A headquarters client from {@code etc/io.tessera.client-provisioned.cfg}, and its HTTP Basic header. */
    protected static final String PROVISIONED_CLIENT = "provisioned-hq";

    protected static final String PROVISIONED_BASIC = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("provisioned-hq:provisioned-hq-secret-for-tests".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService features;

    /** Looked up before each test (see {@link #tesseraServices}), not injected: a missing one is explained. */
    protected OutboxService outbox;

    protected DemoDataService demo;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        String dist = System.getProperty("tessera.distribution", "../karaf-distribution/target/tessera-distribution-0.1.0-SNAPSHOT.tar.gz");
        String karaf = "4.4.10";
        return org.ops4j.pax.exam.OptionUtils.combine(new Option[] {
            // -Dtessera.keep=true keeps target/exam/<run>/ (logs, Derby) for a look after the run.
            when(Boolean.getBoolean("tessera.keep")).useOptions(keepRuntimeFolder()),
            karafDistributionConfiguration().frameworkUrl(new File(dist).toURI().toString())
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false).name("Tessera"),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(HTTP_PORT)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/io.tessera.demo.cfg", "load", "true"),
            // A headquarters integrator provisioned from a file (FoundationIT: it may not manage clients).
            editConfigurationFilePut("etc/io.tessera.client-provisioned.cfg", "client.id", PROVISIONED_CLIENT),
            editConfigurationFilePut("etc/io.tessera.client-provisioned.cfg", "role", "HQ_ADMIN"),
            editConfigurationFilePut("etc/io.tessera.client-provisioned.cfg", "secret.sha256",
                    "11e32c0173520da682facd0df0aec0e0c7ff84d3658e38c487b74e0f50c96c0c"),
            // Every test logs in from 127.0.0.1: the per-address code limit is StrictInputIT's to test.
            editConfigurationFilePut("etc/io.tessera.codes.cfg", "max.per.requester.per.hour", "1000"),
            systemProperty("tessera.test.port").value(String.valueOf(HTTP_PORT)),
            // Every REST exchange is recorded here for the contract tests (see Exchanges).
            systemProperty("tessera.exchanges").value(new File("target/exchanges").getAbsolutePath()),
            // The project's files (README.md for ConsoleDocsIT).
            systemProperty("tessera.project").value(new File("..").getAbsoluteFile().toPath().normalize().toString()),
            // Injected services may take longer than Pax Exam's default 10 s while the features start.
            systemProperty("pax.exam.service.timeout").value("90000"),
            // Karaf's Java 9+ launcher flags (bin/karaf), which Pax Exam does not add by itself.
            new VMOption("--add-reads=java.xml=java.logging"),
            new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            new VMOption("--patch-module"),
            new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar"),
            new VMOption("--patch-module"),
            new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar"),
            new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
            new VMOption("--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED"),
            new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
            new VMOption("-classpath"),
            new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"),
            new VMOption("-Xmx768m"),
        }, TestDatabase.options());
    }

    private static final int HTTP_PORT = freePort();

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the database

    /** One statement on Tessera's database, outside any transaction of Tessera's. */
    protected int sql(String statement) throws Exception {
        return withConnection(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }

    /** The first column of the first row of a query on Tessera's database ("" when no row), as text. */
    protected String withConnectionQuietly(String query) {
        try {
            return withConnection(c -> {
                try (Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
                    return rs.next() ? rs.getString(1) : "";
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected interface Work<T> {
        T apply(Connection c) throws Exception;
    }

    protected <T> T withConnection(Work<T> work) throws Exception {
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=tessera)")
                .iterator().next();
        try (Connection c = bundleContext.getService(ref).getConnection()) {
            return work.apply(c);
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    // ---- waiting

    protected static void await(String what, long seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Bundle probe = org.osgi.framework.FrameworkUtil.getBundle(TesseraTestSupport.class);
                throw new AssertionError("gave up after " + seconds + " s waiting for " + what
                        + (probe == null || probe.getBundleContext() == null ? "" : "; " + Diagnostics.summary(probe.getBundleContext())));
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    /**
     * {@link #await} for an endpoint that is being published or withdrawn (a feature installed or
     * removed): while the API is rebuilt the servlet container answers for it, which is no exchange
     * of Tessera's contract, so these polls are not recorded.
     */
    protected static void awaitUnrecorded(String what, long seconds, BooleanSupplier condition) {
        Exchanges.unrecorded(() -> await(what, seconds, condition));
    }

    /** The platform's outbox and the demo loader; when they do not come up, the failure says what the container shows. */
    @org.junit.Before
    public void tesseraServices() {
        outbox = Diagnostics.await(bundleContext, OutboxService.class, 120);
        demo = Diagnostics.await(bundleContext, DemoDataService.class, 120);
    }

    /** Every bundle resolved, the API answering, the node's health UP, and demo data loaded. */
    protected void awaitReady() {
        for (Bundle b : bundleContext.getBundles()) {
            assertTrue("bundle " + b.getSymbolicName() + " is not resolved; " + Diagnostics.summary(bundleContext), b.getState() != Bundle.INSTALLED);
        }
        // Every domain's resources are published (401 = the resource exists and wants credentials). While
        // they are not, the servlet container answers for them: those polls are not Tessera's contract.
        Exchanges.unrecorded(() -> await("the REST API, the SOAP services and the outbox", 90, () -> call("GET", "/members", null, null).status == 401
                && call("GET", "/stores", null, null).status == 401 && call("GET", "/wallets/packages", null, null).status == 401
                && call("GET", "/cards/types", null, null).status == 401 && call("GET", "/jobs", null, null).status == 401
                && getRaw("/soap/cards?wsdl", null).status == 401
                && getRaw("/soap/members?wsdl", null).status == 401 && getRaw("/soap/wallets?wsdl", null).status == 401
                && getRaw("/soap/org?wsdl", null).status == 401 && call("GET", "/orders", null, null).status == 401
                && getRaw("/soap/payments?wsdl", null).status == 401 && call("GET", "/coupons/templates", null, null).status == 401
                && call("GET", "/points/rules", null, null).status == 401 && call("GET", "/points/accounts", null, null).status == 401
                && getRaw("/soap/points?wsdl", null).status == 401 && call("GET", "/marketing/activities", null, null).status == 401
                && call("GET", "/marketing/referrals", null, null).status == 401 && getRaw("/soap/marketing?wsdl", null).status == 401
                && outboxWorks()
                // and the node says so itself, as a load balancer asks it: boot features installed, no domain coming back
                && call("GET", "/health", null, null).status == 200));
        // Loaded by etc/io.tessera.demo.cfg too; loading is idempotent and serialised, so this returns
        // only once the whole demo chain is there.
        demo.load();
        if (Exchanges.folder() != null && !java.nio.file.Files.exists(Exchanges.folder().resolve("openapi.json"))) {
            Answer doc = call("GET", "/openapi.json", null, bearer(HQ_ADMIN));
            assertEquals(doc.toString(), 200, doc.status);
            Exchanges.saveDocument(doc.text);
        }
    }

    private boolean outboxWorks() {
        try {
            outbox.recent(null, 1);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    // ---- HTTP

    /** An HTTP answer: status and JSON body (null when the body is not JSON). */
    protected static final class Answer {
        public final int status;
        public final String text;
        public final JsonNode json;

        Answer(int status, String text) {
            this.status = status;
            this.text = text;
            JsonNode parsed;
            try {
                parsed = text == null || text.isEmpty() ? null : JSON.readTree(text);
            } catch (IOException e) {
                parsed = null;
            }
            this.json = parsed;
        }

        public String code() {
            return json == null ? null : json.path("code").asText(null);
        }

        public String field() {
            return json == null ? null : json.path("field").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    protected String base() {
        return "http://localhost:" + System.getProperty("tessera.test.port");
    }

    protected Answer call(String method, String path, String body, String authorization) {
        return call(method, path, body, authorization, Map.of());
    }

    /** A new integrator client made over {@code POST /clients} by the HQ administrator: its HTTP Basic header. */
    protected String newClient(String prefix, String role, long... storeIds) {
        String id = prefix + "-" + System.nanoTime();
        StringBuilder stores = new StringBuilder();
        for (long s : storeIds) {
            stores.append(stores.length() == 0 ? "" : ",").append(s);
        }
        Answer made = call("POST", "/clients", "{\"clientId\":\"" + id + "\",\"name\":\"" + prefix + "\",\"role\":\"" + role
                + "\",\"storeIds\":[" + stores + "]}", bearer(HQ_ADMIN));
        assertEquals(made.toString(), 201, made.status);
        return "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":" + made.json.get("secret").asText())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    protected Answer call(String method, String path, String body, String authorization, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/v1" + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        return send(b.build(), body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A raw body (an uploaded file) to a REST path. */
    protected Answer upload(String path, byte[] body, String contentType, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType)
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build(), body);
    }

    /** A binary answer (a download): status, content type and bytes. */
    protected HttpResponse<byte[]> download(String path, String authorization) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/v1" + path)).timeout(Duration.ofSeconds(30)).GET();
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            HttpRequest request = b.build();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Exchanges.record(getClass().getSimpleName(), request.method(), request.uri(), request.headers().map(), null,
                    r.statusCode(), r.headers(), r.body());
            return r;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Both simulated channels answering at once (notifications and refunds), and Tessera seeing them ready for store 103. */
    protected void awaitChannels(Sims.Pair sims) {
        for (Sims.Sim s : sims.both()) {
            s.autoNotify(true);
            s.settleRefundsAutomatically(true);
            await(s.name() + " configured for store 103", 60, () -> {
                Answer a = call("GET", "/payments/channels", null, bearer(HQ_ADMIN));
                return a.status == 200 && a.json.toString().contains(s.method()) && a.json.toString().contains("\"ready\":true");
            });
        }
    }

    /** Polls a job until it has finished, and returns it. */
    protected JsonNode awaitJob(long jobId, String authorization) {
        JsonNode[] job = new JsonNode[1];
        await("job " + jobId + " to finish", 120, () -> {
            Answer a = call("GET", "/jobs/" + jobId, null, authorization);
            assertEquals(a.toString(), 200, a.status);
            job[0] = a.json;
            String status = a.json.get("status").asText();
            return "SUCCEEDED".equals(status) || "FAILED".equals(status);
        });
        return job[0];
    }

    protected Answer soap(String service, String envelopeBody, String authorization) {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + envelopeBody + "</soapenv:Body></soapenv:Envelope>";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/soap/" + service)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build(), null);
    }

    /**
     * Any request, byte for byte: method, path from the server root, body (null for none), headers
     * ({@code Transfer-Encoding: chunked} sends the body without a length).
     */
    protected Answer raw(String method, String pathFromRoot, byte[] body, Map<String, String> headers) {
        boolean chunked = "chunked".equals(headers.get("Transfer-Encoding"));
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathFromRoot)).timeout(Duration.ofSeconds(60))
                .method(method, publisher);
        headers.forEach((k, v) -> {
            if (!"Transfer-Encoding".equals(k)) {
                b.header(k, v);
            }
        });
        return send(b.build(), body);
    }

    protected Answer getRaw(String pathFromRoot, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + pathFromRoot)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build(), null);
    }

    private Answer send(HttpRequest request, byte[] body) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            Exchanges.record(getClass().getSimpleName(), request.method(), request.uri(), request.headers().map(), body,
                    r.statusCode(), r.headers(), r.body() == null ? null : r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (r.statusCode() == 500) {
                return new Answer(500, r.body() + serverLogAround(r.body()));
            }
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The container's log lines after an error reference, so a failed assertion shows the cause. */
    private static String serverLogAround(String body) {
        Matcher m = Pattern.compile("reference ([0-9a-f-]{36})").matcher(body == null ? "" : body);
        if (!m.find()) {
            return "";
        }
        try {
            List<String> lines = java.nio.file.Files.readAllLines(
                    java.nio.file.Paths.get(System.getProperty("karaf.data"), "log", "karaf.log"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(m.group(1))) {
                    // What the server said just before (a warning of the persistence provider), the error, and every cause.
                    StringBuilder log = new StringBuilder("\n--- server log ---\n");
                    log.append(String.join("\n", lines.subList(Math.max(0, i - 15), Math.min(lines.size(), i + 60))));
                    for (String line : lines.subList(Math.min(lines.size(), i + 60), Math.min(lines.size(), i + 600))) {
                        if (line.startsWith("Caused by") || line.contains("Internal Exception") || line.contains("Error Code")) {
                            log.append("\n").append(line);
                        }
                    }
                    return log.toString();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "\n(server log unreadable: " + e + ")";
        }
        return "";
    }

    // ---- login

    /** The 6-digit code in the newest outbox message to the phone, waiting for it to arrive. */
    protected String latestCode(String phone, long notBeforeId) {
        String[] code = new String[1];
        await("an SMS code to " + phone, 30, () -> {
            List<OutboxMessage> messages = outbox.recent(phone, 1);
            if (messages.isEmpty() || messages.get(0).getId() <= notBeforeId) {
                return false;
            }
            Matcher m = CODE.matcher(messages.get(0).getText());
            code[0] = m.find() ? m.group(1) : null;
            return code[0] != null;
        });
        return code[0];
    }

    protected long lastOutboxId(String phone) {
        List<OutboxMessage> messages = outbox.recent(phone, 1);
        return messages.isEmpty() ? 0 : messages.get(0).getId();
    }

    /** "Bearer <token>" for a demo operator: request code, read it from the outbox, log in (once per phone). */
    protected String bearer(String phone) {
        return TOKENS.computeIfAbsent(phone, p -> {
            long before = lastOutboxId(p);
            Answer requested = call("POST", "/auth/codes", "{\"phone\":\"" + p + "\"}", null);
            assertEquals(requested.toString(), 202, requested.status);
            String code = latestCode(p, before);
            Answer login = call("POST", "/auth/login", "{\"phone\":\"" + p + "\",\"code\":\"" + code + "\"}", null);
            assertEquals(login.toString(), 200, login.status);
            return "Bearer " + login.json.get("token").asText();
        });
    }

    protected long storeId(String code) {
        Answer stores = call("GET", "/stores", null, bearer(HQ_ADMIN));
        assertEquals(stores.toString(), 200, stores.status);
        for (JsonNode s : stores.json) {
            if (code.equals(s.get("code").asText())) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("no store " + code);
    }

    /** A phone no test has used: 11 digits starting 15x, from the clock and a counter. */
    private static final AtomicInteger KEYS = new AtomicInteger();

    /** A new Idempotency-Key header, never used before. */
    protected static Map<String, String> key() {
        return Map.of("Idempotency-Key", "k-" + System.nanoTime() + "-" + KEYS.incrementAndGet());
    }

    /** A new member, registered by headquarters at the store. */
    protected long member(long storeId) {
        Answer a = call("POST", "/members", "{\"phone\":\"" + newPhone() + "\",\"name\":\"测试会员\",\"storeId\":" + storeId + "}",
                bearer(HQ_ADMIN));
        assertEquals(a.toString(), 201, a.status);
        return a.json.get("id").asLong();
    }

    protected static String newPhone() {
        long n = (System.nanoTime() / 1000 + COUNTER.incrementAndGet() * 7919) % 100_000_000L;
        return "15" + (1 + (int) (n % 9)) + String.format("%08d", n);
    }

    private static final AtomicLong COUNTER = new AtomicLong();

    /** Runs {@code n} requests at once (released together) and returns every answer. */
    protected static List<Answer> inParallel(int n, IntFunction<Answer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
