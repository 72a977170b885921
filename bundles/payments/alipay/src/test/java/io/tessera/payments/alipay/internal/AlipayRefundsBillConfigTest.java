package io.tessera.payments.alipay.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.payments.api.channel.Bill;
import io.tessera.payments.api.channel.ChannelInfo;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.RefundResult;
import io.tessera.payments.simulator.alipay.AlipaySimulator;
import io.tessera.platform.api.TesseraException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Refunds, the bill, configuration (accounts, keys, info) and signature failures against the simulator. */
public class AlipayRefundsBillConfigTest extends SimulatorTestBase {

    @Test
    public void refundProcessingThenQueriedSucceeded() {
        sim.settleRefundsAutomatically(false);
        String no = no("RF");
        channel.pay(pay(1, no, 10000, "284700000000000001"));
        RefundResult r = channel.refund(refund(no, no + "-1", 3000, 10000));
        assertEquals(RefundResult.State.PROCESSING, r.state);
        assertEquals(RefundResult.State.PROCESSING, channel.queryRefund(1, no, no + "-1").state);
        sim.settleRefund(no + "-1");
        RefundResult q = channel.queryRefund(1, no, no + "-1");
        assertEquals(RefundResult.State.SUCCEEDED, q.state);
        assertEquals(Long.valueOf(3000), q.refundFen);
        assertNotNull(q.refundedAt);
        Notification n = channel.verify(request(sim.refundNotification(no + "-1")));
        assertEquals(Notification.Kind.REFUND, n.kind);
        assertEquals(no + "-1", n.refund.outRefundNo);
        assertEquals(RefundResult.State.SUCCEEDED, n.refund.state);
        assertNull("a notification tells the trade's refunded total only", n.refund.refundFen);
        assertEquals("TRADE_SUCCESS", n.refund.channelCode);
    }

    @Test
    public void refundRetriedWithTheSameNoRefundsOnce() {
        String no = no("RR");
        channel.pay(pay(1, no, 10000, "284700000000000002"));
        RefundResult first = channel.refund(refund(no, no + "-1", 10000, 10000));
        assertEquals(RefundResult.State.SUCCEEDED, first.state);
        assertEquals(Long.valueOf(10000), first.refundFen);
        RefundResult again = channel.refund(refund(no, no + "-1", 10000, 10000));
        assertEquals(RefundResult.State.SUCCEEDED, again.state);
        assertEquals(Long.valueOf(10000), again.refundFen);
        assertEquals(Map.of(no + "-1", 10000L), sim.trade(no).refunds);
        assertEquals(2, sim.trade(no).refundRequests);
        assertEquals("TRADE_CLOSED", sim.trade(no).state);
        Notification n = channel.verify(request(sim.refundNotification(no + "-1")));
        assertEquals(Notification.Kind.REFUND, n.kind);
        assertEquals("TRADE_CLOSED", n.refund.channelCode);
        RefundResult other = channel.refund(refund(no, no + "-1", 5000, 10000));
        assertEquals(RefundResult.State.FAILED, other.state);
        assertEquals("ACQ.DISCORDANT_REPEAT_REQUEST", other.channelCode);
    }

    @Test
    public void refundBeyondThePaymentIsRefused() {
        String no = no("RB");
        channel.pay(pay(1, no, 1000, "284700000000000003"));
        assertEquals(RefundResult.State.SUCCEEDED, channel.refund(refund(no, no + "-1", 600, 1000)).state);
        RefundResult r = channel.refund(refund(no, no + "-2", 600, 1000));
        assertEquals(RefundResult.State.FAILED, r.state);
        assertEquals("ACQ.REASON_TRADE_REFUND_FEE_ERR", r.channelCode);
        assertEquals(1, sim.trade(no).refunds.size());
    }

    @Test
    public void queryOfARefundAlipayNeverReceivedIsNotFoundEvenOnAFreshNode() {
        String no = no("RN");
        channel.pay(pay(1, no, 1000, "284700000000000009"));
        AlipayChannel fresh = new AlipayChannel(org(), cfg);
        RefundResult r = fresh.queryRefund(1, no, "R-NEVER");
        assertEquals(RefundResult.State.NOT_FOUND, r.state);
        assertEquals("REFUND_NOT_FOUND", r.channelCode);
    }

    @Test
    public void billHasTheDaysRowsAndFees() {
        String a = no("BA");
        String b = no("BB");
        channel.pay(pay(1, a, 10000, "284700000000000005"));
        channel.pay(pay(3, b, 2550, "284700000000000006"));
        channel.refund(refund(a, a + "-1", 3000, 10000));
        Bill bill = channel.bill(1, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertEquals(appId(), bill.merchantId);
        assertEquals(64, bill.sha256.length());
        assertEquals(3, bill.rows.size());
        Bill.Row pa = bill.rows.stream().filter(r -> r.outTradeNo.equals(a) && r.outRefundNo == null).findFirst().orElseThrow();
        assertEquals(10000, pa.amountFen);
        assertEquals(60, pa.feeFen);
        assertEquals(sim.trade(a).channelTradeNo, pa.channelTradeNo);
        Bill.Row pb = bill.rows.stream().filter(r -> r.outTradeNo.equals(b)).findFirst().orElseThrow();
        assertEquals(2550, pb.amountFen);
        assertEquals("2550 × 0.6 % = 15.3 → 15", 15, pb.feeFen);
        Bill.Row ra = bill.rows.stream().filter(r -> r.outRefundNo != null).findFirst().orElseThrow();
        assertEquals(a + "-1", ra.outRefundNo);
        assertEquals("退款", ra.state);
        assertEquals(3000, ra.amountFen);
        assertEquals(-18, ra.feeFen);
        assertEquals(0, channel.bill(1, LocalDate.of(2020, 1, 1)).rows.size());
    }

    @Test
    public void storeWithoutAccountIsNotAvailable() {
        expect503(() -> channel.feeRate(2), "102");
        expect503(() -> channel.pay(pay(2, no("NA"), 100, null)), "is not configured for store 102");
        assertEquals(0, new BigDecimal("0.0060").compareTo(channel.feeRate(1)));
        AlipayChannel empty = new AlipayChannel(org(), Map.of());
        expect503(() -> empty.feeRate(1), "is not configured for store 101");
        assertEquals(AlipayConfig.DEFAULT_BASE_URL, empty.info().baseUrl);
    }

    private static void expect503(Runnable r, String says) {
        try {
            r.run();
            fail();
        } catch (TesseraException e) {
            assertEquals("CHANNEL_NOT_AVAILABLE", e.getCode());
            assertEquals(503, e.getStatus());
            assertTrue(e.getMessage(), e.getMessage().contains(says));
        }
    }

    @Test
    public void infoHasNoSecret() throws Exception {
        String priv = Files.readString(Path.of((String) cfg.get("merchant.main.privateKeyFile")));
        String privB64 = priv.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        cfg.put("merchant.inline.stores", "*");
        cfg.put("merchant.inline.appId", "2021000000000001");
        cfg.put("merchant.inline.privateKey", privB64);
        cfg.put("merchant.inline.alipayPublicKeyFile", "/nonexistent/alipay.pem");
        cfg.put("merchant.inline.feeRate", "0.0038");
        channel.modified(cfg);
        ChannelInfo info = channel.info();
        String json = new ObjectMapper().writeValueAsString(info);
        assertFalse(json.contains(privB64.substring(0, 40)));
        assertFalse(json.contains(privB64.substring(privB64.length() - 40)));
        assertEquals(2, info.accounts.size());
        ChannelInfo.Account inline = info.accounts.get(0);
        assertEquals("inline", inline.name);
        assertFalse(inline.ready);
        assertTrue(inline.problem, inline.problem.contains("alipayPublicKeyFile /nonexistent/alipay.pem cannot be read"));
        ChannelInfo.Account main = info.accounts.get(1);
        assertTrue(main.ready);
        assertNull(main.problem);
        assertEquals(List.of("101", "103"), main.stores);
        assertEquals(appId(), main.merchantId);
        assertEquals("Alipay Open Platform (RSA2)", info.protocol);
        // store 102 now falls to the "*" account, which is not ready
        expect503(() -> channel.pay(pay(2, no("NR"), 100, null)), "not ready");
        assertEquals(0, new BigDecimal("0.0038").compareTo(channel.feeRate(2)));
    }

    @Test
    public void answerSignedWithAnotherKeyIsUnknown() throws Exception {
        Path otherKey = tmp.newFile("other-public.pem").toPath();
        AlipaySimulator other = AlipaySimulator.start(tmp.newFolder("other").toPath());
        try {
            other.tesseraConfig("x", "*", null);
            Files.copy(Path.of(other.tesseraConfig("x", "*", null).get("merchant.x.alipayPublicKeyFile")), otherKey,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            other.close();
        }
        cfg.put("merchant.main.alipayPublicKeyFile", otherKey.toString());
        channel.modified(cfg);
        String no = no("SK");
        assertEquals(ChannelState.UNKNOWN, channel.pay(pay(1, no, 100, "284700000000000007")).state);
        assertEquals("TRADE_SUCCESS", sim.trade(no).state);
    }

    @Test
    public void requestSignedWithAnotherKeyIsRejectedBySimulator() throws Exception {
        AlipaySimulator other = AlipaySimulator.start(tmp.newFolder("other2").toPath());
        try {
            cfg.put("merchant.main.privateKeyFile", other.tesseraConfig("x", "*", null).get("merchant.x.privateKeyFile"));
        } finally {
            other.close();
        }
        channel.modified(cfg);
        String no = no("RK");
        ChannelResult r = channel.pay(pay(1, no, 100, "284700000000000008"));
        assertEquals(ChannelState.FAILED, r.state);
        assertEquals("isv.invalid-signature", r.channelCode);
        assertNull(sim.trade(no));
        assertEquals(List.of("/gateway.do?method=alipay.trade.pay"), sim.rejectedRequests());
        assertEquals(ChannelState.UNKNOWN, channel.query(1, no, true).state);
    }

    @Test
    public void unreachableOrWrongGatewayIsUnknown() {
        cfg.put("baseUrl", sim.baseUrl() + "/nothing-here");
        channel.modified(cfg);
        assertEquals(ChannelState.UNKNOWN, channel.pay(pay(1, no("UG"), 100, "284700000000000009")).state);
        cfg.put("baseUrl", "http://127.0.0.1:9");
        channel.modified(cfg);
        assertEquals(ChannelState.UNKNOWN, channel.query(1, no("UG"), true).state);
        assertEquals(RefundResult.State.UNKNOWN, channel.refund(refund("X", "X-1", 1, 1)).state);
    }

    @Test
    public void maskKeepsTheLastFour() {
        assertEquals("**************1234", AlipayChannel.mask("284700000000001234"));
        assertEquals("****", AlipayChannel.mask("12"));
        assertEquals("a，b", AlipayChannel.subject("a,b"));
    }
}
