package io.tessera.bench;

import java.util.Map;

/**
 * What the outbox still owes after a load: the consumers of a payment's events (the read model, the member's wallet
 * activity, the member card) run after its commit, on the same cores. A rate measured while the outbox falls behind
 * borrows CPU that delivery needs later; the sustained rate counts the time to deliver everything the load published.
 */
final class Outbox {

    /** How long the outbox is given to catch up before the figures say it did not. */
    static final int DRAIN_LIMIT_SECONDS = Integer.parseInt(System.getProperty("bench.drain.seconds", "900"));

    private Outbox() {
    }

    /** Deliveries PENDING now (due or waiting for a retry), across consumers. */
    static long pending(Tessera tessera) throws Exception {
        return tessera.get("/events?status=PENDING&size=1").path("total").asLong();
    }

    /**
     * Waits until nothing is pending (at most {@link #DRAIN_LIMIT_SECONDS}) and adds to the closed loop's figures what
     * was pending when it ended, how long delivering it took, and the rate counted to that moment.
     */
    static void drain(Tessera tessera, Load.Result r, Map<String, Object> row) throws Exception {
        long atEnd = pending(tessera);
        long start = System.nanoTime();
        long left = atEnd;
        while (left > 0 && System.nanoTime() - start < DRAIN_LIMIT_SECONDS * 1_000_000_000L) {
            Thread.sleep(1000);
            left = pending(tessera);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        row.put("outboxPendingAtEnd", atEnd);
        row.put("drainSeconds", Math.round(seconds * 10) / 10.0);
        if (left > 0) {
            row.put("outboxNotDrained", left);
        } else {
            row.put("sustainedPerSecond", Math.round(r.ok / (r.seconds + (atEnd == 0 ? 0 : seconds))));
        }
    }
}
