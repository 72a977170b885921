package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.payments.simulator.wechat.WechatSimulator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The checkout side of the crash check: sales in store 101 paid with stored value alone or split with WeChat
 * Pay (through the WeChat Pay simulator, which lives in this driver and so outlives every kill, as the real
 * channel would), and refunds of paid sales, while Tessera is killed. After each restart, every unanswered
 * call is sent again with its key, and once the channels have decided: every order is paid at most once and
 * every acknowledged payment exactly once (one stored-value debit carrying its order no, the channel's trade
 * paid for the tender's amount); an unpaid order moved no stored value and was not charged at the channel;
 * no hold is left open; what refunds gave back matches the journal and the channel; balances equal journals.
 * Points follow through the outbox (a rule of 1 point per yuan in store 101): every paid sale earned exactly once
 * (⌊amount⌋ points), no unpaid sale earned, each member's points equal what their sales earned less what their
 * refunds took back, and the points books agree with themselves ({@code GET /points/check}).
 */
final class CheckoutCrash {

    private static final int MEMBERS = 10;

    /** A sale as sent: keys of its three calls; the order no once known. */
    private static final class Sale {
        final String key;
        final long memberId;
        final BigDecimal amount;
        final BigDecimal member;
        volatile String orderNo;
        volatile String payOutcome;
        volatile String refundOutcome;

        Sale(String key, long memberId, BigDecimal amount, BigDecimal member) {
            this.key = key;
            this.memberId = memberId;
            this.amount = amount;
            this.member = member;
        }
    }

    private final Nodes nodes;
    private final Tessera tessera;
    private final List<String> violations;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Long> members = new ArrayList<>();
    private final Map<String, Sale> sales = new ConcurrentHashMap<>();
    private WechatSimulator wechat;
    private long storeId;

    CheckoutCrash(Nodes nodes, Tessera tessera, List<String> violations) {
        this.nodes = nodes;
        this.tessera = tessera;
        this.violations = violations;
    }

    /** Before the first start: the simulator, and Tessera's WeChat Pay account for store 101 pointed at it. */
    void configure() throws IOException {
        wechat = WechatSimulator.start(Files.createTempDirectory("tessera-crash-wechat"));
        Path etc = nodes.etc();
        try (Writer w = Files.newBufferedWriter(etc.resolve("io.tessera.payments.wechat.cfg"), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : wechat.tesseraConfig("crash", "101", nodes.base() + "/api/v1/payments/channels/wechat/notify")
                    .entrySet()) {
                w.write(e.getKey() + " = " + e.getValue().replace("\\", "\\\\") + "\n");
            }
        }
        Files.writeString(etc.resolve("io.tessera.scheduler.cfg"), "\npayments.channels.check.interval = PT2S\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** How many sales were started, and how many ended paid (acknowledged). */
    Map<String, Object> sales() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("started", sales.size());
        out.put("paidAcknowledged", sales.values().stream().filter(s -> "201".equals(s.payOutcome)).count());
        out.put("split", sales.values().stream().filter(s -> s.amount.compareTo(s.member) > 0).count());
        out.put("refunded", sales.values().stream().filter(s -> s.refundOutcome != null && s.refundOutcome.startsWith("20")).count());
        return out;
    }

    void close() {
        if (wechat != null) {
            wechat.close();
        }
    }

    void setUp() throws Exception {
        for (JsonNode s : tessera.get("/stores")) {
            if ("101".equals(s.get("code").asText())) {
                storeId = s.get("id").asLong();
            }
        }
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        long rule = tessera.post("/points/rules", "{\"name\":\"断电积分\",\"kind\":\"SPEND\",\"pointsPerYuan\":1,\"storeIds\":[" + storeId + "]}",
                Map.of()).get("id").asLong();
        tessera.post("/points/rules/" + rule + "/activate", "", Map.of());
        Random random = new Random();
        for (int i = 0; i < MEMBERS; i++) {
            String phone = String.format("178%08d", random.nextInt(100_000_000));
            long id = tessera.post("/members", "{\"phone\":\"" + phone + "\",\"name\":\"收银会员\",\"storeId\":" + storeId + "}",
                    Map.of("Idempotency-Key", prefix + "-cm-" + i)).get("id").asLong();
            tessera.post("/wallets/recharges", "{\"memberId\":" + id + ",\"storeId\":" + storeId + ",\"amount\":5000.00,\"method\":\"CASH\"}",
                    Map.of("Idempotency-Key", prefix + "-cr-" + i));
            members.add(id);
        }
    }

    /** One worker's sales until the kill: create, pay (stored value alone or split with WeChat Pay), sometimes refund. */
    void work(String prefix, Random random, AtomicBoolean killed) {
        for (int n = 0; !killed.get(); n++) {
            long member = members.get(random.nextInt(members.size()));
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(5000), 2);
            BigDecimal fromWallet = random.nextBoolean() ? amount : BigDecimal.valueOf(random.nextInt((int) (amount.movePointRight(2).longValue())), 2);
            Sale sale = new Sale(prefix + n, member, amount, fromWallet);
            sales.put(sale.key, sale);
            drive(sale, random.nextInt(3) == 0);
        }
    }

    /** Sends what the sale still needs (each step once answered stays answered). */
    private void drive(Sale sale, boolean refund) {
        if (sale.orderNo == null) {
            HttpResponse<String> a = send("/orders", "{\"storeId\":" + storeId + ",\"posOrderNo\":\"" + sale.key + "\",\"memberId\":"
                    + sale.memberId + ",\"payWith\":[\"MEMBER\",\"WECHAT\"],\"lines\":[{\"sku\":\"C1\",\"name\":\"商品\",\"quantity\":1,"
                    + "\"unitPrice\":" + sale.amount + "}]}", sale.key + "-c");
            if (a == null || a.statusCode() != 201) {
                return;
            }
            sale.orderNo = json(a).get("orderNo").asText();
        }
        if (sale.payOutcome == null || !sale.payOutcome.matches("20[12]|4\\d\\d.*")) {
            StringBuilder tenders = new StringBuilder();
            if (sale.member.signum() > 0) {
                tenders.append("{\"method\":\"MEMBER\",\"amount\":").append(sale.member).append("}");
            }
            BigDecimal rest = sale.amount.subtract(sale.member);
            if (rest.signum() > 0) {
                tenders.append(tenders.length() > 0 ? "," : "").append("{\"method\":\"WECHAT\",\"amount\":").append(rest)
                        .append(",\"authCode\":\"134").append(String.format("%015d", Math.floorMod(sale.key.hashCode(), 1_000_000_000L))).append("\"}");
            }
            HttpResponse<String> a = send("/orders/" + sale.orderNo + "/payments", "{\"tenders\":[" + tenders + "]}", sale.key + "-p");
            sale.payOutcome = outcome(a);
        }
        if (refund && "201".equals(sale.payOutcome) && sale.refundOutcome == null) {
            sale.refundOutcome = outcome(send("/orders/" + sale.orderNo + "/refunds", "{\"amount\":" + sale.amount.divide(BigDecimal.valueOf(2),
                    2, java.math.RoundingMode.DOWN).max(new BigDecimal("0.01")) + "}", sale.key + "-r"));
        } else if (sale.refundOutcome != null && !sale.refundOutcome.matches("20[12]|4\\d\\d.*")) {
            sale.refundOutcome = outcome(send("/orders/" + sale.orderNo + "/refunds", "{\"amount\":" + sale.amount.divide(BigDecimal.valueOf(2),
                    2, java.math.RoundingMode.DOWN).max(new BigDecimal("0.01")) + "}", sale.key + "-r"));
        }
    }

    /** After a restart: unanswered calls again with their keys, then the checks once every channel has decided. */
    void verify() throws Exception {
        for (Sale sale : sales.values()) {
            drive(sale, false);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        Map<Long, Map<String, List<JsonNode>>> journals = new java.util.HashMap<>();
        for (long member : members) {
            journals.put(member, journal(member));
        }
        for (Sale sale : sales.values()) {
            if (sale.orderNo == null) {
                continue; // never created (the kill came first): nothing to check but the balances
            }
            JsonNode o = tessera.get("/orders/" + sale.orderNo);
            while (undecided(o) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                o = tessera.get("/orders/" + sale.orderNo);
            }
            if (undecided(o)) {
                violations.add("order " + sale.orderNo + " still undecided after 150 s");
                continue;
            }
            journals.put(sale.memberId, journal(sale.memberId));
            check(sale, o, journals.get(sale.memberId).getOrDefault(sale.orderNo, List.of()));
        }
        points(deadline);
        for (long member : members) {
            Map<String, List<JsonNode>> entries = journal(member);
            BigDecimal principal = BigDecimal.ZERO;
            BigDecimal bonus = BigDecimal.ZERO;
            for (List<JsonNode> list : entries.values()) {
                for (JsonNode e : list) {
                    principal = principal.add(e.get("principalDelta").decimalValue());
                    bonus = bonus.add(e.get("bonusDelta").decimalValue());
                }
            }
            for (JsonNode a : tessera.get("/wallets/accounts?memberId=" + member)) {
                if (a.get("held").decimalValue().signum() != 0) {
                    violations.add("member " + member + ": " + a.get("held").asText() + " still held with no order being paid");
                }
                if (a.get("principal").decimalValue().compareTo(principal) != 0 || a.get("bonus").decimalValue().compareTo(bonus) != 0) {
                    violations.add("member " + member + ": balance " + a.get("principal").asText() + "/" + a.get("bonus").asText()
                            + " but journal " + principal + "/" + bonus);
                }
            }
        }
    }

    /**
     * Once the outbox has delivered (waiting until the deadline): one earning per paid sale, none for an unpaid one,
     * each member's points what their sales earned less what refunds took back, and the books in agreement.
     */
    private void points(long deadline) throws Exception {
        for (Sale sale : sales.values()) {
            if (sale.orderNo == null) {
                continue;
            }
            String state = tessera.get("/orders/" + sale.orderNo).get("state").asText();
            boolean paid = !"CREATED".equals(state) && !"CLOSED".equals(state);
            JsonNode earnings = tessera.get("/points/earnings?orderNo=" + sale.orderNo);
            while (paid && earnings.get("total").asLong() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                earnings = tessera.get("/points/earnings?orderNo=" + sale.orderNo);
            }
            long orderEarnings = 0;
            for (JsonNode e : earnings.get("items")) {
                if ("ORDER".equals(e.get("sourceType").asText())) {
                    orderEarnings++;
                    long expected = sale.amount.longValue();
                    if (e.get("points").asLong() != expected) {
                        violations.add("order " + sale.orderNo + " of " + sale.amount + " earned " + e.get("points").asLong() + " points, not " + expected);
                    }
                }
            }
            if (orderEarnings != (paid ? 1 : 0)) {
                violations.add((paid ? "paid" : "unpaid") + " order " + sale.orderNo + ": " + orderEarnings + " earning(s)");
            }
        }
        for (long member : members) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long[] seen = memberPoints(member);
            while (seen[0] != seen[1] && System.nanoTime() < until) {
                Thread.sleep(500);
                seen = memberPoints(member);
            }
            if (seen[0] != seen[1]) {
                violations.add("member " + member + ": " + seen[0] + " points, but earnings less take-backs make " + seen[1]);
            }
        }
        JsonNode check = tessera.get("/points/check");
        for (JsonNode v : check.get("violations")) {
            violations.add("points books: " + v.asText());
        }
    }

    /** What the member's accounts hold, and what their earnings less take-backs make. */
    private long[] memberPoints(long member) throws Exception {
        long held = 0;
        for (JsonNode a : tessera.get("/points/accounts?memberId=" + member)) {
            held += a.get("available").asLong() + a.get("pending").asLong();
        }
        long earned = 0;
        int seen = 0;
        for (int page = 1; ; page++) {
            JsonNode p = tessera.get("/points/earnings?memberId=" + member + "&size=200&page=" + page);
            for (JsonNode e : p.get("items")) {
                earned += e.get("points").asLong() - e.get("takenBack").asLong();
                seen++;
            }
            if (seen >= p.get("total").asLong() || p.get("items").isEmpty()) {
                return new long[] {held, earned};
            }
        }
    }

    /** A member's journal rows by reference. */
    private Map<String, List<JsonNode>> journal(long member) throws Exception {
        Map<String, List<JsonNode>> byReference = new java.util.HashMap<>();
        int seen = 0;
        for (int page = 1; ; page++) {
            JsonNode p = tessera.get("/wallets/transactions?memberId=" + member + "&size=200&page=" + page);
            for (JsonNode e : p.get("items")) {
                byReference.computeIfAbsent(e.path("reference").asText(), k -> new ArrayList<>()).add(e);
                seen++;
            }
            if (seen >= p.get("total").asLong() || p.get("items").isEmpty()) {
                return byReference;
            }
        }
    }

    private boolean undecided(JsonNode o) throws Exception {
        for (JsonNode t : o.get("tenders")) {
            if ("PENDING".equals(t.get("status").asText()) || "UNKNOWN".equals(t.get("status").asText())) {
                return true;
            }
        }
        if (o.get("refunded").decimalValue().signum() > 0) {
            for (JsonNode r : tessera.get("/orders/" + o.get("orderNo").asText() + "/refunds")) {
                if ("PROCESSING".equals(r.get("state").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void check(Sale sale, JsonNode o, List<JsonNode> entries) {
        String state = o.get("state").asText();
        boolean paid = !"CREATED".equals(state) && !"CLOSED".equals(state);
        if ("201".equals(sale.payOutcome) && !paid) {
            violations.add("acknowledged payment of " + sale.orderNo + " but the order is " + state);
        }
        BigDecimal consumed = BigDecimal.ZERO;
        BigDecimal refundedToWallet = BigDecimal.ZERO;
        int debits = 0;
        for (JsonNode e : entries) {
            BigDecimal moved = e.get("principalDelta").decimalValue().add(e.get("bonusDelta").decimalValue());
            if ("CONSUME".equals(e.get("type").asText())) {
                consumed = consumed.subtract(moved);
                debits++;
            } else if ("REFUND".equals(e.get("type").asText())) {
                refundedToWallet = refundedToWallet.add(moved);
            }
        }
        int channelPaid = 0;
        for (JsonNode t : o.get("tenders")) {
            String status = t.get("status").asText();
            if ("WECHAT".equals(t.get("method").asText())) {
                WechatSimulator.Trade trade = wechat.trade(t.get("outTradeNo").asText());
                boolean charged = trade != null && ("SUCCESS".equals(trade.state) || "REFUND".equals(trade.state));
                if (charged != "SUCCEEDED".equals(status)) {
                    violations.add("order " + sale.orderNo + ": tender " + t.get("outTradeNo").asText() + " is " + status + " but the channel says "
                            + (trade == null ? "nothing" : trade.state));
                }
                if ("SUCCEEDED".equals(status)) {
                    channelPaid++;
                    long refunded = trade.refunds.values().stream().mapToLong(Long::longValue).sum();
                    if (refunded != t.get("refunded").decimalValue().movePointRight(2).longValueExact()) {
                        violations.add("order " + sale.orderNo + ": the channel refunded " + refunded + " fen, the tender says " + t.get("refunded").asText());
                    }
                }
            } else if ("MEMBER".equals(t.get("method").asText()) && "SUCCEEDED".equals(status)) {
                if (t.get("refunded").decimalValue().compareTo(refundedToWallet) != 0) {
                    violations.add("order " + sale.orderNo + ": the journal gave back " + refundedToWallet + ", the tender says " + t.get("refunded").asText());
                }
            }
        }
        if (paid) {
            boolean expectsWallet = sale.member.signum() > 0;
            if (debits != (expectsWallet ? 1 : 0) || (expectsWallet && consumed.compareTo(sale.member) != 0)) {
                violations.add("paid order " + sale.orderNo + ": " + debits + " stored-value debit(s) of " + consumed + " for a tender of " + sale.member);
            }
            if (channelPaid != (sale.amount.compareTo(sale.member) > 0 ? 1 : 0)) {
                violations.add("paid order " + sale.orderNo + ": " + channelPaid + " WeChat payment(s) succeeded");
            }
        } else if (debits != 0 || channelPaid != 0) {
            violations.add("unpaid order " + sale.orderNo + " moved money: " + debits + " debit(s), " + channelPaid + " channel payment(s)");
        }
    }

    private HttpResponse<String> send(String path, String body, String key) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(tessera.base + "/api/v1" + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", tessera.authorization).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    /** "201", "202", "422 CODE", or what went wrong (a killed server answers nothing: "-"). */
    private static String outcome(HttpResponse<String> a) {
        if (a == null) {
            return "-";
        }
        if (a.statusCode() >= 400) {
            return a.statusCode() + " " + json(a).path("code").asText();
        }
        return Integer.toString(a.statusCode());
    }

    private static JsonNode json(HttpResponse<String> a) {
        try {
            return Tessera.JSON.readTree(a.body());
        } catch (IOException e) {
            return Tessera.JSON.nullNode();
        }
    }
}
