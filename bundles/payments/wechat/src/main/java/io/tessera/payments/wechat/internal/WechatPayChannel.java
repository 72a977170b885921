package io.tessera.payments.wechat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.channel.Bill;
import io.tessera.payments.api.channel.ChannelInfo;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.api.channel.PayRequest;
import io.tessera.payments.api.channel.PaymentChannel;
import io.tessera.payments.api.channel.RefundRequest;
import io.tessera.payments.api.channel.RefundResult;
import io.tessera.payments.wechat.internal.WechatClient.Answer;
import io.tessera.payments.wechat.internal.WechatClient.Undecided;
import io.tessera.payments.wechat.internal.WechatMapper.Unreadable;
import io.tessera.payments.wechat.internal.WechatSettings.Account;
import io.tessera.platform.api.PaymentMethod;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WeChat Pay channel (API v3, direct merchant, WeChat Pay public-key mode): payment code via
 * {@code /v3/pay/transactions/codepay}, QR code via {@code /native}, query, close / reverse, refunds, notifications
 * and the daily trade bill. Configuration: {@code etc/io.tessera.payments.wechat.cfg}, applied to the next call.
 */
@Component(service = PaymentChannel.class, configurationPid = "io.tessera.payments.wechat",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = PaymentChannel.METHOD + "=WECHAT")
public class WechatPayChannel implements PaymentChannel {

    private static final Logger LOG = LoggerFactory.getLogger(WechatPayChannel.class);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final int DESCRIPTION_MAX = 127;

    /** The configuration in force and its HTTP client, swapped as one on each change. */
    private record Live(WechatSettings settings, WechatClient client) {
    }

    private final OrgService org;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Live live;

    @Activate
    public WechatPayChannel(@Reference OrgService org, Map<String, Object> properties) {
        this(org, properties, Clock.systemUTC());
    }

    /** For tests: a clock other than the system's. */
    WechatPayChannel(OrgService org, Map<String, ?> properties, Clock clock) {
        this.org = org;
        this.clock = clock;
        configure(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        configure(properties);
    }

    private void configure(Map<String, ?> properties) {
        WechatSettings s = WechatSettings.read(properties);
        live = new Live(s, new WechatClient(json, s, clock));
        LOG.info("WeChat Pay configured: {} at {}, {} merchant account(s), {} ready", s.baseUrl,
                s.notifyUrl.isEmpty() ? "no notifyUrl" : s.notifyUrl, s.accounts.size(),
                s.accounts.values().stream().filter(Account::ready).count());
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.WECHAT;
    }

    @Override
    public ChannelInfo info() {
        WechatSettings s = live.settings();
        ChannelInfo info = new ChannelInfo();
        info.method = PaymentMethod.WECHAT;
        info.protocol = "WeChat Pay API v3 (WeChat Pay public key)";
        info.baseUrl = s.baseUrl;
        info.notifyUrl = s.notifyUrl;
        info.accounts = new ArrayList<>();
        for (Account a : s.accounts.values()) {
            ChannelInfo.Account out = new ChannelInfo.Account();
            out.name = a.name();
            out.merchantId = a.mchid();
            out.stores = a.stores();
            out.feeRate = a.feeRate();
            out.ready = a.ready();
            out.problem = a.problem();
            info.accounts.add(out);
        }
        return info;
    }

    @Override
    public BigDecimal feeRate(long storeId) {
        return route(storeId).account.feeRate();
    }

    /** The live configuration, the account serving the store, and the store's code. */
    private record Route(Live live, Account account, String storeCode) {
    }

    private Route route(long storeId) {
        Live l = live;
        String code = org.findStore(storeId).map((Store s) -> s.code).orElse(null);
        if (code == null) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("WeChat Pay is not configured for store " + storeId
                    + " (no such store)");
        }
        Account a = l.settings().accountFor(code);
        if (a == null) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("WeChat Pay is not configured for store " + code);
        }
        if (!a.ready()) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("WeChat Pay merchant account " + a.name() + " of store "
                    + code + " is not ready: " + a.problem());
        }
        return new Route(l, a, code);
    }

    @Override
    public ChannelResult pay(PayRequest request) {
        Route r = route(request.storeId);
        ObjectNode body = json.createObjectNode();
        body.put("appid", r.account.appid());
        body.put("mchid", r.account.mchid());
        body.put("description", description(request.description));
        body.put("out_trade_no", request.outTradeNo);
        ObjectNode amount = body.putObject("amount");
        amount.put("total", request.amountFen);
        amount.put("currency", "CNY");
        if (request.authCode != null && !request.authCode.isBlank()) {
            body.putObject("payer").put("auth_code", request.authCode.trim());
            body.putObject("scene_info").putObject("store_info").put("out_id", r.storeCode);
            LOG.info("WeChat Pay codepay {} of {} fen, store {}, payment code {}", request.outTradeNo,
                    request.amountFen, r.storeCode, WechatMapper.mask(request.authCode.trim()));
            return codepay(r, request.outTradeNo, body);
        }
        String notifyUrl = r.live.settings().notifyUrl;
        if (notifyUrl.isEmpty()) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("WeChat Pay QR code payments need notifyUrl in "
                    + "etc/io.tessera.payments.wechat.cfg");
        }
        body.put("notify_url", notifyUrl);
        if (request.expiresAt != null) {
            body.put("time_expire", request.expiresAt.truncatedTo(ChronoUnit.SECONDS)
                    .withOffsetSameInstant(ZoneOffset.ofHours(8)).format(RFC3339));
        }
        body.putObject("scene_info").put("payer_client_ip", "127.0.0.1")
                .putObject("store_info").put("id", r.storeCode);
        LOG.info("WeChat Pay native {} of {} fen, store {}", request.outTradeNo, request.amountFen, r.storeCode);
        try {
            Answer a = r.live.client().post(r.account, "/v3/pay/transactions/native", body, request.outTradeNo);
            if (!a.ok()) {
                return refused(request.outTradeNo, a);
            }
            String codeUrl = WechatMapper.text(a.json(), "code_url");
            if (codeUrl == null) {
                return WechatMapper.payment(request.outTradeNo, ChannelState.UNKNOWN, null, "answer has no code_url");
            }
            ChannelResult out = WechatMapper.payment(request.outTradeNo, ChannelState.WAITING, null, null);
            out.codeUrl = codeUrl;
            LOG.info("WeChat Pay native {}: QR code issued [Request-ID {}]", request.outTradeNo, a.requestId());
            return out;
        } catch (Undecided e) {
            return WechatMapper.payment(request.outTradeNo, ChannelState.UNKNOWN, null, e.getMessage());
        }
    }

    private ChannelResult codepay(Route r, String outTradeNo, ObjectNode body) {
        try {
            Answer a = r.live.client().post(r.account, "/v3/pay/transactions/codepay", body, outTradeNo);
            if (WechatMapper.USER_PAYING_CODES.contains(a.code())
                    || "USERPAYING".equals(a.json().path("trade_state").asText(""))) {
                LOG.info("WeChat Pay codepay {}: the payer is confirming (USERPAYING) [Request-ID {}]", outTradeNo,
                        a.requestId());
                return WechatMapper.payment(outTradeNo, ChannelState.WAITING, "USERPAYING", a.message());
            }
            if (!a.ok()) {
                return refused(outTradeNo, a);
            }
            ChannelResult out = WechatMapper.transaction(a.json(), outTradeNo);
            LOG.info("WeChat Pay codepay {}: {} ({}) [Request-ID {}]", outTradeNo, out.state, out.channelTradeNo,
                    a.requestId());
            return out;
        } catch (Undecided | Unreadable e) {
            return WechatMapper.payment(outTradeNo, ChannelState.UNKNOWN, null, e.getMessage());
        }
    }

    /** A non-2xx answer to pay: undecided codes → ask the channel again (query); others are definite refusals. */
    private ChannelResult refused(String outTradeNo, Answer a) {
        if (WechatMapper.UNDECIDED_CODES.contains(a.code())) {
            LOG.warn("WeChat Pay {}: {} {}, outcome unknown [Request-ID {}]", outTradeNo, a.code(), a.message(),
                    a.requestId());
            return WechatMapper.payment(outTradeNo, ChannelState.UNKNOWN, a.code(), a.message());
        }
        LOG.info("WeChat Pay {} refused: {} {} [Request-ID {}]", outTradeNo, a.code(), a.message(), a.requestId());
        return WechatMapper.payment(outTradeNo, ChannelState.FAILED, a.code(), a.message());
    }

    @Override
    public ChannelResult query(long storeId, String outTradeNo, boolean paymentCode) {
        Route r = route(storeId);
        return transaction(r, outTradeNo).result;
    }

    /** A query's result and the raw transaction (for its trade_type); json is null unless the channel answered one. */
    private record Queried(ChannelResult result, JsonNode json) {
    }

    private Queried transaction(Route r, String outTradeNo) {
        String path = "/v3/pay/transactions/out-trade-no/" + encode(outTradeNo) + "?mchid=" + encode(r.account.mchid());
        try {
            Answer a = r.live.client().get(r.account, path, outTradeNo);
            if (a.status() == 404 || WechatMapper.NOT_FOUND_CODES.contains(a.code())) {
                return new Queried(WechatMapper.payment(outTradeNo, ChannelState.NOT_FOUND, a.code(), a.message()), null);
            }
            if (!a.ok()) {
                LOG.warn("WeChat Pay query {}: {} {} [Request-ID {}]", outTradeNo, a.code(), a.message(), a.requestId());
                return new Queried(WechatMapper.payment(outTradeNo, ChannelState.UNKNOWN, a.code(), a.message()), null);
            }
            return new Queried(WechatMapper.transaction(a.json(), outTradeNo), a.json());
        } catch (Undecided | Unreadable e) {
            return new Queried(WechatMapper.payment(outTradeNo, ChannelState.UNKNOWN, null, e.getMessage()), null);
        }
    }

    @Override
    public ChannelResult close(long storeId, String outTradeNo, boolean paymentCode) {
        Route r = route(storeId);
        Queried q = transaction(r, outTradeNo);
        if (q.result.state != ChannelState.WAITING) {
            // Final (paid, closed, failed), never seen by the channel, or not known now: nothing to close.
            return q.result;
        }
        boolean reverse = paymentCode || "MICROPAY".equals(q.json.path("trade_type").asText(""))
                || "USERPAYING".equals(q.json.path("trade_state").asText(""));
        ObjectNode body = json.createObjectNode();
        String path = "/v3/pay/transactions/out-trade-no/" + encode(outTradeNo) + (reverse ? "/reverse" : "/close");
        if (reverse) {
            body.put("appid", r.account.appid());
        }
        body.put("mchid", r.account.mchid());
        try {
            Answer a = r.live.client().post(r.account, path, body, outTradeNo);
            if (a.ok()) {
                LOG.info("WeChat Pay {} {}", reverse ? "reversed" : "closed", outTradeNo);
                return WechatMapper.payment(outTradeNo, ChannelState.CLOSED, reverse ? "REVOKED" : "CLOSED", null);
            }
            if ("ORDER_CLOSED".equals(a.code())) {
                return WechatMapper.payment(outTradeNo, ChannelState.CLOSED, a.code(), a.message());
            }
            if ("ORDERPAID".equals(a.code()) || "TRADE_STATE_ERROR".equals(a.code())) {
                return transaction(r, outTradeNo).result;
            }
            LOG.warn("WeChat Pay {} of {} refused: {} {} [Request-ID {}]", reverse ? "reverse" : "close",
                    outTradeNo, a.code(), a.message(), a.requestId());
            // Still open at the channel (e.g. the payer is confirming): checkout asks again later.
            return WechatMapper.payment(outTradeNo, ChannelState.WAITING, a.code(), a.message());
        } catch (Undecided e) {
            return WechatMapper.payment(outTradeNo, ChannelState.UNKNOWN, null, e.getMessage());
        }
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        Route r = route(request.storeId);
        ObjectNode body = json.createObjectNode();
        body.put("out_trade_no", request.outTradeNo);
        body.put("out_refund_no", request.outRefundNo);
        if (request.reason != null && !request.reason.isBlank()) {
            body.put("reason", request.reason.length() > 80 ? request.reason.substring(0, 80) : request.reason);
        }
        if (!r.live.settings().notifyUrl.isEmpty()) {
            body.put("notify_url", r.live.settings().notifyUrl);
        }
        ObjectNode amount = body.putObject("amount");
        amount.put("refund", request.refundFen);
        amount.put("total", request.totalFen);
        amount.put("currency", "CNY");
        LOG.info("WeChat Pay refund {} of {} fen for {}", request.outRefundNo, request.refundFen, request.outTradeNo);
        try {
            Answer a = r.live.client().post(r.account, "/v3/refund/domestic/refunds", body, request.outRefundNo);
            return refundAnswer(request.outRefundNo, a, false);
        } catch (Undecided e) {
            return WechatMapper.refundState(request.outRefundNo, RefundResult.State.UNKNOWN, null, e.getMessage());
        }
    }

    @Override
    public RefundResult queryRefund(long storeId, String outTradeNo, String outRefundNo) {
        Route r = route(storeId);
        try {
            Answer a = r.live.client().get(r.account, "/v3/refund/domestic/refunds/" + encode(outRefundNo), outRefundNo);
            return refundAnswer(outRefundNo, a, true);
        } catch (Undecided e) {
            return WechatMapper.refundState(outRefundNo, RefundResult.State.UNKNOWN, null, e.getMessage());
        }
    }

    private RefundResult refundAnswer(String outRefundNo, Answer a, boolean query) {
        if (!a.ok()) {
            if (WechatMapper.UNDECIDED_CODES.contains(a.code())) {
                LOG.warn("WeChat Pay refund {}: {} {}, outcome unknown [Request-ID {}]", outRefundNo, a.code(),
                        a.message(), a.requestId());
                return WechatMapper.refundState(outRefundNo, RefundResult.State.UNKNOWN, a.code(), a.message());
            }
            if (query && (a.status() == 404 || WechatMapper.NOT_FOUND_CODES.contains(a.code()))) {
                // A refund the channel never received: checkout asks for it again under the same out_refund_no.
                LOG.info("WeChat Pay refund {}: not known to WeChat Pay [Request-ID {}]", outRefundNo, a.requestId());
                return WechatMapper.refundState(outRefundNo, RefundResult.State.NOT_FOUND, a.code(), a.message());
            }
            // A refusal: not refunded.
            LOG.info("WeChat Pay refund {} refused: {} {} [Request-ID {}]", outRefundNo, a.code(), a.message(),
                    a.requestId());
            return WechatMapper.refundState(outRefundNo, RefundResult.State.FAILED, a.code(), a.message());
        }
        try {
            RefundResult out = WechatMapper.refund(a.json(), outRefundNo);
            LOG.info("WeChat Pay refund {}: {} ({}) [Request-ID {}]", outRefundNo, out.state, out.channelRefundNo,
                    a.requestId());
            return out;
        } catch (Unreadable e) {
            LOG.warn("WeChat Pay refund {}: unreadable answer, {} [Request-ID {}]", outRefundNo, e.getMessage(),
                    a.requestId());
            return WechatMapper.refundState(outRefundNo, RefundResult.State.UNKNOWN, null, e.getMessage());
        }
    }

    @Override
    public Notification verify(NotificationRequest request) {
        return WechatNotifications.verify(live.settings(), json, clock, request);
    }

    @Override
    public Bill bill(long storeId, LocalDate day) {
        Route r = route(storeId);
        return WechatBills.download(r.live.client(), r.account, r.live.settings(), day);
    }

    private static String description(String d) {
        String s = d == null || d.isBlank() ? "Tessera" : d.strip();
        return s.codePointCount(0, s.length()) <= DESCRIPTION_MAX ? s
                : s.substring(0, s.offsetByCodePoints(0, DESCRIPTION_MAX));
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
