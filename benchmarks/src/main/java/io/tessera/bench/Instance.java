package io.tessera.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Tessera distribution copy that the driver starts, measures, kills and restarts: {@code bin/karaf
 * server} with its own data folder and port.
 */
final class Instance {

    /** Every face that must answer before Tessera counts as started. */
    static final List<String> ENDPOINTS = List.of("/api/v1/health", "/api/v1/stores", "/api/v1/members?size=1",
            "/api/v1/wallets/packages", "/api/v1/cards/types", "/api/v1/jobs", "/api/v1/openapi.json",
            "/soap/auth?wsdl", "/soap/org?wsdl", "/soap/members?wsdl", "/soap/wallets?wsdl", "/soap/cards?wsdl",
            "/api/v1/orders?size=1", "/soap/payments?wsdl", "/api/v1/coupons/templates?size=1", "/api/v1/points/rules?size=1",
            "/api/v1/marketing/activities?size=1");

    final Path home;
    final Path data;
    final int port;
    final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Environment of the JVM beyond the HTTP port (a cluster node's console and JMX ports). */
    private final java.util.Map<String, String> env = new java.util.HashMap<>();
    private Process process;

    Instance(Path home, int port, String client, String secret) {
        this.home = home;
        this.data = home.resolve("data");
        this.port = port;
        this.authorization = Tessera.basic(client, secret);
    }

    /** A node of several on one machine: its own console (ssh) and JMX ports, offset from its HTTP port. */
    Instance ownPorts() {
        // Copies of one distribution on one machine: each has its own data folder (bin/karaf would refuse otherwise).
        env.put("CHECK_ROOT_INSTANCE_RUNNING", "false");
        env.put("ORG_APACHE_KARAF_SHELL_SSHPORT", Integer.toString(port + 1000));
        env.put("ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT", Integer.toString(port + 2000));
        env.put("ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT", Integer.toString(port + 3000));
        // The file writes its JMX address from its own ports: the address needs its override too.
        env.put("ORG_APACHE_KARAF_MANAGEMENT_SERVICEURL", "service:jmx:rmi://127.0.0.1:" + (port + 3000) + "/jndi/rmi://127.0.0.1:"
                + (port + 2000) + "/karaf-root");
        return this;
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Starts the process and waits until every endpoint answers; returns the seconds that took. */
    double start() throws Exception {
        Files.createDirectories(data.resolve("log"));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server");
        pb.environment().put("KARAF_DATA", data.toString());
        pb.environment().put("ORG_OPS4J_PAX_WEB_ORG_OSGI_SERVICE_HTTP_PORT", Integer.toString(port));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("log/console.log").toFile()));
        long t0 = System.nanoTime();
        process = pb.start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
        for (String endpoint : ENDPOINTS) {
            while (!answers(endpoint)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("Tessera did not answer " + endpoint + "; see " + data.resolve("log/karaf.log"));
                }
                Thread.sleep(50);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Whether its own health check answers 200 (database up, every domain published, no newer schema). */
    boolean healthy() {
        return answers("/api/v1/health");
    }

    /** The port of its Karaf console (SSH): its HTTP port + 1000 for a node of several, else the distribution's. */
    int sshPort() {
        return Integer.parseInt(env.getOrDefault("ORG_APACHE_KARAF_SHELL_SSHPORT", "8101"));
    }

    /** Runs a command on its Karaf console (bin/client) as the given user; returns what it printed. */
    String console(String user, String password, String command) throws Exception {
        // In batch mode, the command on its input (Karaf 4.4's client prints nothing for a command given as an argument).
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort()), "-u", user,
                "-p", password, "-r", "3", "-b").redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path output = Files.createTempFile("tessera-console", ".txt");
        pb.redirectOutput(output.toFile());
        Process p = pb.start();
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(output);
        Files.deleteIfExists(output);
        if (!ended || p.exitValue() != 0) {
            throw new IllegalStateException("console command '" + command + "' failed: " + out);
        }
        return out;
    }

    private boolean answers(String path) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(5))
                    .header("Authorization", authorization).GET().build();
            return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The JVM's process id (bin/karaf may run it as a child). */
    long javaPid() throws Exception {
        Process p = new ProcessBuilder("pgrep", "-f", "--", "-Dkaraf.data=" + data + "( |$)").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        if (out.isEmpty()) {
            throw new IllegalStateException("no Tessera JVM for " + data);
        }
        return Long.parseLong(out.split("\\s+")[0]);
    }

    /** CPU time the Tessera JVM has used so far (all its threads: request threads, JIT, GC). */
    Duration cpuTime() throws Exception {
        return ProcessHandle.of(javaPid()).flatMap(h -> h.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for the Tessera JVM"));
    }

    /** Resident memory of the JVM in MB (VmRSS). */
    long rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + javaPid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** kill -9: no shutdown hook, no flush, exactly like a power cut for the JVM. */
    void kill() throws Exception {
        long pid = javaPid();
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    void stop() throws Exception {
        ProcessBuilder stop = new ProcessBuilder(home.resolve("bin/stop").toString()).inheritIO();
        // bin/stop finds the instance by its data folder: this one's, not the one the driver was started with.
        stop.environment().put("KARAF_DATA", data.toString());
        stop.start().waitFor();
        if (process != null && !process.waitFor(90, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
