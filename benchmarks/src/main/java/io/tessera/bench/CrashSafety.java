package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Crash safety: clients send recharges and payments and record every acknowledgement while the
 * Tessera JVM is killed with kill -9 at a random moment; after each restart the driver checks that
 * every acknowledged operation is in the journal exactly once, every refused one not at all, every
 * unanswered one at most once (and, sent again with its key, exactly once), every balance equals its
 * journal with no gap in its sequence, every daily ledger row balances and chains to the next, and the
 * members' event-driven activity count catches up with the journal (no event lost or applied twice).
 * Sales at the till run beside them ({@link CheckoutCrash}: split tenders with WeChat Pay, refunds).
 */
final class CrashSafety {

    private static final int MEMBERS = 20;
    private static final int WORKERS = 8;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** An operation as sent: its key is also its journal reference. */
    private record Op(String key, long memberId, boolean recharge, BigDecimal amount) {
    }

    private static final int CHECKOUT_WORKERS = 4;
    /** How long the clients go on after a node of several is killed (the others serve them). */
    private static final long SERVED_BY_OTHERS_MS = 3000;

    private final Nodes nodes;
    private final Tessera tessera;
    private final CheckoutCrash checkout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Long> members = new ArrayList<>();
    private final Map<String, Op> acked = new ConcurrentHashMap<>();
    private final Map<String, Op> refused = new ConcurrentHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long storeId;
    private LocalDate firstDay;

    private CrashSafety(Nodes nodes, Tessera tessera, Path work) {
        this.nodes = nodes;
        this.tessera = tessera;
        this.work = work;
        this.checkout = new CheckoutCrash(nodes, tessera, violations);
    }

    private final Path work;

    /** One Tessera killed and restarted each round; every client waits for it. */
    static Map<String, Object> run(Instance instance, Tessera tessera, int rounds, Path work) throws Exception {
        return new CrashSafety(Nodes.single(instance), tessera, work).rounds(rounds);
    }

    /**
     * Several nodes behind a balancer: each round one node is killed while the clients go on through the balancer,
     * the other nodes serve them and deliver the outbox before the killed node is back; a double spend through two
     * nodes at once first, and in the first round a card import whose node is killed mid-work.
     */
    static Map<String, Object> runCluster(Nodes nodes, Tessera tessera, int rounds, Path work) throws Exception {
        return new CrashSafety(nodes, tessera, work).rounds(rounds);
    }

    private Map<String, Object> rounds(int rounds) throws Exception {
        Random random = new Random();
        List<Map<String, Object>> perRound = new ArrayList<>();
        checkout.configure();
        long unknownTotal = 0;
        Map<String, Object> doubleSpend = null;
        Map<String, Object> job = null;
        try {
            nodes.start();
            setUp();
            checkout.setUp();
            if (nodes.cluster()) {
                doubleSpend = ClusterChecks.doubleSpend(nodes, tessera, storeId, violations);
            }
            for (int round = 1; round <= rounds; round++) {
                Map<String, Op> unknown = new ConcurrentHashMap<>();
                int ackedBefore = acked.size();
                AtomicBoolean killed = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(WORKERS + CHECKOUT_WORKERS);
                String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "-";
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    pool.execute(() -> work(prefix + worker + "-", new Random(random.nextLong()), killed, unknown));
                }
                for (int w = 0; w < CHECKOUT_WORKERS; w++) {
                    int worker = w;
                    pool.execute(() -> checkout.work(prefix + "co" + worker + "-", new Random(random.nextLong()), killed));
                }
                Instance victim = nodes.victim(round);
                long delay = 1000 + random.nextInt(3000);
                ClusterChecks.CardImport importOnVictim = null;
                if (nodes.cluster() && round == 1) {
                    // A job running on the node about to die: the kill comes as soon as it has imported rows.
                    long t0 = System.nanoTime();
                    importOnVictim = ClusterChecks.startCardImport(victim, tessera, work);
                    delay = (System.nanoTime() - t0) / 1_000_000;
                } else {
                    Thread.sleep(delay);
                }
                int ackedAtKill;
                if (nodes.cluster()) {
                    victim.kill();
                    ackedAtKill = acked.size();
                    // The other nodes go on serving the clients through the balancer.
                    Thread.sleep(SERVED_BY_OTHERS_MS);
                    killed.set(true);
                } else {
                    killed.set(true);
                    victim.kill();
                    ackedAtKill = acked.size();
                }
                pool.shutdown();
                pool.awaitTermination(2, TimeUnit.MINUTES);
                int violationsBeforeRestart = violations.size();
                if (nodes.cluster()) {
                    // Before the killed node is back: the others delivered every event, the ones it had claimed too,
                    // and ended the job it was running.
                    checkEvents();
                    if (importOnVictim != null) {
                        job = importOnVictim.takeOver(tessera, violations);
                    }
                }
                double restart = victim.start();
                int violationsBefore = violationsBeforeRestart;
                Map<String, Integer> seen = journalReferences(true);
                for (Op op : unknown.values()) {
                    if (seen.getOrDefault(op.key, 0) > 1) {
                        violations.add("unanswered " + op.key + " is in the journal " + seen.get(op.key) + " times");
                    }
                }
                // Sent again with the same key, an unanswered operation is done exactly once.
                for (Op op : unknown.values()) {
                    String outcome = send(op);
                    if ("201".equals(outcome)) {
                        acked.put(op.key, op);
                    } else if (outcome.startsWith("422")) {
                        refused.put(op.key, op);
                    } else {
                        violations.add("retry of " + op.key + " answered " + outcome);
                    }
                }
                seen = journalReferences(false);
                for (Op op : acked.values()) {
                    if (seen.getOrDefault(op.key, 0) != 1) {
                        violations.add("acknowledged " + op.key + " is in the journal " + seen.getOrDefault(op.key, 0) + " times");
                    }
                }
                for (Op op : refused.values()) {
                    if (seen.getOrDefault(op.key, 0) != 0) {
                        violations.add("refused " + op.key + " moved money");
                    }
                }
                checkLedger();
                checkEvents();
                checkout.verify();
                unknownTotal += unknown.size();
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("round", round);
                r.put("killedAfterMs", delay);
                if (nodes.cluster()) {
                    r.put("killed", nodes.label(victim));
                    r.put("acknowledgedByOthersAfterKill", acked.size() - ackedAtKill);
                    if (acked.size() == ackedAtKill) {
                        violations.add("round " + round + ": no operation was acknowledged after " + nodes.label(victim)
                                + " was killed: the other node did not take the clients");
                    }
                }
                r.put("acknowledged", acked.size() - ackedBefore);
                r.put("unanswered", unknown.size());
                r.put("restartSeconds", Main.round(restart));
                r.put("violations", violations.size() - violationsBefore);
                perRound.add(r);
                System.out.println("crash round " + r);
            }
        } finally {
            nodes.stop();
            checkout.close();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodes", nodes.instances.size());
        out.put("rounds", rounds);
        if (doubleSpend != null) {
            out.put("doubleSpend", doubleSpend);
        }
        if (job != null) {
            out.put("jobOnKilledNode", job);
        }
        out.put("acknowledged", acked.size());
        out.put("refused", refused.size());
        out.put("unansweredThenRetried", unknownTotal);
        out.put("sales", checkout.sales());
        out.put("violations", violations.subList(0, Math.min(20, violations.size())));
        out.put("safe", violations.isEmpty());
        out.put("perRound", perRound);
        return out;
    }

    private void setUp() throws Exception {
        for (JsonNode s : tessera.get("/stores")) {
            if ("103".equals(s.get("code").asText())) {
                storeId = s.get("id").asLong();
            }
        }
        firstDay = LocalDate.now(ZONE);
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random();
        for (int i = 0; i < MEMBERS; i++) {
            String phone = String.format("177%08d", random.nextInt(100_000_000));
            JsonNode m = tessera.post("/members", "{\"phone\":\"" + phone + "\",\"name\":\"断电会员\",\"storeId\":" + storeId + "}",
                    Map.of("Idempotency-Key", prefix + "-m-" + i));
            long id = m.get("id").asLong();
            members.add(id);
            Op first = new Op(prefix + "-r-" + i, id, true, new BigDecimal("500.00"));
            String outcome = send(first);
            if (!"201".equals(outcome)) {
                throw new IllegalStateException("set-up recharge of member " + id + " answered " + outcome);
            }
            acked.put(first.key, first);
        }
    }

    private void work(String prefix, Random random, AtomicBoolean killed, Map<String, Op> unknown) {
        for (int n = 0; !killed.get(); n++) {
            long member = members.get(random.nextInt(members.size()));
            boolean recharge = random.nextInt(10) < 3;
            BigDecimal amount = BigDecimal.valueOf(recharge ? 100 + random.nextInt(4900) : 1 + random.nextInt(2000), 2);
            Op op = new Op(prefix + n, member, recharge, amount);
            String outcome = send(op);
            if ("201".equals(outcome)) {
                acked.put(op.key, op);
            } else if (outcome.startsWith("422")) {
                refused.put(op.key, op);
            } else {
                unknown.put(op.key, op);
            }
        }
    }

    /** "201", "422 CODE", or what went wrong (a killed server answers nothing). */
    private String send(Op op) {
        String body = op.recharge
                ? "{\"memberId\":" + op.memberId + ",\"storeId\":" + storeId + ",\"amount\":" + op.amount
                        + ",\"method\":\"CASH\",\"reference\":\"" + op.key + "\"}"
                : "{\"memberId\":" + op.memberId + ",\"storeId\":" + storeId + ",\"amount\":" + op.amount
                        + ",\"orderNo\":\"" + op.key + "\"}";
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(tessera.base + "/api/v1/wallets/" + (op.recharge ? "recharges" : "payments")))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", tessera.authorization)
                    .header("Content-Type", "application/json").header("Idempotency-Key", op.key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (a.statusCode() == 422) {
                return "422 " + Tessera.JSON.readTree(a.body()).path("code").asText();
            }
            return Integer.toString(a.statusCode());
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Journal references of every member, counted; checks each account against its journal on the way. */
    private Map<String, Integer> journalReferences(boolean checkAccounts) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (long member : members) {
            List<JsonNode> entries = new ArrayList<>();
            for (int page = 1; ; page++) {
                JsonNode p = tessera.get("/wallets/transactions?memberId=" + member + "&size=200&page=" + page);
                p.get("items").forEach(entries::add);
                if (entries.size() >= p.get("total").asLong()) {
                    break;
                }
            }
            BigDecimal principal = BigDecimal.ZERO;
            BigDecimal bonus = BigDecimal.ZERO;
            List<Long> seqs = new ArrayList<>();
            for (JsonNode e : entries) {
                seen.merge(e.path("reference").asText(), 1, Integer::sum);
                principal = principal.add(e.get("principalDelta").decimalValue());
                bonus = bonus.add(e.get("bonusDelta").decimalValue());
                seqs.add(e.get("accountSeq").asLong());
            }
            if (!checkAccounts) {
                continue;
            }
            seqs.sort(null);
            for (int i = 0; i < seqs.size(); i++) {
                if (seqs.get(i) != i + 1) {
                    violations.add("member " + member + ": journal sequence has a gap at " + (i + 1));
                    break;
                }
            }
            JsonNode accounts = tessera.get("/wallets/accounts?memberId=" + member);
            BigDecimal heldP = BigDecimal.ZERO;
            BigDecimal heldB = BigDecimal.ZERO;
            for (JsonNode a : accounts) {
                heldP = heldP.add(a.get("principal").decimalValue());
                heldB = heldB.add(a.get("bonus").decimalValue());
            }
            if (heldP.compareTo(principal) != 0 || heldB.compareTo(bonus) != 0) {
                violations.add("member " + member + ": balance " + heldP + "/" + heldB + " but journal " + principal + "/" + bonus);
            }
        }
        return seen;
    }

    /**
     * The members' activity, counted by an event consumer after commit, catches up with the journal:
     * every journal row's event was delivered exactly once in effect, across the kill.
     */
    private void checkEvents() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (long member : members) {
            long journal = tessera.get("/wallets/transactions?memberId=" + member + "&size=1").get("total").asLong();
            JsonNode activity = tessera.get("/members/" + member + "/activity");
            while (activity.get("walletMovements").asLong() < journal && System.nanoTime() < deadline) {
                Thread.sleep(200);
                activity = tessera.get("/members/" + member + "/activity");
            }
            long counted = activity.get("walletMovements").asLong();
            if (counted != journal) {
                violations.add("member " + member + ": the event-driven count is " + counted + " but the journal has " + journal + " rows");
            }
            BigDecimal net = activity.get("storedValueIn").decimalValue().subtract(activity.get("storedValueOut").decimalValue());
            BigDecimal balance = BigDecimal.ZERO;
            for (JsonNode a : tessera.get("/wallets/accounts?memberId=" + member)) {
                balance = balance.add(a.get("total").decimalValue());
            }
            if (counted == journal && net.compareTo(balance) != 0) {
                violations.add("member " + member + ": events add up to " + net + " but the balance is " + balance);
            }
        }
    }

    private void checkLedger() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        JsonNode days = tessera.get("/wallets/ledgers/daily?storeId=" + storeId + "&from=" + firstDay + "&to=" + today);
        JsonNode previous = null;
        for (JsonNode d : days) {
            for (String part : new String[] {"principal", "bonus"}) {
                BigDecimal open = d.get(part + "Opening").decimalValue();
                BigDecimal close = d.get(part + "Closing").decimalValue();
                if (open.add(d.get(part + "In").decimalValue()).subtract(d.get(part + "Out").decimalValue()).compareTo(close) != 0) {
                    violations.add("daily ledger " + d.get("date").asText() + " " + part + " does not balance");
                }
                if (previous != null && previous.get(part + "Closing").decimalValue().compareTo(open) != 0) {
                    violations.add("daily ledger " + d.get("date").asText() + " " + part + " opening differs from the day before's closing");
                }
            }
            previous = d;
        }
        BigDecimal held = BigDecimal.ZERO;
        for (long member : members) {
            for (JsonNode a : tessera.get("/wallets/accounts?memberId=" + member)) {
                held = held.add(a.get("total").decimalValue());
            }
        }
        if (previous != null) {
            BigDecimal closing = previous.get("principalClosing").decimalValue().add(previous.get("bonusClosing").decimalValue());
            if (closing.compareTo(held) != 0) {
                violations.add("store closing " + closing + " differs from the balances held " + held);
            }
        }
    }
}
