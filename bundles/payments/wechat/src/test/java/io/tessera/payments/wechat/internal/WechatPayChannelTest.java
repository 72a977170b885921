package io.tessera.payments.wechat.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.payments.api.channel.ChannelInfo;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.RefundRequest;
import io.tessera.payments.api.channel.RefundResult;
import io.tessera.payments.simulator.wechat.WechatSimulator;
import io.tessera.payments.simulator.wechat.WechatSimulator.Outcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/** Payments, closes, refunds and configuration of the adapter against the simulator. */
public class WechatPayChannelTest extends SimulatorFixture {

    @Test
    public void paymentCodeSucceeds() {
        String no = no("P");
        ChannelResult r = channel.pay(payRequest(1, no, 1234, "134567890123456789"));
        assertEquals(ChannelState.SUCCEEDED, r.state);
        assertEquals(Long.valueOf(1234), r.paidFen);
        assertNotNull(r.channelTradeNo);
        assertNotNull(r.paidAt);
        assertEquals(no, r.outTradeNo);
        assertEquals("SUCCESS", sim.trade(no).state);
        assertTrue(sim.rejectedRequests().isEmpty());
    }

    @Test
    public void paymentCodeRefusedIsFailedWithTheChannelsCode() {
        String no = no("P");
        sim.script("134500000000000001", Outcome.FAIL);
        ChannelResult r = channel.pay(payRequest(1, no, 500, "134500000000000001"));
        assertEquals(ChannelState.FAILED, r.state);
        assertEquals("NOT_ENOUGH", r.channelCode);
        assertNotNull(r.channelMessage);
        ChannelResult q = channel.query(1, no, false);
        assertEquals(ChannelState.FAILED, q.state);
        assertEquals("PAYERROR", q.channelCode);
    }

    @Test
    public void userPayingIsWaitingUntilTheCustomerConfirms() {
        String no = no("P");
        sim.script("134500000000000002", Outcome.USER_PAYING);
        ChannelResult r = channel.pay(payRequest(2, no, 800, "134500000000000002"));
        assertEquals(ChannelState.WAITING, r.state);
        assertEquals(ChannelState.WAITING, channel.query(2, no, false).state);
        sim.pay(no);
        ChannelResult q = channel.query(2, no, false);
        assertEquals(ChannelState.SUCCEEDED, q.state);
        assertEquals(Long.valueOf(800), q.paidFen);
    }

    @Test
    public void userPayingGivenUpFails() {
        String no = no("P");
        sim.script("134500000000000003", Outcome.USER_PAYING);
        channel.pay(payRequest(1, no, 800, "134500000000000003"));
        sim.failWaiting(no);
        assertEquals(ChannelState.FAILED, channel.query(1, no, false).state);
    }

    @Test
    public void closeOfAPaymentCodeStillConfirmingReversesIt() {
        String no = no("P");
        sim.script("134500000000000004", Outcome.USER_PAYING);
        channel.pay(payRequest(1, no, 800, "134500000000000004"));
        ChannelResult r = channel.close(1, no, false);
        assertEquals(ChannelState.CLOSED, r.state);
        assertEquals("REVOKED", sim.trade(no).state);
        assertEquals(ChannelState.CLOSED, channel.query(1, no, false).state);
    }

    @Test
    public void qrCodeWaitsWithItsUrlAndCloses() {
        String no = no("Q");
        ChannelResult r = channel.pay(payRequest(1, no, 2345, null));
        assertEquals(ChannelState.WAITING, r.state);
        assertTrue(r.codeUrl, r.codeUrl.startsWith("weixin://wxpay/bizpayurl?pr="));
        assertEquals(ChannelState.WAITING, channel.query(1, no, false).state);
        assertEquals(ChannelState.CLOSED, channel.close(1, no, false).state);
        assertEquals("CLOSED", sim.trade(no).state);
        assertEquals("closing again answers the final state", ChannelState.CLOSED, channel.close(1, no, false).state);
    }

    @Test
    public void closeOfAPaidPaymentAnswersPaid() {
        String no = no("Q");
        channel.pay(payRequest(1, no, 2345, null));
        sim.pay(no);
        assertEquals(ChannelState.SUCCEEDED, channel.close(1, no, false).state);
        assertEquals("SUCCESS", sim.trade(no).state);
    }

    @Test
    public void queryOfAPaymentTheChannelNeverSawIsNotFound() {
        assertEquals(ChannelState.NOT_FOUND, channel.query(1, no("X"), false).state);
        assertEquals(ChannelState.NOT_FOUND, channel.close(1, no("X"), false).state);
    }

    @Test
    public void timeoutIsUnknownThenTheQuerySaysPaid() {
        String no = no("T");
        sim.script("134500000000000005", Outcome.TIMEOUT);
        sim.answerDelay(Duration.ofSeconds(4));
        ChannelResult r = channel.pay(payRequest(1, no, 999, "134500000000000005"));
        assertEquals(ChannelState.UNKNOWN, r.state);
        ChannelResult q = channel.query(1, no, false);
        assertEquals(ChannelState.SUCCEEDED, q.state);
        assertEquals(Long.valueOf(999), q.paidFen);
    }

    @Test
    public void aQueryThatTimesOutIsUnknown() {
        String no = no("T");
        channel.pay(payRequest(1, no, 999, "134500000000000006"));
        sim.answerDelay(Duration.ofSeconds(4));
        sim.scriptQuery(no, true);
        assertEquals(ChannelState.UNKNOWN, channel.query(1, no, false).state);
        sim.scriptQuery(no, false);
        assertEquals(ChannelState.SUCCEEDED, channel.query(1, no, false).state);
    }

    @Test
    public void anUnreachableChannelIsUnknownNeverFailed() throws Exception {
        Map<String, Object> down = new HashMap<>(cfg);
        down.put("baseUrl", "http://127.0.0.1:9");
        WechatPayChannel c = channel(down, Clock.systemUTC());
        assertEquals(ChannelState.UNKNOWN, c.pay(payRequest(1, no("U"), 100, "134500000000000007")).state);
        assertEquals(ChannelState.UNKNOWN, c.query(1, no("U"), false).state);
        assertEquals(RefundResult.State.UNKNOWN, c.refund(refund(no("U"), no("R"), 10, 100)).state);
    }

    @Test
    public void refundIsProcessingThenSucceeded() {
        String no = no("P");
        channel.pay(payRequest(1, no, 10000, "134567890123456789"));
        String rno = no("R");
        RefundResult r = channel.refund(refund(no, rno, 4000, 10000));
        assertEquals(RefundResult.State.PROCESSING, r.state);
        assertEquals(Long.valueOf(4000), r.refundFen);
        assertNotNull(r.channelRefundNo);
        RefundResult q = channel.queryRefund(1, null, rno);
        assertEquals(RefundResult.State.SUCCEEDED, q.state);
        assertEquals(Long.valueOf(4000), q.refundFen);
        assertNotNull(q.refundedAt);
    }

    @Test
    public void refundSettledByHand() {
        sim.settleRefundsAutomatically(false);
        String no = no("P");
        channel.pay(payRequest(1, no, 10000, "134567890123456789"));
        String rno = no("R");
        assertEquals(RefundResult.State.PROCESSING, channel.refund(refund(no, rno, 10000, 10000)).state);
        assertEquals(RefundResult.State.PROCESSING, channel.queryRefund(1, null, rno).state);
        sim.settleRefund(rno);
        assertEquals(RefundResult.State.SUCCEEDED, channel.queryRefund(1, null, rno).state);
    }

    @Test
    public void aRetriedRefundRefundsOnce() {
        String no = no("P");
        channel.pay(payRequest(1, no, 10000, "134567890123456789"));
        String rno = no("R");
        RefundResult first = channel.refund(refund(no, rno, 3000, 10000));
        RefundResult again = channel.refund(refund(no, rno, 3000, 10000));
        assertEquals(first.channelRefundNo, again.channelRefundNo);
        WechatSimulator.Trade t = sim.trade(no);
        assertEquals(Map.of(rno, 3000L), t.refunds);
        assertEquals(2, t.refundRequests);
        RefundResult other = channel.refund(refund(no, rno, 3001, 10000));
        assertEquals(RefundResult.State.FAILED, other.state);
        assertEquals("INVALID_REQUEST", other.channelCode);
        assertEquals(Map.of(rno, 3000L), sim.trade(no).refunds);
    }

    @Test
    public void refundRefusalsAreFailed() {
        String no = no("P");
        channel.pay(payRequest(1, no, 1000, "134567890123456789"));
        RefundResult tooMuch = channel.refund(refund(no, no("R"), 1001, 1000));
        assertEquals(RefundResult.State.FAILED, tooMuch.state);
        RefundResult unpaid = channel.refund(refund(no("X"), no("R"), 10, 1000));
        assertEquals(RefundResult.State.FAILED, unpaid.state);
        assertEquals("RESOURCE_NOT_EXISTS", unpaid.channelCode);
        RefundResult unknown = channel.queryRefund(1, null, no("R"));
        assertEquals("a refund WeChat never received is asked for again", RefundResult.State.NOT_FOUND, unknown.state);
        assertEquals("RESOURCE_NOT_EXISTS", unknown.channelCode);
    }

    @Test
    public void aStoreWithoutAccountIsNotAvailable() {
        String m = expect("CHANNEL_NOT_AVAILABLE", () -> channel.feeRate(3)).getMessage();
        assertTrue(m, m.contains("is not configured for store S999"));
        expect("CHANNEL_NOT_AVAILABLE", () -> channel.pay(payRequest(3, no("P"), 1, "134567890123456789")));
        assertEquals(new BigDecimal("0.0060"), channel.feeRate(1));
        WechatPayChannel empty = channel(Map.of(), Clock.systemUTC());
        m = expect("CHANNEL_NOT_AVAILABLE", () -> empty.feeRate(1)).getMessage();
        assertTrue(m, m.contains("is not configured for store S001"));
        assertTrue(empty.info().accounts.isEmpty());
    }

    @Test
    public void configurationAppliesToTheNextCall() {
        Map<String, Object> changed = new HashMap<>(cfg);
        changed.put("merchant.main.stores", "*");
        channel.modified(changed);
        assertEquals(new BigDecimal("0.0060"), channel.feeRate(3));
        assertEquals(ChannelState.SUCCEEDED, channel.pay(payRequest(3, no("P"), 10, "134567890123456789")).state);
    }

    @Test
    public void infoHasNoSecretAndSaysWhyAnAccountIsNotReady() throws Exception {
        Map<String, Object> c = new HashMap<>(cfg);
        c.putAll(Map.of("merchant.broken.mchid", "1900000999", "merchant.broken.appid", "wx1",
                "merchant.broken.serialNo", "ABC", "merchant.broken.privateKeyFile", "/nonexistent/apiclient_key.pem",
                "merchant.broken.apiV3KeyFile", cfg.get("merchant.main.apiV3KeyFile"),
                "merchant.broken.publicKeyId", "PUB_KEY_ID_X", "merchant.broken.publicKeyFile",
                cfg.get("merchant.main.publicKeyFile"), "merchant.broken.stores", "S999",
                "merchant.broken.feeRate", "0.0038"));
        channel.modified(c);
        ChannelInfo info = channel.info();
        assertEquals(2, info.accounts.size());
        ChannelInfo.Account broken = info.accounts.get(0);
        assertEquals("broken", broken.name);
        assertFalse(broken.ready);
        assertTrue(broken.problem, broken.problem.contains("privateKeyFile /nonexistent/apiclient_key.pem cannot be read"));
        ChannelInfo.Account main = info.accounts.get(1);
        assertTrue(main.ready);
        assertNull(main.problem);
        assertEquals(cfg.get("merchant.main.mchid"), main.merchantId);
        String all = new ObjectMapper().writeValueAsString(info);
        String apiV3Key = Files.readString(Path.of((String) cfg.get("merchant.main.apiV3KeyFile"))).trim();
        assertFalse(all.contains(apiV3Key));
        assertFalse(all.contains("BEGIN"));
        assertFalse(all.contains(pemBody((String) cfg.get("merchant.main.privateKeyFile"))));
        String m = expect("CHANNEL_NOT_AVAILABLE", () -> channel.feeRate(3)).getMessage();
        assertTrue(m, m.contains("not ready"));
    }

    @Test
    public void theSimulatorRejectsAWrongMerchantKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path other = tmp.newFile("other_key.pem").toPath();
        Files.writeString(other, WechatCryptoTest.pem("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded()));
        Map<String, Object> c = new HashMap<>(cfg);
        c.put("merchant.main.privateKeyFile", other.toString());
        ChannelResult r = channel(c, Clock.systemUTC()).pay(payRequest(1, no("P"), 10, "134567890123456789"));
        assertEquals(ChannelState.FAILED, r.state);
        assertEquals("SIGN_ERROR", r.channelCode);
        assertEquals(java.util.List.of("/v3/pay/transactions/codepay"), sim.rejectedRequests());
    }

    private static String pemBody(String file) throws Exception {
        String[] lines = Files.readString(Path.of(file)).split("\n");
        return lines[1];
    }

    static RefundRequest refund(String outTradeNo, String outRefundNo, long fen, long total) {
        RefundRequest r = new RefundRequest();
        r.storeId = 1;
        r.outTradeNo = outTradeNo;
        r.outRefundNo = outRefundNo;
        r.refundFen = fen;
        r.totalFen = total;
        r.reason = "customer returned goods";
        return r;
    }
}
