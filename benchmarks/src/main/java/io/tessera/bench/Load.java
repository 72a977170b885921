package io.tessera.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives an operation with N concurrent clients for a while and records every latency in an
 * HdrHistogram. Closed loop: each client sends its next request when the last one answered.
 * Fixed rate: requests are due at a steady rate whatever the answers, and each latency counts from
 * when the request was due, so a stall shows in the percentiles instead of hiding (no coordinated
 * omission).
 */
final class Load {

    /** Thrown by an {@link Op} when there is no more work (a stock run out, a pool used up): its client stops. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** One request; returns null when it succeeded, else a short error label. */
    interface Op {
        String call(int client, long sequence) throws Exception;
    }

    static final class Result {
        final int clients;
        final String mode;
        final double seconds;
        final long ok;
        final Map<String, Long> errors;
        final Histogram histogram;

        Result(int clients, String mode, double seconds, long ok, Map<String, Long> errors, Histogram histogram) {
            this.clients = clients;
            this.mode = mode;
            this.seconds = seconds;
            this.ok = ok;
            this.errors = errors;
            this.histogram = histogram;
        }

        double perSecond() {
            return ok / seconds;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", clients);
            m.put("mode", mode);
            m.put("perSecond", Math.round(perSecond()));
            m.put("ok", ok);
            m.put("errors", errors);
            m.put("p50ms", ms(histogram.getValueAtPercentile(50)));
            m.put("p95ms", ms(histogram.getValueAtPercentile(95)));
            m.put("p99ms", ms(histogram.getValueAtPercentile(99)));
            m.put("maxMs", ms(histogram.getMaxValue()));
            return m;
        }

        static double ms(long micros) {
            return Math.round(micros / 100.0) / 10.0;
        }
    }

    private Load() {
    }

    static Result closedLoop(int clients, double seconds, Op op) throws Exception {
        return closedLoop(clients, seconds, op, null);
    }

    /**
     * The closed loop; with a label, the answers per second of every 10 s are printed to stderr as it
     * runs (to see when the JVM has warmed up).
     */
    static Result closedLoop(int clients, double seconds, Op op, String label) throws Exception {
        Recorder recorder = new Recorder(3);
        LongAdder ok = new LongAdder();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        long end = 0;
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                go.await();
                long stopAt = window[1];
                while (System.nanoTime() < stopAt) {
                    long t0 = System.nanoTime();
                    String error;
                    try {
                        error = safely(op, client, sequence.incrementAndGet());
                    } catch (Stop stop) {
                        break;
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    count(ok, errors, error);
                }
                return null;
            }));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        if (label != null) {
            long[] last = new long[1];
            ticker.scheduleAtFixedRate(() -> {
                long now = ok.sum();
                System.err.printf("%s: %d/s%n", label, (now - last[0]) / 10);
                last[0] = now;
            }, 10, 10, TimeUnit.SECONDS);
        }
        go.countDown();
        for (java.util.concurrent.Future<?> f : futures) {
            f.get();
        }
        end = System.nanoTime();
        ticker.shutdownNow();
        pool.shutdown();
        return new Result(clients, "closed-loop", (end - window[0]) / 1e9, ok.sum(), new LinkedHashMap<>(errors),
                recorder.getIntervalHistogram());
    }

    static Result fixedRate(int clients, double perSecond, double seconds, Op op) throws Exception {
        Recorder recorder = new Recorder(3);
        LongAdder ok = new LongAdder();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long total = (long) (perSecond * seconds);
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long seq = i;
            pool.execute(() -> {
                String error = safely(op, (int) (seq % clients), seq);
                recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                count(ok, errors, error);
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(clients, "fixed-rate " + Math.round(perSecond) + "/s", elapsed, ok.sum(), new LinkedHashMap<>(errors),
                recorder.getIntervalHistogram());
    }

    private static String safely(Op op, int client, long seq) {
        try {
            return op.call(client, seq);
        } catch (Stop stop) {
            throw stop;
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static void count(LongAdder ok, Map<String, Long> errors, String error) {
        if (error == null) {
            ok.increment();
        } else {
            errors.merge(error, 1L, Long::sum);
        }
    }
}
