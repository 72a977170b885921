package io.tessera.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Tessera a crash run drives: one instance, or several nodes on one PostgreSQL behind HAProxy (as {@code
 * ./tessera cluster} runs them), each a copy of the first's distribution and configuration with its own data
 * folder and ports. Clients go through {@link #base()}: the balancer when there is one.
 */
final class Nodes {

    final List<Instance> instances = new ArrayList<>();
    private final int balancerPort;
    private Process haproxy;

    private Nodes(Instance first, int balancerPort) {
        instances.add(first);
        this.balancerPort = balancerPort;
    }

    static Nodes single(Instance instance) {
        return new Nodes(instance, 0);
    }

    /**
     * n nodes: the first instance and copies of it on ports 100 apart (8190, 8290 …: clear of ./tessera cluster's
     * 8180-8281), HAProxy on the first's port + 50.
     */
    static Nodes cluster(Instance first, int n, String client, String secret) {
        Nodes nodes = new Nodes(first.ownPorts(), first.port + 50);
        for (int k = 2; k <= n; k++) {
            Path home = first.home.resolveSibling(first.home.getFileName() + "-node" + k);
            nodes.instances.add(new Instance(home, first.port + 100 * (k - 1), client, secret).ownPorts());
        }
        return nodes;
    }

    boolean cluster() {
        return instances.size() > 1;
    }

    /** Where configuration goes before the first start (copied to every node). */
    Path etc() {
        return instances.get(0).home.resolve("etc");
    }

    String base() {
        return cluster() ? "http://localhost:" + balancerPort : instances.get(0).base();
    }

    /** The node a round kills: each in turn. */
    Instance victim(int round) {
        return instances.get((round - 1) % instances.size());
    }

    String label(Instance node) {
        return "node" + (instances.indexOf(node) + 1);
    }

    /** Copies the first node's distribution to the others, starts every node one after the other, then the balancer. */
    void start() throws Exception {
        copyFirst();
        for (Instance node : instances) {
            node.start();
        }
        if (cluster()) {
            startBalancer();
        }
    }

    /** The first node's distribution and configuration copied to the others (not started). */
    void copyFirst() throws IOException {
        Instance first = instances.get(0);
        for (Instance node : instances.subList(1, instances.size())) {
            copy(first.home, node.home);
        }
    }

    /** HAProxy as ./tessera cluster runs it; answers once one node is up behind it. */
    void startBalancer() throws Exception {
        StringBuilder cfg = new StringBuilder("global\n  maxconn 4096\n  stats socket ipv4@127.0.0.1:" + (balancerPort + 1)
                + " level admin\ndefaults\n  mode http\n  timeout connect 2s\n"
                + "  timeout client 60s\n  timeout server 60s\n  retries 3\n  option redispatch 1\n  retry-on conn-failure 503\n"
                + "frontend tessera\n  bind 127.0.0.1:" + balancerPort + "\n  default_backend nodes\n"
                + "backend nodes\n  balance roundrobin\n  option httpchk GET /api/v1/health\n  http-check expect status 200\n");
        for (Instance node : instances) {
            cfg.append("  server ").append(label(node)).append(" 127.0.0.1:").append(node.port)
                    .append(" check inter 1s fastinter 250ms fall 2 rise 2\n");
        }
        Path file = instances.get(0).home.resolveSibling("haproxy-" + balancerPort + ".cfg");
        Files.writeString(file, cfg, StandardCharsets.UTF_8);
        haproxy = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(file.resolveSibling("haproxy-" + balancerPort + ".log").toFile())).start();
        Process started = haproxy;
        // The driver ends with System.exit, or may fail: the balancer never outlives it.
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "haproxy-stop"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the balancer is starting
            }
            if (System.nanoTime() > deadline || !haproxy.isAlive()) {
                throw new IllegalStateException("HAProxy did not answer on port " + balancerPort + "; see " + file);
            }
            Thread.sleep(200);
        }
    }

    /** A command to HAProxy's runtime API (admin level), and its answer. */
    String balancer(String command) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", balancerPort + 1)) {
            socket.getOutputStream().write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** A column of the node's line in HAProxy's statistics: "scur" (requests in progress), "status" (UP, DRAIN, DOWN …). */
    String stat(Instance node, String column) throws IOException {
        String[] lines = balancer("show stat").split("\n");
        List<String> header = List.of(lines[0].replaceFirst("^# ", "").split(","));
        int c = header.indexOf(column);
        for (String line : lines) {
            String[] f = line.split(",", -1);
            if (f.length > c && f[0].equals("nodes") && f[1].equals(label(node))) {
                return f[c];
            }
        }
        throw new IllegalStateException("no " + label(node) + " in HAProxy's statistics");
    }

    /** The balancer sends the node nothing new; returns once the node has answered what it had. */
    void drain(Instance node) throws Exception {
        balancer("set server nodes/" + label(node) + " state drain");
        await(() -> "0".equals(stat(node, "scur")), label(node) + " to finish its requests");
    }

    /** Back at the balancer once its own health check answers 200 (every domain published). */
    void rejoin(Instance node) throws Exception {
        await(node::healthy, label(node) + " to be healthy");
        balancer("set server nodes/" + label(node) + " state ready");
        await(() -> "UP".equals(stat(node, "status")), "the balancer to see " + label(node) + " up");
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited 180 s for " + what);
            }
            Thread.sleep(50);
        }
    }

    void stop() throws Exception {
        for (Instance node : instances) {
            node.stop();
        }
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> walk = Files.walk(to)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path rel = from.relativize(p);
                if (rel.startsWith("data")) {
                    continue; // each node its own data folder
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
