package io.tessera.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Benchmark driver. Usage: {@code Main <base-url> <client-id> <secret> <work-dir> <benchmark> [options]}.
 * Benchmarks: {@code card-import [rows]}. Prints a table and writes {@code <work-dir>/results.json}.
 * Started by {@code ./tessera bench}, which provides a fresh distribution and the client.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: Main <base-url> <client-id> <secret> <work-dir> card-import [rows]");
            System.exit(2);
        }
        Tessera tessera = new Tessera(args[0], args[1], args[2]);
        Path work = Paths.get(args[3]);
        Map<String, Object> results = new LinkedHashMap<>();
        switch (args[4]) {
            case "card-import": {
                int rows = args.length > 5 ? Integer.parseInt(args[5]) : 1_000_000;
                results.put("cardImport", CardImportBench.run(tessera, rows, work));
                break;
            }
            default:
                System.err.println("unknown benchmark " + args[4]);
                System.exit(2);
        }
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os", System.getProperty("os.name")));
        for (Map.Entry<String, Object> e : results.entrySet()) {
            System.out.println(e.getKey());
            if (e.getValue() instanceof Map) {
                ((Map<?, ?>) e.getValue()).forEach((k, v) -> System.out.printf("  %-16s %s%n", k, v));
            }
        }
        Files.createDirectories(work);
        Path out = work.resolve("results.json");
        Tessera.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
        System.out.println("written to " + out);
    }
}
