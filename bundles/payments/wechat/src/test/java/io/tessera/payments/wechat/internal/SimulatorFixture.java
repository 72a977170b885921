package io.tessera.payments.wechat.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.api.channel.PayRequest;
import io.tessera.payments.simulator.wechat.WechatSimulator;
import io.tessera.platform.api.TesseraException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;

/** The adapter against a fresh simulator: stores 1 → S001, 2 → S002 (account main), 3 → S999 (no account). */
public abstract class SimulatorFixture {

    static final String NOTIFY_URL = "http://127.0.0.1:9/api/v1/payments/channels/wechat/notify";
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    WechatSimulator sim;
    Map<String, Object> cfg;
    WechatPayChannel channel;

    @Before
    public void startSimulator() throws Exception {
        sim = WechatSimulator.start(tmp.newFolder("sim").toPath());
        cfg = new HashMap<>(sim.tesseraConfig("main", "S001,S002", NOTIFY_URL));
        cfg.put("readTimeoutMillis", "1500");
        cfg.put("connectTimeoutMillis", "1000");
        channel = channel(cfg, Clock.systemUTC());
    }

    @After
    public void stopSimulator() {
        sim.close();
    }

    static OrgService org() {
        Map<Long, String> codes = Map.of(1L, "S001", 2L, "S002", 3L, "S999");
        return (OrgService) Proxy.newProxyInstance(SimulatorFixture.class.getClassLoader(),
                new Class<?>[] {OrgService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findStore")) {
                        String code = codes.get((Long) args[0]);
                        if (code == null) {
                            return Optional.empty();
                        }
                        Store s = new Store();
                        s.id = (Long) args[0];
                        s.code = code;
                        s.name = "Store " + code;
                        s.status = Store.Status.OPEN;
                        return Optional.of(s);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static WechatPayChannel channel(Map<String, ?> cfg, Clock clock) {
        return new WechatPayChannel(org(), cfg, clock);
    }

    static String no(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    static PayRequest payRequest(long storeId, String outTradeNo, long fen, String authCode) {
        PayRequest r = new PayRequest();
        r.storeId = storeId;
        r.outTradeNo = outTradeNo;
        r.amountFen = fen;
        r.description = "Store S001 order " + outTradeNo;
        r.authCode = authCode;
        return r;
    }

    /** The notification as Tessera's endpoint passes it on: header names in lower case. */
    static NotificationRequest request(WechatSimulator.Delivery d) {
        NotificationRequest r = new NotificationRequest();
        r.headers = new HashMap<>();
        d.headers().forEach((k, v) -> r.headers.put(k.toLowerCase(Locale.ROOT), v));
        r.body = d.body();
        r.contentType = d.contentType();
        return r;
    }

    static TesseraException expect(String code, Runnable call) {
        try {
            call.run();
        } catch (TesseraException e) {
            assertEquals(e.getMessage(), code, e.getCode());
            return e;
        }
        fail("expected " + code);
        return null;
    }
}
