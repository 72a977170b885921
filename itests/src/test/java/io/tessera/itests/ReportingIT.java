package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The reports against the business that made them: a day of sales (member stored value, cash, bank card, WeChat Pay
 * and Alipay through their simulators), refunds, counter and till recharges; each report's figures checked to the fen
 * against the orders and the stored-value journal as their own APIs answer them; the read model rebuilt from scratch
 * answers the same; store scope, SOAP and refusals.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportingIT extends TesseraTestSupport {

    private static final List<String> METHODS = List.of("WECHAT", "ALIPAY", "POS_CARD", "MEMBER", "CASH");
    private static Sims.Pair sims;

    @Inject
    private ConfigurationAdmin configs;

    @Configuration
    @Override
    public Option[] config() {
        return OptionUtils.combine(super.config(), Sims.options());
    }

    @Before
    public void ready() throws Exception {
        awaitReady();
        if (sims == null) {
            sims = Sims.startConfigured(Files.createTempDirectory("tessera-sims").toFile(), configs, base());
        }
        awaitChannels(sims);
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private String sale(long store, Long member, String amount, String kind, String payWith) {
        return sale(store, member, amount, kind, payWith, null);
    }

    private String sale(long store, Long member, String amount, String kind, String payWith, String till) {
        String body = "{\"storeId\":" + store + ",\"posOrderNo\":\"RPT-" + System.nanoTime() + "\"" + (member == null ? "" : ",\"memberId\":" + member)
                + (till == null ? "" : ",\"tillNo\":\"" + till + "\"")
                + (kind == null ? "" : ",\"kind\":\"" + kind + "\"")
                + ",\"lines\":[{\"sku\":\"A\",\"name\":\"维生素\",\"quantity\":1,\"unitPrice\":" + amount + "}],\"payWith\":[" + payWith + "]}";
        Answer a = call("POST", "/orders", body, bearer(CLERK_103), key());
        assertEquals(a.toString(), 201, a.status);
        return a.json.get("orderNo").asText();
    }

    private void pay(String orderNo, String tenders) {
        Answer a = call("POST", "/orders/" + orderNo + "/payments", "{\"tenders\":[" + tenders + "]}", bearer(CLERK_103), key());
        assertEquals(a.toString(), 201, a.status);
        assertEquals(a.toString(), "PAID", a.json.get("state").asText());
    }

    private void refund(String orderNo, String amount) {
        Answer a = call("POST", "/orders/" + orderNo + "/refunds", "{\"amount\":" + amount + ",\"reason\":\"顾客退货\"}", bearer(CLERK_103), key());
        // 202: a channel's refund is PROCESSING until the channel confirms it (the simulator does at once)
        assertTrue(a.toString(), a.status == 201 || a.status == 202);
    }

    /** A day of business at store 103: every tender, refunds, a counter recharge with a card fee and a recharge paid at the till. */
    private String topUpOrder;

    private long business(long store) {
        long m = member(store);
        Answer recharge = call("POST", "/wallets/recharges", "{\"memberId\":" + m + ",\"storeId\":" + store
                + ",\"amount\":300.00,\"cardFee\":10.00,\"method\":\"CASH\"}", bearer(CLERK_103), key());
        assertEquals(recharge.toString(), 201, recharge.status);
        pay(sale(store, m, "40.00", null, "\"MEMBER\""), "{\"method\":\"MEMBER\",\"amount\":40.00}");
        String mixed = sale(store, null, "100.00", null, "");
        pay(mixed, "{\"method\":\"CASH\",\"amount\":60.00,\"cashReceived\":100.00},{\"method\":\"POS_CARD\",\"amount\":40.00,\"terminalRef\":\"T-1\"}");
        refund(mixed, "50.00");
        for (Sims.Sim s : sims.both()) {
            String no = sale(store, null, "88.88", null, "");
            pay(no, "{\"method\":\"" + s.method() + "\",\"amount\":88.88,\"authCode\":\"" + s.authCode() + "\"}");
            refund(no, "8.88");
        }
        String topUp = sale(store, m, "200.00", "RECHARGE", "");
        pay(topUp, "{\"method\":\"CASH\",\"amount\":200.00}");
        topUpOrder = topUp;
        return m;
    }

    /** The payment-method report as the orders API says it should be: sale orders and refunds of the store today. */
    private Map<String, BigDecimal[]> expectedByMethod(long store) {
        Map<String, BigDecimal[]> byMethod = new HashMap<>();
        METHODS.forEach(m -> byMethod.put(m, zeros()));
        BigDecimal[] all = zeros();
        byMethod.put("TOTAL", all);
        JsonNode orders = call("GET", "/orders?storeId=" + store + "&kind=SALE&from=" + today() + "&to=" + today() + "&size=200", null,
                bearer(HQ_ADMIN)).json;
        assertTrue(orders.toString(), orders.get("total").asLong() < 200);
        for (JsonNode o : orders.get("items")) {
            if (!o.hasNonNull("paidAt")) {
                continue;
            }
            all[0] = all[0].add(BigDecimal.ONE);
            java.util.Set<String> counted = new java.util.HashSet<>();
            for (JsonNode t : o.get("tenders")) {
                if (!"SUCCEEDED".equals(t.get("status").asText())) {
                    continue;
                }
                BigDecimal[] row = byMethod.get(t.get("method").asText());
                if (counted.add(t.get("method").asText())) {
                    row[0] = row[0].add(BigDecimal.ONE);
                }
                row[1] = row[1].add(dec(t, "amount"));
                row[4] = row[4].add(dec(t, "fee"));
            }
            for (JsonNode r : call("GET", "/orders/" + o.get("orderNo").asText() + "/refunds", null, bearer(HQ_ADMIN)).json) {
                all[2] = all[2].add(BigDecimal.ONE);
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (JsonNode part : r.get("tenders")) {
                    BigDecimal[] row = byMethod.get(part.get("method").asText());
                    if (seen.add(part.get("method").asText())) {
                        row[2] = row[2].add(BigDecimal.ONE);
                    }
                    row[3] = row[3].add(dec(part, "amount"));
                    row[4] = row[4].subtract(dec(part, "feeReturned"));
                }
            }
        }
        return byMethod;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static BigDecimal dec(JsonNode n, String field) {
        return n.hasNonNull(field) ? new BigDecimal(n.get(field).asText()) : BigDecimal.ZERO;
    }

    /** Whether the report shows exactly what the orders say (orders, refund amount, refunds, net received, fee, settlement). */
    private static String differences(JsonNode report, Map<String, BigDecimal[]> expected) {
        StringBuilder diff = new StringBuilder();
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal settlements = BigDecimal.ZERO;
        BigDecimal nets = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        for (JsonNode row : report.get("rows")) {
            String method = row.get("method").asText();
            BigDecimal[] e = expected.get(method);
            BigDecimal net = e[1].subtract(e[3]);
            boolean feeApplies = !method.equals("MEMBER") && !method.equals("CASH");
            check(diff, method + " orders", e[0], dec(row, "orders"));
            check(diff, method + " refundAmount", e[3].negate(), dec(row, "refundAmount"));
            check(diff, method + " refunds", e[2], dec(row, "refunds"));
            check(diff, method + " netReceived", net, dec(row, "netReceived"));
            if (feeApplies) {
                check(diff, method + " fee", e[4], dec(row, "fee"));
                check(diff, method + " settlement", net.subtract(e[4]), dec(row, "settlement"));
                fees = fees.add(e[4]);
                settlements = settlements.add(net.subtract(e[4]));
            } else if (row.hasNonNull("fee") || row.hasNonNull("settlement") || row.get("feeApplies").asBoolean()) {
                diff.append(method).append(" has a fee; ");
            }
            nets = nets.add(net);
            refunded = refunded.add(e[3]);
        }
        JsonNode total = report.get("total");
        check(diff, "total orders", expected.get("TOTAL")[0], dec(total, "orders"));
        check(diff, "total refunds", expected.get("TOTAL")[2], dec(total, "refunds"));
        check(diff, "total refundAmount", refunded.negate(), dec(total, "refundAmount"));
        check(diff, "total netReceived", nets, dec(total, "netReceived"));
        check(diff, "total fee", fees, dec(total, "fee"));
        check(diff, "total settlement", settlements, dec(total, "settlement"));
        return diff.toString();
    }

    private static void check(StringBuilder diff, String what, BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) != 0) {
            diff.append(what).append(": expected ").append(expected.toPlainString()).append(", shown ").append(actual.toPlainString()).append("; ");
        }
    }

    /** The recharge summary as the stored-value journal says it should be: count, paid, bonus, card fees. */
    private BigDecimal[] expectedRecharges(long store) {
        BigDecimal[] sums = zeros();
        JsonNode rows = call("GET", "/wallets/transactions?storeId=" + store + "&type=RECHARGE&from=" + today() + "&to=" + today() + "&size=200",
                null, bearer(HQ_ADMIN)).json;
        assertTrue(rows.toString(), rows.get("total").asLong() < 200);
        for (JsonNode j : rows.get("items")) {
            sums[0] = sums[0].add(BigDecimal.ONE);
            sums[1] = sums[1].add(dec(j, "principalDelta"));
            sums[2] = sums[2].add(dec(j, "bonusDelta"));
            sums[3] = sums[3].add(dec(j, "cardFee"));
        }
        return sums;
    }

    private static String rechargeDifferences(JsonNode report, BigDecimal[] e) {
        StringBuilder diff = new StringBuilder();
        JsonNode t = report.get("total");
        check(diff, "recharges", e[0], dec(t, "recharges"));
        check(diff, "paidAmount", e[1], dec(t, "paidAmount"));
        check(diff, "bonusAmount", e[2], dec(t, "bonusAmount"));
        check(diff, "rechargeAmount = paid + bonus", e[1].add(e[2]), dec(t, "rechargeAmount"));
        check(diff, "cardFees", e[3], dec(t, "cardFees"));
        return diff.toString();
    }

    private String range(long store) {
        return "?from=" + today() + "&to=" + today() + "&storeId=" + store;
    }

    @Test
    public void theReportsShowTheDayToTheFenAndARebuildShowsTheSame() {
        String hq = bearer(HQ_ADMIN);
        long store = storeId("103");
        long member = business(store);

        String[] last = new String[1];
        await("the payment-method report to show the day's orders", 60, () -> {
            Answer a = call("GET", "/reports/payment-methods" + range(store), null, hq);
            assertEquals(a.toString(), 200, a.status);
            last[0] = differences(a.json, expectedByMethod(store));
            return last[0].isEmpty();
        });
        JsonNode methods = call("GET", "/reports/payment-methods" + range(store), null, hq).json;
        assertEquals(METHODS, methods.findValuesAsText("method"));
        assertTrue("the WeChat refund's fee came back: " + methods, new BigDecimal(methods.at("/rows/0/fee").asText()).signum() > 0);

        await("the recharge report to show the day's recharges", 60, () -> rechargeDifferences(
                call("GET", "/reports/recharges" + range(store), null, hq).json, expectedRecharges(store)).isEmpty());
        JsonNode recharges = call("GET", "/reports/recharges" + range(store), null, hq).json;
        assertEquals("DAY", recharges.get("grain").asText());
        assertEquals(today(), recharges.at("/periods/0/period").asText());

        // 储值数据 against the wallets' own daily ledger (门店余额台账) of the store and day: in − out = the report's net.
        await("the stored-value report to agree with the daily ledger", 60, () -> {
            JsonNode ledger = call("GET", "/wallets/ledgers/daily?storeId=" + store + "&from=" + today() + "&to=" + today(), null, hq).json.get(0);
            JsonNode net = call("GET", "/reports/stored-value" + range(store), null, hq).json.get("net");
            return dec(ledger, "principalIn").subtract(dec(ledger, "principalOut")).compareTo(dec(net, "principal")) == 0
                    && dec(ledger, "bonusIn").subtract(dec(ledger, "bonusOut")).compareTo(dec(net, "bonus")) == 0;
        });
        JsonNode moved = call("GET", "/reports/stored-value" + range(store), null, hq).json;
        boolean consumed = false;
        for (JsonNode t : moved.get("types")) {
            consumed |= "CONSUME".equals(t.get("type").asText()) && dec(t, "amount").signum() < 0;
        }
        assertTrue(moved.toString(), consumed);

        // The records: the counter recharge with its card fee; a clerk sees the phone masked, HQ in full.
        JsonNode records = call("GET", "/reports/recharges/records" + range(store) + "&method=CASH", null, hq).json;
        JsonNode counter = null;
        for (JsonNode r : records.get("items")) {
            if (r.get("memberId").asLong() == member && r.hasNonNull("cardFee")) {
                counter = r;
            }
        }
        assertTrue(records.toString(), counter != null);
        assertEquals("300.00", counter.get("paidAmount").asText());
        assertEquals("10.00", counter.get("cardFee").asText());
        assertEquals("103 - " + call("GET", "/stores/" + store, null, hq).json.get("name").asText(), counter.get("storeName").asText());
        assertTrue(counter.toString(), counter.get("phone").asText().matches("\\d{11}"));
        JsonNode seenByClerk = call("GET", "/reports/recharges/records" + range(store) + "&method=CASH", null, bearer(CLERK_103)).json;
        assertEquals(records.get("total"), seenByClerk.get("total"));
        for (JsonNode r : seenByClerk.get("items")) {
            assertTrue(r.toString(), r.get("phone").asText().matches("\\d{3}\\*{4}\\d{4}"));
        }
        // The till's recharge order is found by its order no.
        JsonNode byOrder = call("GET", "/reports/recharges/records" + range(store) + "&orderNo=" + topUpOrder, null, hq).json;
        assertEquals(byOrder.toString(), 1, byOrder.get("total").asLong());
        assertEquals("200.00", byOrder.at("/items/0/rechargeAmount").asText());

        // Exports (申请下载): every record as CSV with a byte order mark, the report as XLSX; the caller's downloads list.
        Answer csvJob = call("POST", "/reports/exports?report=RECHARGE_RECORDS&format=csv" + range(store).replace('?', '&'), null, hq);
        assertEquals(csvJob.toString(), 202, csvJob.status);
        JsonNode csvDone = awaitJob(csvJob.json.get("id").asLong(), hq);
        assertEquals(csvDone.toString(), "SUCCEEDED", csvDone.get("status").asText());
        assertTrue(csvDone.toString(), csvDone.hasNonNull("resultExpiresAt"));
        byte[] csv = download("/jobs/" + csvDone.get("id").asLong() + "/result", hq).body();
        assertEquals((byte) 0xEF, csv[0]);
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        long allRecords = call("GET", "/reports/recharges/records" + range(store), null, hq).json.get("total").asLong();
        assertEquals(text, allRecords + 1, text.lines().count());
        assertTrue(text, text.startsWith("\uFEFF订单号,门店,会员号") && text.contains("300.00"));
        Answer xlsxJob = call("POST", "/reports/exports?report=PAYMENT_METHODS&format=xlsx" + range(store).replace('?', '&'), null, hq);
        assertEquals(xlsxJob.toString(), 202, xlsxJob.status);
        awaitJob(xlsxJob.json.get("id").asLong(), hq);
        var xlsx = download("/jobs/" + xlsxJob.json.get("id").asLong() + "/result", hq);
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse(""), xlsx.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        assertEquals("an XLSX is a ZIP", 'P', (char) xlsx.body()[0]);
        JsonNode downloads = call("GET", "/reports/exports", null, hq).json;
        assertEquals(downloads.toString(), xlsxJob.json.get("id").asLong(), downloads.at("/items/0/id").asLong());
        assertEquals(0, call("GET", "/reports/exports", null, bearer(CLERK_103)).json.get("total").asLong());
        Answer badFormat = call("POST", "/reports/exports?report=RECHARGES&format=pdf" + range(store).replace('?', '&'), null, hq);
        assertEquals(badFormat.toString(), "format", badFormat.field());
        assertEquals("REPORT_RANGE_INVALID", call("POST", "/reports/exports?report=RECHARGES", null, hq).code());

        // A clerk of 103 without a store sees 103; another store's clerk is refused.
        Answer mine = call("GET", "/reports/payment-methods?from=" + today() + "&to=" + today(), null, bearer(CLERK_103));
        assertEquals(methods.get("total"), mine.json.get("total"));
        assertEquals(403, call("GET", "/reports/payment-methods" + range(store), null, bearer(CLERK_101)).status);

        // Rebuilt from scratch, the read model answers the same.
        assertEquals(403, call("POST", "/reports/read-model/rebuild", null, bearer(CLERK_103)).status);
        Answer rebuild = call("POST", "/reports/read-model/rebuild", null, hq);
        assertEquals(rebuild.toString(), 202, rebuild.status);
        JsonNode job = awaitJob(rebuild.json.get("id").asLong(), hq);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        assertTrue(job.toString(), job.at("/counters/orders").asLong() > 0 && job.at("/counters/walletEntries").asLong() > 0);
        assertEquals(methods, call("GET", "/reports/payment-methods" + range(store), null, hq).json);
        assertEquals(recharges, call("GET", "/reports/recharges" + range(store), null, hq).json);
        JsonNode status = call("GET", "/reports/read-model", null, hq).json;
        assertEquals(job.get("id"), status.at("/lastRebuild/id"));

        // SOAP answers the same report.
        Answer soap = soap("reporting", "<r:getPaymentMethodReport xmlns:r=\"urn:tessera:reporting\"><query><from>" + today() + "</from><to>" + today()
                + "</to><storeId>" + store + "</storeId></query></r:getPaymentMethodReport>", hq);
        assertEquals(soap.toString(), 200, soap.status);
        assertTrue(soap.text, soap.text.contains("<netReceived>" + methods.at("/total/netReceived").asText() + "</netReceived>"));
    }

    /** The store's trades through a channel today as the orders API has them: a bill line each (payments, then refunds). */
    private List<String[]> channelTrades(long store, String method) {
        List<String[]> trades = new java.util.ArrayList<>();
        JsonNode orders = call("GET", "/orders?storeId=" + store + "&from=" + today() + "&to=" + today() + "&size=200", null, bearer(HQ_ADMIN)).json;
        for (JsonNode o : orders.get("items")) {
            for (JsonNode t : o.get("tenders")) {
                if (method.equals(t.get("method").asText()) && "SUCCEEDED".equals(t.get("status").asText())) {
                    trades.add(new String[] {"SUCCESS", t.get("outTradeNo").asText(), t.get("channelTradeNo").asText(), t.get("amount").asText(),
                            t.get("fee").asText(), "", o.get("paidAt").asText()});
                }
            }
            for (JsonNode r : call("GET", "/orders/" + o.get("orderNo").asText() + "/refunds", null, bearer(HQ_ADMIN)).json) {
                for (JsonNode part : r.get("tenders")) {
                    if (method.equals(part.get("method").asText())) {
                        trades.add(new String[] {"REFUND", "", "", part.get("amount").asText(), part.get("feeReturned").asText(),
                                part.get("outRefundNo").asText(), r.get("createdAt").asText()});
                    }
                }
            }
        }
        return trades;
    }

    /** A WeChat Pay trade bill (its CSV columns, values after a backtick) of these lines. */
    private static byte[] wechatBill(String mchid, List<String[]> lines) {
        StringBuilder b = new StringBuilder("\uFEFF交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
                + "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\r\n");
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (String[] l : lines) {
            boolean refund = l[0].equals("REFUND");
            String at = java.time.OffsetDateTime.parse(l[6]).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(time);
            BigDecimal fee = new BigDecimal(l[4]).setScale(5);
            String[] v = {at, "wxapp", mchid, "0", "", l[2], l[1], "oUser", "MICROPAY", l[0], "OTHERS", "CNY", refund ? "0.00" : l[3], "0.00",
                refund ? "5000" + l[5] : "0", refund ? l[5] : "0", refund ? l[3] : "0.00", "0.00", refund ? "ORIGINAL" : "", refund ? "SUCCESS" : "",
                "维生素", "", (refund ? fee.negate() : fee).toPlainString(), "0.60%", refund ? "0.00" : l[3], refund ? l[3] : "0.00", ""};
            b.append('`').append(String.join(",`", v)).append("\r\n");
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String merchantId(String method) {
        for (JsonNode c : call("GET", "/payments/channels", null, bearer(HQ_ADMIN)).json) {
            if (method.equals(c.get("method").asText())) {
                return c.at("/accounts/0/merchantId").asText();
            }
        }
        throw new AssertionError("no " + method + " channel");
    }

    private JsonNode billOf(String method) {
        JsonNode list = call("GET", "/reports/bills?method=" + method + "&from=" + today() + "&to=" + today(), null, bearer(FINANCE)).json;
        assertEquals(list.toString(), 1, list.get("total").asLong());
        return list.at("/items/0");
    }

    @Test
    public void aChannelsBillReconcilesToTheFenAndItsDifferencesAreResolvedBeforeTheDayCloses() throws Exception {
        String finance = bearer(FINANCE);
        long store = storeId("103");
        // Deterministic whatever the hour: no trade waits for the next day's bill.
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("bills.waitMinutes", "0");
        configs.getConfiguration("io.tessera.reporting", "?").update(props);
        Sims.Sim alipay = sims.alipay();
        String ali = sale(store, null, "12.34", null, "");
        pay(ali, "{\"method\":\"ALIPAY\",\"amount\":12.34,\"authCode\":\"" + alipay.authCode() + "\"}");
        refund(ali, "2.34");
        Sims.Sim wechat = sims.wechat();
        List<String> wx = new java.util.ArrayList<>();
        for (String amount : List.of("10.00", "20.00", "30.00", "40.00")) {
            String no = sale(store, null, amount, null, "");
            pay(no, "{\"method\":\"WECHAT\",\"amount\":" + amount + ",\"authCode\":\"" + wechat.authCode() + "\"}");
            wx.add(no);
        }
        await("the read model to hold the day's trades", 60, () -> differences(call("GET", "/reports/payment-methods" + range(store), null,
                bearer(HQ_ADMIN)).json, expectedByMethod(store)).isEmpty());

        // Alipay's own bill, asked of the channel (its simulator), agrees line by line.
        Answer fetch = call("POST", "/reports/bills/fetch?method=ALIPAY&day=" + today(), null, finance);
        assertEquals(fetch.toString(), 202, fetch.status);
        JsonNode job = awaitJob(fetch.json.get("id").asLong(), finance);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        JsonNode aliBill = billOf("ALIPAY");
        List<String[]> aliTrades = channelTrades(store, "ALIPAY");
        assertEquals(aliBill.toString(), aliTrades.size(), aliBill.get("matched").asLong());
        assertEquals(aliBill.toString(), 0, aliBill.get("open").asLong() + aliBill.get("waiting").asLong());
        assertEquals(aliBill.get("billPaid"), aliBill.get("tesseraPaid"));
        assertEquals(aliBill.get("billRefunded"), aliBill.get("tesseraRefunded"));
        assertEquals(aliBill.get("billFee"), aliBill.get("tesseraFee"));
        Answer closed = call("POST", "/reports/bills/" + aliBill.get("id").asLong() + "/close", null, finance);
        assertEquals(closed.toString(), 200, closed.status);
        assertTrue(closed.toString(), closed.json.hasNonNull("closedAt"));

        // HQ uploads WeChat Pay's bill: one trade missing, one amount and one fee off, one Tessera never saw.
        String mchid = merchantId("WECHAT");
        List<String[]> lines = new java.util.ArrayList<>();
        String missing = null;
        String amountOff = null;
        String feeOff = null;
        for (String[] l : channelTrades(store, "WECHAT")) {
            String order = l[1].isEmpty() ? null : wx.stream().filter(no -> l[1].startsWith(no)).findFirst().orElse(null);
            if (order != null && order.equals(wx.get(0))) {
                missing = l[1];
                continue;
            }
            if (order != null && order.equals(wx.get(1))) {
                amountOff = l[1];
                l[3] = new BigDecimal(l[3]).add(BigDecimal.ONE).toPlainString();
            } else if (order != null && order.equals(wx.get(2))) {
                feeOff = l[1];
                l[4] = new BigDecimal(l[4]).add(new BigDecimal("0.01")).toPlainString();
            }
            lines.add(l);
        }
        assertTrue("the trades were found: " + missing + amountOff + feeOff, missing != null && amountOff != null && feeOff != null);
        lines.add(new String[] {"SUCCESS", "NOT-TESSERA-1", "4200000999", "5.00", "0.03", "", java.time.OffsetDateTime.now().toString()});
        byte[] file = wechatBill(mchid, lines);
        String upload = "/reports/bills?method=WECHAT&merchantId=" + mchid + "&day=" + today();
        Answer started = upload(upload, file, "text/csv", finance);
        assertEquals(started.toString(), 202, started.status);
        assertEquals(lines.size(), started.json.get("rows").asLong());
        assertEquals("SUCCEEDED", awaitJob(started.json.get("jobId").asLong(), finance).get("status").asText());
        JsonNode wxBill = billOf("WECHAT");
        long billId = wxBill.get("id").asLong();
        assertEquals(wxBill.toString(), 4, wxBill.get("open").asLong());
        JsonNode diffs = call("GET", "/reports/bills/" + billId + "/differences?state=OPEN", null, finance).json;
        Map<String, String> kinds = new HashMap<>();
        for (JsonNode d : diffs.get("items")) {
            kinds.put(d.get("tradeNo").asText(), d.get("kind").asText());
        }
        assertEquals(Map.of(missing, "MISSING_IN_BILL", amountOff, "AMOUNT_MISMATCH", feeOff, "FEE_MISMATCH", "NOT-TESSERA-1", "MISSING_IN_TESSERA"),
                kinds);

        // The same file again: nothing new. Another file for the day: refused.
        Answer again = upload(upload, file, "text/csv", finance);
        assertEquals(again.toString(), 200, again.status);
        assertTrue(again.json.get("duplicate").asBoolean());
        assertEquals(billId, again.json.get("id").asLong());
        assertEquals(4, call("GET", "/reports/bills/" + billId + "/differences", null, finance).json.get("total").asLong());
        assertEquals("BILL_ALREADY_IMPORTED", upload(upload, wechatBill(mchid, lines.subList(0, 1)), "text/csv", finance).code());
        Answer garbage = upload(upload, "not a bill".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv", finance);
        assertEquals(garbage.toString(), 400, garbage.status);
        assertEquals("BILL_INVALID", garbage.code());

        // The day closes only when every difference is resolved, each with who and why.
        assertEquals("BILL_DAY_OPEN", call("POST", "/reports/bills/" + billId + "/close", null, finance).code());
        long first = diffs.at("/items/0/id").asLong();
        Answer noReason = call("POST", "/reports/bills/differences/" + first + "/resolution", "{\"resolution\":\"CHANNEL_WINS\"}", finance);
        assertEquals(noReason.toString(), 400, noReason.status);
        assertEquals("reason", noReason.field());
        for (JsonNode d : diffs.get("items")) {
            Answer r = call("POST", "/reports/bills/differences/" + d.get("id").asLong() + "/resolution",
                    "{\"resolution\":\"" + (d.get("kind").asText().equals("MISSING_IN_TESSERA") ? "CHANNEL_WINS" : "TESSERA_WINS")
                            + "\",\"reason\":\"核对小票与渠道流水\"}", finance);
            assertEquals(r.toString(), 200, r.status);
            assertEquals("RESOLVED", r.json.get("state").asText());
            assertTrue(r.toString(), r.json.get("resolvedBy").asText().length() > 0);
        }
        assertEquals("DIFFERENCE_NOT_OPEN", call("POST", "/reports/bills/differences/" + first + "/resolution",
                "{\"resolution\":\"CHANNEL_WINS\",\"reason\":\"again\"}", finance).code());
        Answer close = call("POST", "/reports/bills/" + billId + "/close", null, finance);
        assertEquals(close.toString(), 200, close.status);
        assertEquals(4, close.json.get("resolved").asLong());

        // Store roles see no bills; SOAP lists them.
        assertEquals(403, call("GET", "/reports/bills", null, bearer(CLERK_103)).status);
        Answer soap = soap("reporting", "<r:listBills xmlns:r=\"urn:tessera:reporting\"><method>WECHAT</method><from>" + today() + "</from><to>" + today()
                + "</to></r:listBills>", finance);
        assertEquals(soap.toString(), 200, soap.status);
        assertTrue(soap.text, soap.text.contains("<merchantId>" + mchid + "</merchantId>"));
    }

    @Test
    public void aCashiersDayIsCountedLongOrShortPerMethodAndTheFundsDueAddUp() {
        String clerk = bearer(CLERK_103);
        long store = storeId("103");
        String till = "T" + (System.nanoTime() % 100000);
        long m = member(store);
        assertEquals(201, call("POST", "/wallets/recharges", "{\"memberId\":" + m + ",\"storeId\":" + store + ",\"amount\":100.00,\"method\":\"CASH\"}",
                clerk, key()).status);
        String cash = sale(store, null, "50.00", null, "", till);
        pay(cash, "{\"method\":\"CASH\",\"amount\":50.00,\"cashReceived\":100.00}");
        String member = sale(store, m, "20.00", null, "\"MEMBER\"", till);
        JsonNode memberOrder = call("GET", "/orders/" + member, null, clerk).json;
        pay(member, "{\"method\":\"MEMBER\",\"amount\":" + memberOrder.get("payable").asText() + "}");
        String wx = sale(store, null, "30.00", null, "", till);
        pay(wx, "{\"method\":\"WECHAT\",\"amount\":30.00,\"authCode\":\"" + sims.wechat().authCode() + "\"}");
        refund(cash, "10.00");
        String cashier = call("GET", "/orders/" + cash, null, clerk).json.get("operator").asText();
        assertEquals(till, call("GET", "/orders/" + cash, null, clerk).json.get("tillNo").asText());
        String whose = "?storeId=" + store + "&day=" + today() + "&tillNo=" + till + "&cashier=" + cashier;

        JsonNode[] r = new JsonNode[1];
        await("the till's takings in the read model", 60, () -> {
            r[0] = call("GET", "/reports/cashier" + whose, null, clerk).json;
            return r[0].has("lines") && "40.00".equals(r[0].at("/lines/4/expected").asText()) && "30.00".equals(r[0].at("/lines/0/expected").asText());
        });
        assertEquals("CASH", r[0].at("/lines/4/method").asText());
        assertEquals(1, r[0].at("/lines/4/orders").asLong());
        assertEquals(1, r[0].at("/lines/4/refunds").asLong());
        assertEquals(memberOrder.get("payable").asText(), r[0].at("/lines/3/expected").asText());
        assertEquals("NOT_COUNTED", r[0].at("/lines/4/result").asText());
        BigDecimal discount = new BigDecimal(memberOrder.get("discount").asText());
        assertEquals(0, discount.compareTo(new BigDecimal(r[0].get("discount").asText())));
        assertEquals("POS mobile total = net received + discount", 0,
                new BigDecimal("30.00").add(discount).compareTo(new BigDecimal(r[0].get("posMobileTotal").asText())));

        String count = "{\"storeId\":" + store + ",\"day\":\"" + today() + "\",\"tillNo\":\"" + till + "\",\"cashier\":\"" + cashier
                + "\",\"counts\":[{\"method\":\"CASH\",\"amount\":39.50},{\"method\":\"WECHAT\",\"amount\":30.00}]}";
        Answer counted = call("PUT", "/reports/cashier/counts", count, clerk);
        assertEquals(counted.toString(), 200, counted.status);
        assertEquals("SHORT", counted.json.at("/lines/4/result").asText());
        assertEquals("-0.50", counted.json.at("/lines/4/difference").asText());
        assertEquals("EVEN", counted.json.at("/lines/0/result").asText());
        assertEquals("NOT_COUNTED", counted.json.at("/lines/3/result").asText());
        assertEquals(cashier, counted.json.get("countedBy").asText());
        Answer recount = call("PUT", "/reports/cashier/counts", count.replace("39.50", "40.00"), clerk);
        assertEquals("EVEN", recount.json.at("/lines/4/result").asText());
        assertEquals("0.00", recount.json.get("difference").asText());

        // 操作记录: both counts, by whom, from the audit trail; another store's clerk sees none of them.
        JsonNode ops = call("GET", "/reports/operations?from=" + today() + "&to=" + today() + "&storeId=" + store + "&action=reporting.cashier", null,
                clerk).json;
        assertTrue(ops.toString(), ops.get("total").asLong() >= 2);
        assertEquals(cashier, ops.at("/items/0/actor").asText());
        assertEquals(403, call("GET", "/reports/operations?from=" + today() + "&to=" + today() + "&storeId=" + store, null, bearer(CLERK_101)).status);
        assertEquals("to", call("GET", "/reports/operations?from=2020-01-01&to=" + today(), null, bearer(FINANCE)).field());

        JsonNode behind = call("GET", "/reports/cashier/orders" + whose + "&method=CASH", null, clerk).json;
        assertEquals(behind.toString(), 2, behind.get("total").asLong());
        assertEquals("50.00", behind.at("/items/0/amount").asText());
        assertEquals("-10.00", behind.at("/items/1/amount").asText());

        assertEquals(403, call("GET", "/reports/cashier" + whose, null, bearer(CLERK_101)).status);
        Answer none = call("PUT", "/reports/cashier/counts", count.replaceAll("\\[.*\\]", "[]"), clerk);
        assertEquals(none.toString(), "counts", none.field());
        Answer twice = call("PUT", "/reports/cashier/counts", count.replace("WECHAT", "CASH"), clerk);
        assertEquals(twice.toString(), "counts[1].method", twice.field());
        Answer fen = call("PUT", "/reports/cashier/counts", count.replace("39.50", "39.505"), clerk);
        assertEquals(fen.toString(), 400, fen.status);
        assertEquals("PUT only", 405, call("POST", "/reports/cashier/counts", count, clerk).status);

        // 财务对账: each line's funds = sales + recharges − fees, and the lines add up to the totals.
        Answer funds = call("GET", "/reports/bills/funds?from=" + today() + "&to=" + today(), null, bearer(FINANCE));
        assertEquals(funds.toString(), 200, funds.status);
        BigDecimal total = BigDecimal.ZERO;
        boolean wechat = false;
        for (JsonNode l : funds.json.get("lines")) {
            assertEquals(l.toString(), 0, dec(l, "sales").add(dec(l, "recharges")).subtract(dec(l, "fees")).compareTo(dec(l, "funds")));
            total = total.add(dec(l, "funds"));
            wechat |= "WECHAT".equals(l.get("method").asText()) && l.hasNonNull("merchantId") && dec(l, "sales").compareTo(new BigDecimal("30.00")) >= 0;
        }
        assertTrue(funds.toString(), wechat);
        assertEquals(0, total.compareTo(dec(funds.json.get("total"), "funds")));
        assertEquals(403, call("GET", "/reports/bills/funds?from=" + today() + "&to=" + today(), null, clerk).status);
        assertEquals("REPORT_RANGE_INVALID", call("GET", "/reports/bills/funds?from=2026-01-01&to=2026-12-31", null, bearer(FINANCE)).code());
    }

    /** A coupon of ten yuan off, claimed at store 103, used on a cash sale there and given back by the sale's full refund. */
    private String couponUsedAndReturned(long store, long member) {
        String hq = bearer(HQ_ADMIN);
        Answer t = call("POST", "/coupons/templates", "{\"name\":\"报表十元券\",\"kind\":\"CASH\",\"value\":10.00,\"validity\":\"RELATIVE\",\"validDays\":30}", hq);
        assertEquals(t.toString(), 201, t.status);
        long template = t.json.get("id").asLong();
        assertEquals(200, call("POST", "/coupons/templates/" + template + "/activate", null, hq).status);
        Answer c = call("POST", "/coupons", "{\"templateId\":" + template + ",\"memberId\":" + member + "}", bearer(CLERK_103), key());
        assertEquals(c.toString(), 201, c.status);
        String no = c.json.get("no").asText();
        Answer order = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"RPT-" + System.nanoTime() + "\",\"memberId\":" + member
                + ",\"lines\":[{\"sku\":\"A\",\"name\":\"维生素\",\"quantity\":1,\"unitPrice\":30.00}],\"payWith\":[\"CASH\"],"
                + "\"discounts\":[{\"source\":\"COUPON\",\"reference\":\"" + no + "\"}]}", bearer(CLERK_103), key());
        assertEquals(order.toString(), 201, order.status);
        String orderNo = order.json.get("orderNo").asText();
        pay(orderNo, "{\"method\":\"CASH\",\"amount\":20.00}");
        Answer refund = call("POST", "/orders/" + orderNo + "/refunds", "{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}", bearer(CLERK_103), key());
        assertEquals(refund.toString(), 201, refund.status);
        return no;
    }

    /** What differs between the reporting's figures and the domain's own (field by field), empty when they agree. */
    private static String disagreement(JsonNode ours, JsonNode theirs, String... fields) {
        StringBuilder d = new StringBuilder();
        for (String f : fields) {
            if (theirs == null || new BigDecimal(ours.get(f).asText()).compareTo(new BigDecimal(theirs.get(f).asText())) != 0) {
                d.append(f).append(": ").append(ours.get(f)).append(" vs ").append(theirs == null ? null : theirs.get(f)).append("; ");
            }
        }
        return d.toString();
    }

    /** Waits for the figures to agree; if they never do, says how they differ. */
    private static void awaitAgreement(String what, java.util.function.BooleanSupplier agree, String[] difference) {
        try {
            await(what, 60, agree);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + difference[0]);
        }
    }

    @Test
    public void theOverviewPointsAndCouponsAgreeWithTheirDomainsAndARebuildShowsTheSame() {
        String hq = bearer(HQ_ADMIN);
        long store = storeId("103");
        business(store);
        long member = member(store);
        String coupon = couponUsedAndReturned(store, member);
        Answer adjusted = call("POST", "/points/adjustments", "{\"memberId\":" + member + ",\"points\":120,\"reason\":\"报表补录\"}", hq, key());
        assertEquals(adjusted.toString(), 201, adjusted.status);
        String month = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String thisMonth = "?from=" + month + "-01&to=" + today();

        // 积分数据 and 优惠券统计 of the chain this month: what the points and coupons domains count themselves.
        String[] last = new String[1];
        awaitAgreement("the points data to agree with the points' statistics", () -> {
            JsonNode theirs = call("GET", "/points/stats/monthly?from=" + month + "&to=" + month, null, hq).json.get(0);
            JsonNode ours = call("GET", "/reports/points" + thisMonth, null, hq).json.get("total");
            last[0] = disagreement(ours, theirs, "issued", "spent", "released", "putBack", "expired", "takenBack", "adjusted", "net");
            return last[0].isEmpty() && ours.get("adjusted").asLong() >= 120;
        }, last);
        awaitAgreement("the coupon statistics to agree with the coupons' own", () -> {
            JsonNode theirs = call("GET", "/coupons/stats?from=" + month + "&to=" + month, null, hq).json.get(0);
            JsonNode ours = call("GET", "/reports/coupons" + thisMonth, null, hq).json.get("total");
            last[0] = disagreement(ours, theirs, "claimed", "redeemed", "discount", "returned", "returnedDiscount");
            return last[0].isEmpty() && ours.get("returned").asLong() >= 1;
        }, last);
        JsonNode points = call("GET", "/reports/points" + thisMonth, null, hq).json;
        assertTrue(points.toString(), points.at("/total/adjusted").asLong() >= 120);
        JsonNode coupons = call("GET", "/reports/coupons" + thisMonth, null, hq).json;
        assertTrue(coupons.toString(), coupons.at("/total/returned").asLong() >= 1);

        // 概览 of the store and day: its sales are the payment-method report's, its recharges the recharge report's, its
        // consumption the stored-value report's; its members those registered there.
        awaitAgreement("the overview to follow the day", () -> {
            JsonNode o = call("GET", "/reports/overview" + range(store), null, hq).json.get("total");
            JsonNode pm = call("GET", "/reports/payment-methods" + range(store), null, hq).json.get("total");
            JsonNode rc = call("GET", "/reports/recharges" + range(store), null, hq).json.get("total");
            BigDecimal consumed = BigDecimal.ZERO;
            for (JsonNode t : call("GET", "/reports/stored-value" + range(store), null, hq).json.get("types")) {
                consumed = "CONSUME".equals(t.get("type").asText()) ? dec(t, "amount").negate() : consumed;
            }
            last[0] = (o.get("sales").asLong() == pm.get("orders").asLong() ? "" : "sales " + o + " vs " + pm)
                    + (dec(o, "salesAmount").compareTo(dec(pm, "netReceived")) == 0 ? "" : "sales amount " + o + " vs " + pm)
                    + (o.get("recharges").asLong() == rc.get("recharges").asLong() ? "" : "recharges " + o + " vs " + rc)
                    + (dec(o, "rechargeAmount").compareTo(dec(rc, "rechargeAmount")) == 0 ? "" : "recharge amount " + o + " vs " + rc)
                    + (dec(o, "consumptionAmount").compareTo(consumed) == 0 ? "" : "consumption " + o + " vs " + consumed)
                    + (o.get("newMembers").asLong() >= 2 && o.get("couponsRedeemed").asLong() >= 1 ? "" : "members and coupons " + o);
            return last[0].isEmpty();
        }, last);
        JsonNode overview = call("GET", "/reports/overview" + range(store), null, hq).json;
        assertEquals(overview.toString(), 1, overview.get("periods").size());
        assertTrue(overview.toString(), overview.at("/total/members").asLong() >= overview.at("/total/newMembers").asLong());
        JsonNode chainMonth = call("GET", "/reports/overview" + thisMonth, null, hq).json;

        // Rebuilt from the domains' feeds, the counts are the same.
        Answer rebuild = call("POST", "/reports/read-model/rebuild", null, hq);
        assertEquals(rebuild.toString(), 202, rebuild.status);
        JsonNode job = awaitJob(rebuild.json.get("id").asLong(), hq);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        assertTrue(job.toString(), job.at("/counters/members").asLong() > 0 && job.at("/counters/pointsEntries").asLong() > 0
                && job.at("/counters/redemptions").asLong() > 0);
        assertEquals(points, call("GET", "/reports/points" + thisMonth, null, hq).json);
        assertEquals(coupons, call("GET", "/reports/coupons" + thisMonth, null, hq).json);
        assertEquals(overview, call("GET", "/reports/overview" + range(store), null, hq).json);
        assertEquals(chainMonth, call("GET", "/reports/overview" + thisMonth, null, hq).json);

        // SOAP, and the exports: the coupons' redemption records (names joined) and the operation records.
        Answer soap = soap("reporting", "<r:getOverviewReport xmlns:r=\"urn:tessera:reporting\"><query><from>" + today() + "</from><to>" + today()
                + "</to><storeId>" + store + "</storeId></query></r:getOverviewReport>", hq);
        assertTrue(soap.text, soap.text.contains("<newMembers>" + overview.at("/total/newMembers").asText() + "</newMembers>"));
        Answer ops = soap("reporting", "<r:listOperations xmlns:r=\"urn:tessera:reporting\"><from>" + today() + "</from><to>" + today()
                + "</to><action>points.</action></r:listOperations>", hq);
        assertTrue(ops.text, ops.text.contains("<action>points.adjust"));
        Answer redemptions = call("POST", "/reports/exports?report=COUPON_REDEMPTIONS&format=csv" + range(store).replace('?', '&'), null, hq);
        assertEquals(redemptions.toString(), 202, redemptions.status);
        JsonNode done = awaitJob(redemptions.json.get("id").asLong(), hq);
        assertEquals(done.toString(), "SUCCEEDED", done.get("status").asText());
        String csv = new String(download("/jobs/" + done.get("id").asLong() + "/result", hq).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv, csv.startsWith("\uFEFF券号,券模板") && csv.contains(coupon) && csv.contains("报表十元券") && csv.contains("测试会员"));
        Answer operations = call("POST", "/reports/exports?report=OPERATIONS&format=xlsx&from=" + today() + "&to=" + today() + "&action=points.", null, hq);
        assertEquals(operations.toString(), 202, operations.status);
        assertEquals("SUCCEEDED", awaitJob(operations.json.get("id").asLong(), hq).get("status").asText());
        for (String kind : List.of("OVERVIEW", "POINTS", "COUPONS", "COUPON_CLAIMS")) {
            Answer export = call("POST", "/reports/exports?report=" + kind + "&format=csv" + thisMonth.replace('?', '&'), null, hq);
            assertEquals(export.toString(), 202, export.status);
            JsonNode finished = awaitJob(export.json.get("id").asLong(), hq);
            assertEquals(finished.toString(), "SUCCEEDED", finished.get("status").asText());
        }
        Answer tooLong = call("POST", "/reports/exports?report=OPERATIONS&from=2020-01-01&to=" + today(), null, hq);
        assertEquals(tooLong.toString(), 400, tooLong.status);
    }

    @Test
    public void badQueriesAreRefusedWithTheirField() {
        String hq = bearer(HQ_ADMIN);
        Answer noFrom = call("GET", "/reports/payment-methods?to=" + today(), null, hq);
        assertEquals(noFrom.toString(), 400, noFrom.status);
        assertEquals("REPORT_RANGE_INVALID", noFrom.code());
        assertEquals("from", noFrom.field());
        Answer backwards = call("GET", "/reports/recharges?from=" + today() + "&to=2020-01-01", null, hq);
        assertEquals("to", backwards.field());
        Answer badDate = call("GET", "/reports/recharges?from=2026-13-01&to=2026-12-01", null, hq);
        assertEquals(badDate.toString(), 400, badDate.status);
        assertEquals("from", badDate.field());
        assertEquals("REPORT_FORMAT_NOT_FOUND", call("GET", "/reports/payment-methods?from=" + today() + "&to=" + today() + "&formatCode=NOPE",
                null, hq).code());
        assertEquals("FIELD_INVALID", call("GET", "/reports/recharges/records?from=" + today() + "&to=" + today() + "&method=BITCOIN", null,
                hq).code());
        assertEquals(401, call("GET", "/reports/payment-methods?from=" + today() + "&to=" + today(), null, null).status);
        Answer fault = soap("reporting", "<r:getRechargeReport xmlns:r=\"urn:tessera:reporting\"><query><to>" + today() + "</to></query></r:getRechargeReport>",
                hq);
        assertTrue(fault.text, fault.text.contains("REPORT_RANGE_INVALID"));
    }
}
