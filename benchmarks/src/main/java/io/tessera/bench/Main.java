package io.tessera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark driver, started by {@code ./tessera bench}, which prepares a fresh copy of the
 * distribution (demo chain, a benchmark client). Usage:
 * {@code Main <tessera-home> <port> <client-id> <secret> <work-dir> <benchmark>...} where a benchmark is
 * {@code all}, {@code card-import[=rows]}, {@code pay}, {@code pay-1000}, {@code coupons}, {@code limit}, {@code ledger[=rows]} or
 * {@code crash[=rounds]} or {@code crash-cluster[=rounds]} (2 nodes on the PostgreSQL configured, HAProxy in front) or
 * {@code cluster[=clients:seconds]} (member pay on 1 Derby node, 1 and 2 PostgreSQL nodes; redeploys under load).
 * The driver starts Tessera itself (measuring the cold start), prints a table and writes
 * {@code <work-dir>/results.json}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: Main <tessera-home> <port> <client-id> <secret> <work-dir> <benchmark>...");
            System.exit(2);
        }
        String problem = problem(Arrays.asList(args).subList(5, args.length));
        if (problem != null) {
            System.err.println(problem + "; benchmarks: all, limit, pay, pay-1000, coupons, card-import[=rows], ledger[=rows], "
                    + "reports[=orders], pay-only=<clients>:<seconds>[:hot], cluster[=<clients>:<seconds>], crash[=rounds], crash-cluster[=rounds]");
            System.exit(2);
        }
        Path home = Paths.get(args[0]);
        int port = Integer.parseInt(args[1]);
        Instance instance = new Instance(home, port, args[2], args[3]);
        Tessera tessera = new Tessera(instance.base(), args[2], args[3]);
        Path work = Paths.get(args[4]);
        Files.createDirectories(work);
        List<String> wanted = new ArrayList<>(Arrays.asList(args).subList(5, args.length));
        if (wanted.contains("all")) {
            wanted = List.of("limit", "pay", "pay-1000", "coupons", "card-import", "ledger", "reports");
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os", System.getProperty("os.name"),
                "java", System.getProperty("java.version")));
        boolean needsTessera = wanted.stream().anyMatch(w -> !w.equals("limit") && !w.startsWith("crash") && !w.startsWith("cluster"));
        Map<String, Object> start = new LinkedHashMap<>();
        if (needsTessera) {
            start.put("coldStartSeconds", round(instance.start()));
            start.put("rssIdleMB", instance.rssMb());
            start.put("goal", "< 15 s, < 512 MB");
            results.put("start", start);
        }
        try {
            for (String w : wanted) {
                String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
                String arg = w.contains("=") ? w.substring(w.indexOf('=') + 1) : null;
                switch (name) {
                    case "limit":
                        results.put("limit", PayFigures.limit(work));
                        break;
                    case "pay":
                        results.put("pay", PayFigures.tessera(instance, tessera, results));
                        break;
                    case "pay-only": {
                        // For profiling: one closed-loop run, pay-only=<clients>:<seconds>[:hot|:checkout]
                        String[] a = (arg == null ? "8:30" : arg).split(":");
                        String mode = a.length > 2 ? a[2] : "spread";
                        if ("checkout".equals(mode)) {
                            CheckoutBench.level(tessera);
                        }
                        PayBench bench = new PayBench(tessera, 200);
                        Load.Op op = switch (mode) {
                            case "hot" -> bench.hot();
                            case "checkout" -> new CheckoutBench(tessera, bench).spread();
                            default -> bench.spread();
                        };
                        Load.Result r = Load.closedLoop(Integer.parseInt(a[0]), Double.parseDouble(a[1]), op, "pay-only");
                        Map<String, Object> row = r.toMap();
                        Outbox.drain(tessera, r, row);
                        results.put("payOnly", row);
                        break;
                    }
                    case "ledger":
                        results.put("ledger", LedgerBench.run(instance, tessera, arg == null ? 10_000_000 : Long.parseLong(arg)));
                        break;
                    case "pay-1000":
                        results.put("pay1000", PayFigures.thousand(tessera));
                        break;
                    case "coupons":
                        results.put("coupons", CouponBench.run(tessera));
                        break;
                    case "reports":
                        results.put("reports", ReportBench.run(instance, tessera, arg == null ? 10_000_000 : Long.parseLong(arg), 1_000_000));
                        break;
                    case "card-import":
                        results.put("cardImport", CardImportBench.run(tessera, arg == null ? 1_000_000 : Integer.parseInt(arg), work));
                        break;
                    case "crash":
                        results.put("crash", CrashSafety.run(instance, tessera, arg == null ? 50 : Integer.parseInt(arg), work));
                        break;
                    case "cluster": {
                        // Derby 1 node, PostgreSQL 1 and 2 nodes, redeploys under load: cluster=<clients>:<seconds>
                        String[] a = (arg == null ? "16:30" : arg).split(":");
                        Path derbyDatasource = Paths.get(System.getenv("TESSERA_DIST"), "etc", "org.ops4j.datasource-tessera.cfg");
                        results.put("cluster", ClusterBench.run(instance, args[2], args[3], derbyDatasource, Integer.parseInt(a[0]),
                                Double.parseDouble(a[1])));
                        break;
                    }
                    case "crash-cluster": {
                        Nodes nodes = Nodes.cluster(instance, 2, args[2], args[3]);
                        results.put("crash", CrashSafety.runCluster(nodes, tessera.at(nodes.base()), arg == null ? 10 : Integer.parseInt(arg), work));
                        break;
                    }
                    default:
                        throw new IllegalArgumentException("unknown benchmark " + w);
                }
            }
            if (needsTessera) {
                start.put("rssAfterLoadMB", instance.rssMb());
                // What a node holds once it is idle again: G1 gives memory back after 30 s without a collection
                // (bin/setenv), checked every 30 s.
                int idle = Integer.getInteger("bench.idleSeconds", 75);
                Thread.sleep(idle * 1000L);
                start.put("rssAfterLoadIdleMB", instance.rssMb());
                start.put("idleSeconds", idle);
                start.put("goalAfterLoad", "< 768 MB");
            }
        } finally {
            if (needsTessera) {
                instance.stop();
            }
            Path out = work.resolve("results.json");
            Tessera.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
            print(results, "");
            System.out.println("written to " + out);
        }
        Object crash = results.get("crash");
        // Exits explicitly: client threads of the load generators must not keep the driver alive.
        System.exit(crash instanceof Map && !Boolean.TRUE.equals(((Map<?, ?>) crash).get("safe")) ? 1 : 0);
    }

    /** What is wrong with the benchmarks asked for, checked before anything starts; null when nothing. */
    static String problem(List<String> wanted) {
        for (String w : wanted) {
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            String arg = w.contains("=") ? w.substring(w.indexOf('=') + 1) : null;
            switch (name) {
                case "all":
                case "limit":
                case "pay":
                case "pay-1000":
                case "coupons":
                    if (arg != null) {
                        return name + " takes no value";
                    }
                    break;
                case "card-import":
                case "ledger":
                case "reports":
                case "crash":
                case "crash-cluster":
                    if (arg != null && !arg.matches("[1-9][0-9]{0,8}")) {
                        return name + "=" + arg + ": a positive whole number is needed";
                    }
                    break;
                case "cluster":
                    if (arg != null && !arg.matches("[1-9][0-9]{0,3}:[1-9][0-9]{0,4}")) {
                        return "cluster=" + arg + ": <clients>:<seconds> is needed, e.g. 16:30";
                    }
                    break;
                case "pay-only":
                    if (arg != null && !arg.matches("[1-9][0-9]{0,4}:[1-9][0-9]{0,5}(:hot|:checkout)?")) {
                        return "pay-only=" + arg + ": <clients>:<seconds>[:hot|:checkout] is needed, e.g. 8:30";
                    }
                    break;
                default:
                    return "unknown benchmark '" + w + "'";
            }
        }
        return null;
    }

    private static void print(Object value, String indent) {
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                    System.out.println(indent + e.getKey());
                    print(e.getValue(), indent + "  ");
                } else {
                    System.out.printf("%s%-22s %s%n", indent, e.getKey(), e.getValue());
                }
            }
        } else if (value instanceof List) {
            for (Object o : (List<?>) value) {
                if (o instanceof Map) {
                    System.out.println(indent + "- " + ((Map<?, ?>) o).values());
                } else {
                    System.out.println(indent + "- " + o);
                }
            }
        }
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
