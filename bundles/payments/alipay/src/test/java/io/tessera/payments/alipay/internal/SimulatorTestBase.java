package io.tessera.payments.alipay.internal;


import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.api.channel.PayRequest;
import io.tessera.payments.api.channel.RefundRequest;
import io.tessera.payments.simulator.alipay.AlipaySimulator;
import io.tessera.payments.simulator.alipay.AlipaySimulator.Delivery;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;

/** The adapter against a fresh simulator per test: every call over HTTP, signed both ways. */
public abstract class SimulatorTestBase {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final AtomicInteger SEQ = new AtomicInteger();
    protected AlipaySimulator sim;
    protected Map<String, Object> cfg;
    protected AlipayChannel channel;

    /** Stores 1 → "101", 2 → "102" (no account), 3 → "103". */
    static OrgService org() {
        return (OrgService) Proxy.newProxyInstance(SimulatorTestBase.class.getClassLoader(), new Class<?>[] {OrgService.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("findStore")) {
                        Store s = new Store();
                        s.id = (Long) args[0];
                        s.code = "10" + args[0];
                        return Optional.of(s);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Before
    public void start() throws Exception {
        sim = AlipaySimulator.start(tmp.newFolder("alipay").toPath());
        sim.autoNotify(false);
        cfg = new HashMap<>(sim.tesseraConfig("main", "101,103", "http://127.0.0.1:9/unused"));
        cfg.put("readTimeoutMillis", "1500");
        channel = new AlipayChannel(org(), cfg);
    }

    @After
    public void stop() {
        sim.close();
    }

    static String no(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet();
    }

    static PayRequest pay(long storeId, String outTradeNo, long fen, String authCode) {
        PayRequest r = new PayRequest();
        r.storeId = storeId;
        r.outTradeNo = outTradeNo;
        r.amountFen = fen;
        r.description = "103 蓝色港湾, order 42";
        r.authCode = authCode;
        return r;
    }

    static RefundRequest refund(String outTradeNo, String outRefundNo, long fen, long total) {
        RefundRequest r = new RefundRequest();
        r.storeId = 1;
        r.outTradeNo = outTradeNo;
        r.outRefundNo = outRefundNo;
        r.refundFen = fen;
        r.totalFen = total;
        r.reason = "customer return";
        return r;
    }

    static NotificationRequest request(Delivery d) {
        NotificationRequest n = new NotificationRequest();
        n.headers = d.headers();
        n.body = d.body();
        n.contentType = d.contentType();
        return n;
    }

    String appId() {
        return (String) cfg.get("merchant.main.appId");
    }
}
