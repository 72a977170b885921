package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Card import end to end: a generated CRM export of N rows (card no, type, balance, owning store,
 * status, as the legacy CRM writes them) uploaded over REST and imported by the job; reports the
 * upload time, the job time and rows per second.
 */
final class CardImportBench {

    private CardImportBench() {
    }

    static Map<String, Object> run(Tessera tessera, int rows, Path workDir) throws Exception {
        List<String> stores = new ArrayList<>();
        for (JsonNode s : tessera.get("/stores")) {
            stores.add(s.get("code").asText() + " - " + s.get("name").asText());
        }
        if (stores.isEmpty()) {
            throw new IllegalStateException("no stores: load the demo chain first");
        }
        boolean hasType = false;
        for (JsonNode t : tessera.get("/cards/types")) {
            hasType |= "BENCH".equals(t.get("code").asText());
        }
        if (!hasType) {
            tessera.post("/cards/types", "{\"code\":\"BENCH\",\"name\":\"压测储值卡\"}", Map.of());
        }
        Path csv = workDir.resolve("cards-" + rows + "-" + System.currentTimeMillis() + ".csv");
        Files.createDirectories(workDir);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String prefix = "B" + Long.toString(seed % 100000, 36).toUpperCase();
        String[] statuses = {"正常", "正常", "正常", "正常", "挂失", "冻结"};
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("\uFEFF卡号,卡类型,余额,所属门店,卡状态\r\n");
            for (int i = 1; i <= rows; i++) {
                long fen = random.nextInt(500_000);
                w.write(prefix);
                w.write(String.format("%010d", i));
                w.write(",BENCH,\"");
                w.write(String.format("%,d.%02d", fen / 100, fen % 100));
                w.write("\",");
                w.write(stores.get(i % stores.size()));
                w.write(',');
                w.write(statuses[i % statuses.length]);
                w.write("\r\n");
            }
        }
        long size = Files.size(csv);
        long t0 = System.nanoTime();
        JsonNode started = tessera.upload("/cards/imports?fileName=" + csv.getFileName(), csv, "text/csv");
        long t1 = System.nanoTime();
        long jobId = started.get("jobId").asLong();
        JsonNode job;
        while (true) {
            job = tessera.get("/jobs/" + jobId);
            String status = job.get("status").asText();
            if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
                break;
            }
            Thread.sleep(250);
        }
        long t2 = System.nanoTime();
        Files.deleteIfExists(csv);
        if (!"SUCCEEDED".equals(job.get("status").asText())) {
            throw new IllegalStateException("import failed: " + job);
        }
        double total = (t2 - t0) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rows", rows);
        r.put("fileMB", Math.round(size / 1048576.0 * 10) / 10.0);
        r.put("uploadSeconds", round((t1 - t0) / 1e9));
        r.put("jobSeconds", round((t2 - t1) / 1e9));
        r.put("totalSeconds", round(total));
        r.put("rowsPerSecond", Math.round(rows / total));
        r.put("accepted", job.get("counters").path("accepted").asLong());
        r.put("rejected", job.get("counters").path("rejected").asLong());
        r.put("goalSeconds", 60);
        return r;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
