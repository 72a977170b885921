package io.tessera.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Member pay: the stack's limit (JDBC) and Tessera (REST) at the same concurrency, and their ratio; then checkout (a sale:
 * order created with the level discount and paid with stored value), without and with one coupon, in the same run.
 */
final class PayFigures {

    static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    /**
     * Payments before anything is measured: the JIT compiles Karaf, CXF, EclipseLink and Derby code
     * paths for a minute or more on 2 cores; a till server runs for days, so steady state is what counts.
     */
    static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmup.seconds", "180"));
    static final int[] LIMIT_THREADS = {1, 2, 8, 32};
    static final int[] CLIENTS = {1, 2, 8, 32, 256};
    /** Coupons claimed for the checkout rows with a coupon: more than both rows sell on this machine. */
    static final int COUPONS = Integer.getInteger("bench.coupons", 10_000);

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
    static Map<String, Object> tessera(Instance instance, Tessera tessera, Map<String, Object> results) throws Exception {
        CheckoutBench.level(tessera);
        PayBench bench = new PayBench(tessera, 200);
        Map<String, Object> limit = (Map<String, Object>) results.get("limit");
        Map<String, Object> out = new LinkedHashMap<>();
        warmUp(bench);
        for (String scenario : new String[] {"spread", "hot"}) {
            List<Map<String, Object>> limitRows = limit == null ? null : (List<Map<String, Object>>) limit.get(scenario);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int clients : CLIENTS) {
                Load.Op op = "hot".equals(scenario) ? bench.hot() : bench.spread();
                Map<String, Object> row = measured(instance, tessera, clients, op, limitRows);
                rows.add(row);
                if ("spread".equals(scenario) && (clients == 8 || clients == 32)) {
                    // The same load at a fixed rate (70 % of what the closed loop reached): latency from when each request was due.
                    double rate = ((Number) row.get("perSecond")).doubleValue() * 0.7;
                    Load.Result fixed = Load.fixedRate(clients, Math.max(1, rate), SECONDS, bench.spread());
                    Map<String, Object> fixedRow = fixed.toMap();
                    Outbox.drain(tessera, fixed, fixedRow);
                    rows.add(fixedRow);
                }
            }
            out.put(scenario, rows);
        }
        List<Map<String, Object>> floor = new ArrayList<>();
        for (int clients : new int[] {8, 32}) {
            floor.add(measured(instance, null, clients, bench.health(), limit == null ? null : (List<Map<String, Object>>) limit.get("spread")));
        }
        out.put("restFloor", floor);
        // A sale at the till (order created and priced with the level discount, then paid with stored value):
        // one closed-loop call is both requests; "ofLimit" compares sales with the stack's payments.
        CheckoutBench checkout = new CheckoutBench(tessera, bench);
        List<Map<String, Object>> sales = new ArrayList<>();
        for (int clients : new int[] {8, 32}) {
            sales.add(measured(instance, tessera, clients, checkout.spread(), limit == null ? null : (List<Map<String, Object>>) limit.get("spread")));
        }
        out.put("checkout", sales);
        // The same sale with one coupon of 1.00 off, claimed before for its member (one per sale): reserved when the
        // order is created, used when it is paid. Enough are claimed that no row runs out (couponsLeft says).
        out.put("couponClaims", checkout.claimCoupons(COUPONS));
        // Not measured: the coupon's own paths (reserve, use, its consumers) compiled by the JIT first, as the rows above were.
        Load.Result warmup = Load.closedLoop(8, 5, checkout.withCoupon());
        Outbox.drain(tessera, warmup, new LinkedHashMap<>());
        List<Map<String, Object>> couponSales = new ArrayList<>();
        for (int clients : new int[] {8, 32}) {
            Map<String, Object> row = measured(instance, tessera, clients, checkout.withCoupon(),
                    limit == null ? null : (List<Map<String, Object>>) limit.get("spread"));
            row.put("couponsLeft", checkout.couponsLeft());
            couponSales.add(row);
        }
        out.put("checkoutWithCoupon", couponSales);
        out.put("goal", ">= 50 % of the limit with p99 < 50 ms at 8-32 clients");
        return out;
    }

    /**
     * A closed loop with Tessera's CPU time per call (all its threads: request threads, JIT, GC) and,
     * when the limit was measured, the share of the limit at that concurrency (32 threads above 32). With
     * {@code outbox} (calls that publish events), the run then waits for the outbox to deliver what they published
     * ({@link Outbox#drain}) and adds the CPU per call counting that delivery: the next row starts with nothing owed.
     */
    private static Map<String, Object> measured(Instance instance, Tessera outbox, int clients, Load.Op op,
                                                List<Map<String, Object>> limitRows) throws Exception {
        Duration cpu = instance.cpuTime();
        Load.Result r = Load.closedLoop(clients, SECONDS, op);
        double cpuMs = instance.cpuTime().minus(cpu).toNanos() / 1e6;
        long calls = r.ok + r.errors.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> row = r.toMap();
        row.put("cpuMsPerCall", Math.round(cpuMs / Math.max(1, calls) * 1000) / 1000.0);
        if (outbox != null) {
            Outbox.drain(outbox, r, row);
            double delivered = instance.cpuTime().minus(cpu).toNanos() / 1e6;
            row.put("cpuMsPerCallDelivered", Math.round(delivered / Math.max(1, calls) * 1000) / 1000.0);
        }
        if (limitRows != null) {
            row.put("ofLimit", Math.round(r.perSecond() / limitAt(limitRows, Math.min(clients, 32)) * 1000) / 10.0 + "%");
        }
        return row;
    }

    private static boolean warm;

    /**
     * Closed-loop payments at 8 clients, not measured, printing their rate every 10 s, then the outbox delivered; once per
     * instance.
     */
    static void warmUp(PayBench bench) throws Exception {
        if (!warm) {
            Load.Result r = Load.closedLoop(8, WARMUP_SECONDS, bench.spread(), "warm-up");
            Map<String, Object> drained = new LinkedHashMap<>();
            Outbox.drain(bench.tessera, r, drained);
            System.err.println("warm-up: the outbox delivered " + drained.get("outboxPendingAtEnd") + " in " + drained.get("drainSeconds") + " s");
            warm = true;
        }
    }

    static Map<String, Object> thousand(Tessera tessera) throws Exception {
        PayBench bench = new PayBench(tessera, 1000);
        warmUp(bench);
        Load.Result r = Load.closedLoop(1000, Double.parseDouble(System.getProperty("bench.thousand.seconds", "60")), bench.spread());
        Map<String, Object> out = r.toMap();
        Outbox.drain(tessera, r, out);
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
