package io.tessera.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Member pay: the stack's limit (JDBC) and Tessera (REST) at the same concurrency, and their ratio. */
final class PayFigures {

    static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    static final int[] LIMIT_THREADS = {1, 2, 8, 32};
    static final int[] CLIENTS = {1, 2, 8, 32, 256};

    private PayFigures() {
    }

    static Map<String, Object> limit(Path work) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (JdbcLimit jdbc = new JdbcLimit(work.resolve("limit-db"))) {
            for (String scenario : new String[] {"spread", "hot"}) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int threads : LIMIT_THREADS) {
                    Load.Result r = Load.closedLoop(threads, SECONDS, (client, seq) -> jdbc.pay(
                            "hot".equals(scenario) ? 0 : 1 + seq % JdbcLimit.ACCOUNTS));
                    rows.add(r.toMap());
                }
                out.put(scenario, rows);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tessera(Tessera tessera, Map<String, Object> results) throws Exception {
        PayBench bench = new PayBench(tessera, 200);
        Map<String, Object> limit = (Map<String, Object>) results.get("limit");
        Map<String, Object> out = new LinkedHashMap<>();
        // Warm-up: the first requests compile code paths and fill caches.
        Load.closedLoop(8, 5, bench.spread());
        for (String scenario : new String[] {"spread", "hot"}) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int clients : CLIENTS) {
                Load.Result r = Load.closedLoop(clients, SECONDS, "hot".equals(scenario) ? bench.hot() : bench.spread());
                Map<String, Object> row = r.toMap();
                if (limit != null) {
                    double lim = limitAt((List<Map<String, Object>>) limit.get(scenario), Math.min(clients, 32));
                    row.put("ofLimit", Math.round(r.perSecond() / lim * 1000) / 10.0 + "%");
                }
                rows.add(row);
                if ("spread".equals(scenario) && (clients == 8 || clients == 32)) {
                    // The same load at a fixed rate (70 % of what the closed loop reached): latency from when each request was due.
                    rows.add(Load.fixedRate(clients, Math.max(1, r.perSecond() * 0.7), SECONDS, bench.spread()).toMap());
                }
            }
            out.put(scenario, rows);
        }
        out.put("goal", ">= 50 % of the limit with p99 < 50 ms at 8-32 clients");
        return out;
    }

    static Map<String, Object> thousand(Tessera tessera) throws Exception {
        PayBench bench = new PayBench(tessera, 1000);
        Load.Result r = Load.closedLoop(1000, Double.parseDouble(System.getProperty("bench.thousand.seconds", "60")), bench.spread());
        Map<String, Object> out = r.toMap();
        out.put("goal", "p99 < 1 s, no errors");
        return out;
    }

    private static double limitAt(List<Map<String, Object>> rows, int threads) {
        for (Map<String, Object> r : rows) {
            if (((Integer) r.get("clients")) == threads) {
                return ((Number) r.get("perSecond")).doubleValue();
            }
        }
        return Double.NaN;
    }
}
