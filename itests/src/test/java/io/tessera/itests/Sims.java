package io.tessera.itests;

import io.tessera.payments.simulator.alipay.AlipaySimulator;
import io.tessera.payments.simulator.wechat.WechatSimulator;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.ops4j.pax.exam.Option;
import org.osgi.service.cm.ConfigurationAdmin;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two channel simulators behind one face, so a test runs the same scenario against WeChat Pay and
 * Alipay. Each simulator speaks its channel's protocol; this only forwards.
 */
final class Sims {

    private static final AtomicLong CODES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Sims() {
    }

    /** One channel's simulator, as the tests use it. */
    interface Sim {
        String name();

        String method();

        /** A payment code as the customer's app shows it (a new one each time). */
        String authCode();

        Map<String, String> config(String notifyUrl);

        void script(String authCode, String outcome);

        /** Whose payment code it is: the payer id the channel reports for its trade. */
        void payer(String authCode, String payerId);

        void answerDelay(Duration d);

        void pay(String outTradeNo);

        void autoNotify(boolean on);

        void settleRefundsAutomatically(boolean on);

        void settleRefund(String outRefundNo);

        long amountFen(String outTradeNo);

        long refundedFen(String outTradeNo);

        Object paymentNotification(String outTradeNo);

        /** Null when the channel has no refund notifications. */
        Object refundNotification(String outRefundNo);

        Object forged(Object delivery);

        Object withAmount(String outTradeNo, long fen);

        int deliver(Object delivery);
    }

    record Pair(Sim wechat, Sim alipay) {
        List<Sim> both() {
            return List.of(wechat, alipay);
        }
    }

    private static final String VERSION = "0.1.0-SNAPSHOT";

    /** What a test class that runs the simulators adds to the distribution: the two simulator bundles and the JDK's HTTP server. */
    static Option[] options() {
        return new Option[] {
            // The simulators are plain HTTP servers of the JDK (jdk.httpserver), for these tests only.
            editConfigurationFileExtend("etc/config.properties", "org.osgi.framework.system.packages.extra", "com.sun.net.httpserver"),
            bundle(new File("../bundles/payments/wechat-simulator/target/tessera-payments-wechat-simulator-" + VERSION + ".jar").toURI().toString()),
            bundle(new File("../bundles/payments/alipay-simulator/target/tessera-payments-alipay-simulator-" + VERSION + ".jar").toURI().toString())
        };
    }

    /** Starts both simulators and points Tessera's channel configuration (merchant account store103, store 103) at them. */
    static Pair startConfigured(File dir, ConfigurationAdmin configs, String base) throws IOException {
        Pair sims = start(dir);
        for (Sim s : sims.both()) {
            Dictionary<String, Object> props = new Hashtable<>();
            s.config(base + "/api/v1/payments/channels/" + s.name() + "/notify").forEach(props::put);
            props.put("readTimeoutMillis", "2000");
            configs.getConfiguration("io.tessera.payments." + s.name(), "?").update(props);
        }
        return sims;
    }

    static Pair start(File dir) {
        WechatSimulator w = WechatSimulator.start(new File(dir, "wechat").toPath());
        AlipaySimulator a = AlipaySimulator.start(new File(dir, "alipay").toPath());
        return new Pair(wechat(w), alipay(a));
    }

    private static Sim wechat(WechatSimulator s) {
        return new Sim() {
            public String name() {
                return "wechat";
            }

            public String method() {
                return "WECHAT";
            }

            public String authCode() {
                return "134" + String.format("%015d", CODES.incrementAndGet());
            }

            public Map<String, String> config(String notifyUrl) {
                return s.tesseraConfig("store103", "103", notifyUrl);
            }

            public void script(String authCode, String outcome) {
                s.script(authCode, WechatSimulator.Outcome.valueOf(outcome));
            }

            @Override
            public void payer(String authCode, String payerId) {
                s.payer(authCode, payerId);
            }

            public void answerDelay(Duration d) {
                s.answerDelay(d);
            }

            public void pay(String outTradeNo) {
                s.pay(outTradeNo);
            }

            public void autoNotify(boolean on) {
                s.autoNotify(on);
            }

            public void settleRefundsAutomatically(boolean on) {
                s.settleRefundsAutomatically(on);
            }

            public void settleRefund(String outRefundNo) {
                s.settleRefund(outRefundNo);
            }

            public long amountFen(String outTradeNo) {
                return s.trade(outTradeNo).amountFen;
            }

            public long refundedFen(String outTradeNo) {
                return s.trade(outTradeNo).refunds.values().stream().mapToLong(Long::longValue).sum();
            }

            public Object paymentNotification(String outTradeNo) {
                return s.paymentNotification(outTradeNo);
            }

            public Object refundNotification(String outRefundNo) {
                return s.refundNotification(outRefundNo);
            }

            public Object forged(Object d) {
                return s.forged((WechatSimulator.Delivery) d);
            }

            public Object withAmount(String outTradeNo, long fen) {
                return s.withAmount(outTradeNo, fen);
            }

            public int deliver(Object d) {
                return s.deliver((WechatSimulator.Delivery) d);
            }
        };
    }

    private static Sim alipay(AlipaySimulator s) {
        return new Sim() {
            public String name() {
                return "alipay";
            }

            public String method() {
                return "ALIPAY";
            }

            public String authCode() {
                return "28" + String.format("%016d", CODES.incrementAndGet());
            }

            public Map<String, String> config(String notifyUrl) {
                return s.tesseraConfig("store103", "103", notifyUrl);
            }

            public void script(String authCode, String outcome) {
                s.script(authCode, AlipaySimulator.Outcome.valueOf(outcome));
            }

            @Override
            public void payer(String authCode, String payerId) {
                s.payer(authCode, payerId);
            }

            public void answerDelay(Duration d) {
                s.answerDelay(d);
            }

            public void pay(String outTradeNo) {
                s.pay(outTradeNo);
            }

            public void autoNotify(boolean on) {
                s.autoNotify(on);
            }

            public void settleRefundsAutomatically(boolean on) {
                s.settleRefundsAutomatically(on);
            }

            public void settleRefund(String outRefundNo) {
                s.settleRefund(outRefundNo);
            }

            public long amountFen(String outTradeNo) {
                return s.trade(outTradeNo).amountFen;
            }

            public long refundedFen(String outTradeNo) {
                return s.trade(outTradeNo).refunds.values().stream().mapToLong(Long::longValue).sum();
            }

            public Object paymentNotification(String outTradeNo) {
                return s.paymentNotification(outTradeNo);
            }

            public Object refundNotification(String outRefundNo) {
                try {
                    return s.refundNotification(outRefundNo);
                } catch (UnsupportedOperationException e) {
                    return null;
                }
            }

            public Object forged(Object d) {
                return s.forged((AlipaySimulator.Delivery) d);
            }

            public Object withAmount(String outTradeNo, long fen) {
                return s.withAmount(outTradeNo, fen);
            }

            public int deliver(Object d) {
                return s.deliver((AlipaySimulator.Delivery) d);
            }
        };
    }
}
