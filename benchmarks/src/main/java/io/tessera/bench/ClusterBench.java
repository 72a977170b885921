package io.tessera.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./tessera bench cluster}: member pay on 1 node of embedded Derby, then on 1 and on 2 nodes of one
 * PostgreSQL behind HAProxy, in the same run and with the same clients; then redeploys under that load — on the
 * Derby node alone (the gap the tills see) and node by node on the cluster, each node drained at the balancer
 * first (what they see then: nothing, if the procedure holds).
 *
 * <p>The redeploy is {@code bundle:restart tessera-wallets-impl} on the node's console: the wallets' code stopped
 * and started again, as an update of the bundle does, while every payment goes through it.
 */
final class ClusterBench {

    static final String REDEPLOY = "bundle:restart tessera-wallets-impl";

    private ClusterBench() {
    }

    /**
     * @param first the benchmark's copy of the distribution, configured for PostgreSQL
     * @param derbyDatasource the distribution's own (Derby) datasource configuration
     */
    static Map<String, Object> run(Instance first, String client, String secret, Path derbyDatasource, int clients, double seconds)
            throws Exception {
        String password = UUID.randomUUID().toString();
        // A console user for the driver only (none is shipped), in every copy made from this one.
        Files.writeString(first.home.resolve("etc/users.properties"), "bench = " + password + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n", StandardCharsets.UTF_8);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", clients);
        out.put("seconds", seconds);
        out.put("redeploy", REDEPLOY);

        Instance derby = new Instance(first.home.resolveSibling(first.home.getFileName() + "-derby"), first.port + 300, client, secret)
                .ownPorts();
        Nodes.copy(first.home, derby.home);
        Files.copy(derbyDatasource, derby.home.resolve("etc/org.ops4j.datasource-tessera.cfg"), StandardCopyOption.REPLACE_EXISTING);
        derby.start();
        try {
            Tessera tessera = new Tessera(derby.base(), client, secret);
            PayBench pay = new PayBench(tessera, 200);
            Load.closedLoop(clients, 10, pay.spread());
            out.put("derby1", Load.closedLoop(clients, seconds, pay.spread(), "Derby, 1 node").toMap());
            out.put("redeployDerby1", underLoad(pay, clients, () -> derby.console("bench", password, REDEPLOY)));
        } finally {
            derby.stop();
        }

        Nodes nodes = Nodes.cluster(first, 2, client, secret);
        nodes.copyFirst();
        Instance node1 = nodes.instances.get(0);
        Instance node2 = nodes.instances.get(1);
        try {
            node1.start();
            nodes.startBalancer();
            Tessera tessera = new Tessera(nodes.base(), client, secret);
            PayBench pay = new PayBench(tessera, 200);
            Load.closedLoop(clients, 10, pay.spread());
            Load.Result one = Load.closedLoop(clients, seconds, pay.spread(), "PostgreSQL, 1 node");
            out.put("postgres1", one.toMap());
            node2.start();
            Nodes.await(() -> "UP".equals(nodes.stat(node2, "status")), "the balancer to see node2 up");
            Load.closedLoop(clients, 10, pay.spread());
            Load.Result two = Load.closedLoop(clients, seconds, pay.spread(), "PostgreSQL, 2 nodes");
            out.put("postgres2", two.toMap());
            out.put("twoNodesOverOne", Main.round(two.perSecond() / one.perSecond()));
            out.put("rollingRedeploy", underLoad(pay, clients, () -> {
                for (Instance node : nodes.instances) {
                    nodes.drain(node);
                    node.console("bench", password, REDEPLOY);
                    nodes.rejoin(node);
                }
                return null;
            }));
        } finally {
            nodes.stop();
        }
        return out;
    }

    interface Step {
        Object run() throws Exception;
    }

    /**
     * Payments from the clients while the step runs (after 3 s of load, until 5 s after it): what the tills saw,
     * and for how long anything but 201 came back.
     */
    private static Map<String, Object> underLoad(PayBench pay, int clients, Step step) throws Exception {
        AtomicLong firstError = new AtomicLong();
        AtomicLong lastError = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Load.Op op = (client, seq) -> {
            if (done.get()) {
                throw new Load.Stop();
            }
            String error = pay.spread().call(client, seq);
            if (error != null) {
                long now = System.nanoTime();
                firstError.compareAndSet(0, now);
                lastError.set(now);
            }
            return error;
        };
        CompletableFuture<Load.Result> load = CompletableFuture.supplyAsync(() -> {
            try {
                return Load.closedLoop(clients, 600, op, "under redeploy");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(3_000);
        long t0 = System.nanoTime();
        step.run();
        double stepSeconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(5_000);
        done.set(true);
        Load.Result result = load.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stepSeconds", Main.round(stepSeconds));
        m.put("payments", result.ok);
        m.put("errors", result.errors);
        m.put("errorSpanMs", firstError.get() == 0 ? 0 : (lastError.get() - firstError.get()) / 1_000_000);
        m.put("p99ms", Load.Result.ms(result.histogram.getValueAtPercentile(99)));
        m.put("maxMs", Load.Result.ms(result.histogram.getMaxValue()));
        return m;
    }
}
