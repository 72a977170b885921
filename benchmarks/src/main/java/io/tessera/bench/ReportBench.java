package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The reports over three years of a chain of 300 stores: Tessera is stopped, its reporting read model is written
 * straight into the database the way the consumer writes it for that many orders — the day and month sums of the
 * payment-method report (5 methods and ALL per store and day) and of the stored-value journal (recharges per method),
 * and one year of recharge records (their facts) — then Tessera is started again and, over REST as headquarters,
 * the payment-method report and the recharge summary are asked for one day, one month and one year of the whole
 * chain and of one store, and the year's recharge records are exported as CSV and as XLSX (a job each: seconds,
 * file size, the server's resident memory before and after).
 */
final class ReportBench {

    private static final int STORES = 300;
    private static final int DAYS = 3 * 365 + 1;
    private static final long FIRST_STORE = 900_001;
    private static final String[] METHODS = {"WECHAT", "ALIPAY", "POS_CARD", "MEMBER", "CASH"};
    private static final String[] RECHARGE_METHODS = {"CASH", "WECHAT", "ALIPAY"};

    private ReportBench() {
    }

    static Map<String, Object> run(Instance instance, Tessera tessera, long orders, int records) throws Exception {
        instance.stop();
        LocalDate first = LocalDate.now().minusDays(DAYS - 1);
        long t0 = System.nanoTime();
        long[] rows = load(instance, first, orders, records);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        double restart = instance.start();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orders", orders);
        out.put("stores", STORES);
        out.put("days", DAYS);
        out.put("paySumRows", rows[0]);
        out.put("walletSumRows", rows[1]);
        out.put("rechargeRecords", rows[2]);
        out.put("loadSeconds", Main.round(loadSeconds));
        out.put("restartSeconds", Main.round(restart));
        LocalDate day = first.plusDays(DAYS / 2);
        LocalDate monthStart = day.withDayOfMonth(1);
        LocalDate monthEnd = monthStart.plusMonths(1).minusDays(1);
        LocalDate yearStart = LocalDate.now().minusYears(1).plusDays(1);
        LocalDate yearEnd = LocalDate.now();
        String store = "&storeId=" + FIRST_STORE;
        for (String report : new String[] {"payment-methods", "recharges"}) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("chainDay", LedgerBench.time(tessera, "/reports/" + report + "?from=" + day + "&to=" + day));
            r.put("chainMonth", LedgerBench.time(tessera, "/reports/" + report + "?from=" + monthStart + "&to=" + monthEnd));
            r.put("chainYear", LedgerBench.time(tessera, "/reports/" + report + "?from=" + yearStart + "&to=" + yearEnd));
            r.put("chainThreeYears", LedgerBench.time(tessera, "/reports/" + report + "?from=" + first + "&to=" + yearEnd));
            r.put("storeYear", LedgerBench.time(tessera, "/reports/" + report + "?from=" + yearStart + "&to=" + yearEnd + store));
            r.put("goal", "well under 1 s");
            out.put(report, r);
        }
        JsonNode check = tessera.get("/reports/payment-methods?from=" + first + "&to=" + yearEnd);
        out.put("threeYearsOrdersShown", check.get("total").get("orders").asLong());
        for (String format : new String[] {"csv", "xlsx"}) {
            out.put("export" + format.toUpperCase(), export(instance, tessera, format, yearStart, yearEnd));
        }
        return out;
    }

    private static Map<String, Object> export(Instance instance, Tessera tessera, String format, LocalDate from, LocalDate to) throws Exception {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("rssBeforeMB", instance.rssMb());
        long t = System.nanoTime();
        JsonNode job = tessera.post("/reports/exports?report=RECHARGE_RECORDS&format=" + format + "&from=" + from + "&to=" + to);
        long id = job.get("id").asLong();
        long peak = 0;
        while (true) {
            job = tessera.get("/jobs/" + id);
            peak = Math.max(peak, instance.rssMb());
            String status = job.get("status").asText();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                break;
            }
            Thread.sleep(500);
        }
        e.put("status", job.get("status").asText());
        e.put("message", job.path("message").asText());
        e.put("seconds", Main.round((System.nanoTime() - t) / 1e9));
        e.put("rssPeakMB", peak);
        e.put("rssAfterMB", instance.rssMb());
        java.nio.file.Path file = instance.data.resolve("tessera/jobs/" + id);
        try (var files = java.nio.file.Files.list(file)) {
            e.put("fileMB", Main.round(files.mapToLong(f -> f.toFile().length()).sum() / 1048576.0));
        }
        return e;
    }

    /** Pay sum rows, wallet sum rows, recharge facts written. */
    private static long[] load(Instance instance, LocalDate first, long orders, int records) throws SQLException {
        System.setProperty("derby.storage.pageCacheSize", "40000");
        try {
            DriverManager.registerDriver(new org.apache.derby.jdbc.EmbeddedDriver());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = "jdbc:derby:" + instance.data.resolve("derby/tessera");
        Random random = new Random(7);
        long[] written = new long[3];
        double perStoreDay = (double) orders / STORES / DAYS;
        long ordersLeft = orders;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            PreparedStatement pay = c.prepareStatement("INSERT INTO RPT_PAY_SUM (GRAIN, PERIOD_NO, STORE_ID, METHOD, ORDERS, PAID, REFUNDS, REFUNDED, FEE) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement wal = c.prepareStatement("INSERT INTO RPT_WALLET_SUM (GRAIN, PERIOD_NO, STORE_ID, TYPE, METHOD, ENTRIES, PRINCIPAL, BONUS, "
                    + "CARD_FEE) VALUES (?, ?, ?, 'RECHARGE', ?, ?, ?, ?, 0)");
            for (int s = 0; s < STORES; s++) {
                long store = FIRST_STORE + s;
                Map<Integer, long[][]> months = new LinkedHashMap<>();
                Map<Integer, long[][]> rechargeMonths = new LinkedHashMap<>();
                for (int d = 0; d < DAYS; d++) {
                    LocalDate day = first.plusDays(d);
                    int dayNo = day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
                    int monthNo = day.getYear() * 100 + day.getMonthValue();
                    long n = s == STORES - 1 && d == DAYS - 1 ? ordersLeft : Math.min(ordersLeft, Math.round(perStoreDay * (0.5 + random.nextDouble())));
                    ordersLeft -= n;
                    // per method: orders, paid, refunds, refunded, fee (fen); index 5 = ALL
                    long[][] m = new long[6][5];
                    for (long i = 0; i < n; i++) {
                        int k = random.nextInt(METHODS.length);
                        long amount = 500 + random.nextInt(30_000);
                        m[k][0]++;
                        m[k][1] += amount;
                        long fee = k < 3 ? Math.round(amount * 0.006) : 0;
                        m[k][4] += fee;
                        m[5][0]++;
                        m[5][1] += amount;
                        m[5][4] += fee;
                        if (random.nextInt(50) == 0) {
                            long back = amount / 2;
                            long feeBack = k < 3 ? Math.round(back * 0.006) : 0;
                            m[k][2]++;
                            m[k][3] += back;
                            m[k][4] -= feeBack;
                            m[5][2]++;
                            m[5][3] += back;
                            m[5][4] -= feeBack;
                        }
                    }
                    long[][] month = months.computeIfAbsent(monthNo, x -> new long[6][5]);
                    for (int k = 0; k < 6; k++) {
                        if (m[k][0] + m[k][2] == 0) {
                            continue;
                        }
                        addPay(pay, "D", dayNo, store, k == 5 ? "ALL" : METHODS[k], m[k]);
                        written[0]++;
                        for (int f = 0; f < 5; f++) {
                            month[k][f] += m[k][f];
                        }
                    }
                    long[][] r = rechargeMonths.computeIfAbsent(monthNo, x -> new long[3][3]);
                    for (int k = 0; k < RECHARGE_METHODS.length; k++) {
                        long entries = random.nextInt(3);
                        if (entries == 0) {
                            continue;
                        }
                        long principal = entries * (10_000 + random.nextInt(50_000));
                        long bonus = principal / 10;
                        addWallet(wal, "D", dayNo, store, RECHARGE_METHODS[k], entries, principal, bonus);
                        written[1]++;
                        r[k][0] += entries;
                        r[k][1] += principal;
                        r[k][2] += bonus;
                    }
                    if (written[0] % 5_000 < 6) {
                        pay.executeBatch();
                        wal.executeBatch();
                    }
                }
                for (var e : months.entrySet()) {
                    for (int k = 0; k < 6; k++) {
                        if (e.getValue()[k][0] + e.getValue()[k][2] > 0) {
                            addPay(pay, "M", e.getKey(), store, k == 5 ? "ALL" : METHODS[k], e.getValue()[k]);
                            written[0]++;
                        }
                    }
                }
                for (var e : rechargeMonths.entrySet()) {
                    for (int k = 0; k < RECHARGE_METHODS.length; k++) {
                        long[] x = e.getValue()[k];
                        if (x[0] > 0) {
                            addWallet(wal, "M", e.getKey(), store, RECHARGE_METHODS[k], x[0], x[1], x[2]);
                            written[1]++;
                        }
                    }
                }
                pay.executeBatch();
                wal.executeBatch();
                c.commit();
            }
            System.out.println("reports: " + written[0] + " pay sum rows, " + written[1] + " wallet sum rows");
            PreparedStatement fact = c.prepareStatement("INSERT INTO RPT_WALLET_ENTRY (ENTRY_ID, TYPE, STORE_ID, MEMBER_ID, DAY_NO, OCCURRED_AT, "
                    + "PRINCIPAL, BONUS, CARD_FEE, METHOD, REFERENCE, CARD_NO, OPERATOR) VALUES (?, 'RECHARGE', ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, "
                    + "'bench:loader')");
            LocalDate yearStart = LocalDate.now().minusYears(1).plusDays(1);
            for (int i = 0; i < records; i++) {
                LocalDate day = yearStart.plusDays(i % 365);
                long principal = 10_000 + random.nextInt(50_000);
                fact.setLong(1, 900_000_000L + i);
                fact.setLong(2, FIRST_STORE + random.nextInt(STORES));
                fact.setLong(3, 9_000_000L + random.nextInt(100_000));
                fact.setInt(4, day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth());
                fact.setTimestamp(5, Timestamp.valueOf(day.atTime(10, 0).plusSeconds(i % 30_000)));
                fact.setBigDecimal(6, BigDecimal.valueOf(principal, 2));
                fact.setBigDecimal(7, BigDecimal.valueOf(principal / 10, 2));
                fact.setString(8, RECHARGE_METHODS[i % 3]);
                fact.setString(9, "RB" + i);
                fact.addBatch();
                if (++written[2] % 5_000 == 0) {
                    fact.executeBatch();
                }
                if (written[2] % 100_000 == 0) {
                    c.commit();
                }
            }
            fact.executeBatch();
            c.commit();
            pay.close();
            wal.close();
            fact.close();
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
        return written;
    }

    private static void addPay(PreparedStatement p, String grain, int period, long store, String method, long[] v) throws SQLException {
        p.setString(1, grain);
        p.setInt(2, period);
        p.setLong(3, store);
        p.setString(4, method);
        p.setLong(5, v[0]);
        p.setBigDecimal(6, BigDecimal.valueOf(v[1], 2));
        p.setLong(7, v[2]);
        p.setBigDecimal(8, BigDecimal.valueOf(v[3], 2));
        p.setBigDecimal(9, BigDecimal.valueOf(v[4], 2));
        p.addBatch();
    }

    private static void addWallet(PreparedStatement p, String grain, int period, long store, String method, long entries, long principal, long bonus)
            throws SQLException {
        p.setString(1, grain);
        p.setInt(2, period);
        p.setLong(3, store);
        p.setString(4, method);
        p.setLong(5, entries);
        p.setBigDecimal(6, BigDecimal.valueOf(principal, 2));
        p.setBigDecimal(7, BigDecimal.valueOf(bonus, 2));
        p.addBatch();
    }
}
