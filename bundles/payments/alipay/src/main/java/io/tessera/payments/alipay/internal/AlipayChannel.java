package io.tessera.payments.alipay.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.payments.alipay.internal.AlipayClient.Reply;
import io.tessera.payments.alipay.internal.AlipayClient.Unavailable;
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
import io.tessera.platform.api.PaymentMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Alipay channel (Open Platform gateway, RSA2, 当面付): payment code via {@code alipay.trade.pay}, QR code via
 * {@code alipay.trade.precreate}, query, cancel/close, refund ({@code out_request_no} = Tessera's refund no),
 * refund query, notifications and the daily trade bill. Configuration: {@code etc/io.tessera.payments.alipay.cfg},
 * applied to the next call when it changes. See docs/domains/payments-alipay.md.
 */
@Component(service = PaymentChannel.class, configurationPid = "io.tessera.payments.alipay",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = PaymentChannel.METHOD + "=ALIPAY")
public class AlipayChannel implements PaymentChannel {

    private static final Logger LOG = LoggerFactory.getLogger(AlipayChannel.class);
    private static final int CANCEL_TRIES = 3;

    private final OrgService org;
    private final AlipayClient client = new AlipayClient();
    private volatile AlipayConfig config;

    @Activate
    public AlipayChannel(@Reference OrgService org, Map<String, Object> properties) {
        this.org = org;
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        AlipayConfig c = new AlipayConfig(properties);
        config = c;
        for (AlipayConfig.Account a : c.accounts) {
            if (a.ready()) {
                LOG.info("Alipay account {} (app_id {}) serves stores {}", a.name, a.appId, a.stores);
            } else {
                LOG.warn("Alipay account {} is not ready: {}", a.name, a.problem);
            }
        }
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.ALIPAY;
    }

    @Override
    public ChannelInfo info() {
        AlipayConfig c = config;
        ChannelInfo i = new ChannelInfo();
        i.method = PaymentMethod.ALIPAY;
        i.protocol = "Alipay Open Platform (RSA2)";
        i.baseUrl = c.baseUrl;
        i.notifyUrl = c.notifyUrl;
        List<ChannelInfo.Account> list = new ArrayList<>();
        for (AlipayConfig.Account a : c.accounts) {
            ChannelInfo.Account x = new ChannelInfo.Account();
            x.name = a.name;
            x.merchantId = a.appId;
            x.stores = a.stores;
            x.feeRate = a.feeRate;
            x.ready = a.ready();
            x.problem = a.problem;
            list.add(x);
        }
        i.accounts = list;
        return i;
    }

    @Override
    public BigDecimal feeRate(long storeId) {
        AlipayConfig.Account a = account(config, storeId, false);
        if (a.feeRate == null) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("Alipay account " + a.name + " has no valid feeRate");
        }
        return a.feeRate;
    }

    @Override
    public ChannelResult pay(PayRequest r) {
        AlipayConfig c = config;
        AlipayConfig.Account a = account(c, r.storeId, true);
        boolean code = r.authCode != null && !r.authCode.isBlank();
        ObjectNode biz = AlipayClient.JSON.createObjectNode();
        biz.put("out_trade_no", r.outTradeNo);
        biz.put("total_amount", AlipayMapper.yuan(r.amountFen));
        biz.put("subject", subject(r.description));
        biz.put("store_id", storeCode(r.storeId));
        if (r.expiresAt != null) {
            biz.put("time_expire", r.expiresAt.atZoneSameInstant(AlipayClient.ZONE).format(AlipayClient.TIME));
        }
        String method;
        if (code) {
            biz.put("scene", "bar_code");
            biz.put("auth_code", r.authCode.trim());
            biz.put("product_code", "FACE_TO_FACE_PAYMENT");
            method = "alipay.trade.pay";
            LOG.info("Alipay payment code {} for {} ({} fen)", mask(r.authCode), r.outTradeNo, r.amountFen);
        } else {
            biz.put("product_code", "FACE_TO_FACE_PAYMENT");
            method = "alipay.trade.precreate";
        }
        Reply reply;
        try {
            reply = client.call(c, a, method, biz, c.notifyUrl, r.outTradeNo);
        } catch (Unavailable e) {
            return AlipayMapper.unknown(r.outTradeNo, e.getMessage());
        }
        try {
            if (!code) {
                if (reply.ok() && reply.text("qr_code") != null) {
                    ChannelResult w = AlipayMapper.result(r.outTradeNo, ChannelState.WAITING);
                    w.codeUrl = reply.text("qr_code");
                    return w;
                }
                return AlipayMapper.refused(r.outTradeNo, AlipayMapper.unknownOutcome(reply) || reply.ok()
                        ? ChannelState.UNKNOWN : ChannelState.FAILED, reply);
            }
            if ("ACQ.TRADE_HAS_SUCCESS".equals(reply.subCode())) {
                return query(c, a, r.outTradeNo, true);
            }
            return AlipayMapper.pay(r.outTradeNo, reply);
        } catch (NumberFormatException | ArithmeticException e) {
            return AlipayMapper.unknown(r.outTradeNo, "unreadable amount in the answer");
        }
    }

    @Override
    public ChannelResult query(long storeId, String outTradeNo, boolean paymentCode) {
        AlipayConfig c = config;
        return query(c, account(c, storeId, true), outTradeNo, paymentCode);
    }

    private ChannelResult query(AlipayConfig c, AlipayConfig.Account a, String outTradeNo, boolean paymentCode) {
        ObjectNode biz = AlipayClient.JSON.createObjectNode().put("out_trade_no", outTradeNo);
        try {
            Reply reply = client.call(c, a, "alipay.trade.query", biz, null, outTradeNo);
            if (reply.ok()) {
                return AlipayMapper.query(outTradeNo, reply);
            }
            if ("ACQ.TRADE_NOT_EXIST".equals(reply.subCode())) {
                // a precreated QR code is not a trade until scanned: still waiting for the customer
                ChannelState s = paymentCode ? ChannelState.NOT_FOUND : ChannelState.WAITING;
                return AlipayMapper.refused(outTradeNo, s, reply);
            }
            return AlipayMapper.refused(outTradeNo, ChannelState.UNKNOWN, reply);
        } catch (Unavailable e) {
            return AlipayMapper.unknown(outTradeNo, e.getMessage());
        } catch (NumberFormatException | ArithmeticException e) {
            return AlipayMapper.unknown(outTradeNo, "unreadable amount in the answer");
        }
    }

    @Override
    public ChannelResult close(long storeId, String outTradeNo, boolean paymentCode) {
        AlipayConfig c = config;
        AlipayConfig.Account a = account(c, storeId, true);
        ObjectNode biz = AlipayClient.JSON.createObjectNode().put("out_trade_no", outTradeNo);
        try {
            if (paymentCode) {
                return cancel(c, a, outTradeNo, biz);
            }
            Reply reply = client.call(c, a, "alipay.trade.close", biz, null, outTradeNo);
            String sub = reply.subCode();
            if (reply.ok() || "ACQ.TRADE_NOT_EXIST".equals(sub) || "ACQ.TRADE_HAS_CLOSE".equals(sub)) {
                ChannelResult r = AlipayMapper.result(outTradeNo, ChannelState.CLOSED);
                r.channelTradeNo = reply.text("trade_no");
                r.channelCode = reply.ok() ? "TRADE_CLOSED" : sub;
                return r;
            }
            if (AlipayMapper.unknownOutcome(reply)) {
                return AlipayMapper.refused(outTradeNo, ChannelState.UNKNOWN, reply);
            }
            // e.g. ACQ.TRADE_STATUS_ERROR: paid meanwhile; say where it is
            return query(c, a, outTradeNo, false);
        } catch (Unavailable e) {
            return AlipayMapper.unknown(outTradeNo, e.getMessage());
        }
    }

    /** alipay.trade.cancel for a payment code: action close (unpaid) or refund (paid) both end CLOSED. */
    private ChannelResult cancel(AlipayConfig c, AlipayConfig.Account a, String outTradeNo, ObjectNode biz) {
        Reply reply = null;
        for (int i = 0; i < CANCEL_TRIES; i++) {
            reply = client.call(c, a, "alipay.trade.cancel", biz, null, outTradeNo);
            if (!reply.ok() || !"Y".equals(reply.text("retry_flag"))) {
                break;
            }
        }
        if (reply.ok() && !"Y".equals(reply.text("retry_flag"))) {
            ChannelResult r = AlipayMapper.result(outTradeNo, ChannelState.CLOSED);
            r.channelTradeNo = reply.text("trade_no");
            r.channelCode = "CANCELLED_" + String.valueOf(reply.text("action")).toUpperCase();
            r.channelMessage = "refund".equals(reply.text("action")) ? "the payment was taken and refunded by the cancel" : null;
            LOG.info("Alipay cancel of {}: action {}", outTradeNo, reply.text("action"));
            return r;
        }
        if (reply.ok() || AlipayMapper.unknownOutcome(reply)) {
            ChannelResult r = AlipayMapper.unknown(outTradeNo, "cancel not final (retry_flag=Y or system error)");
            r.channelCode = reply.ok() ? "RETRY" : reply.refusalCode();
            return r;
        }
        // refused (e.g. cancel window over): say where the trade is
        return query(c, a, outTradeNo, true);
    }

    @Override
    public RefundResult refund(RefundRequest r) {
        AlipayConfig c = config;
        AlipayConfig.Account a = account(c, r.storeId, true);
        ObjectNode biz = AlipayClient.JSON.createObjectNode();
        biz.put("out_trade_no", r.outTradeNo);
        biz.put("refund_amount", AlipayMapper.yuan(r.refundFen));
        biz.put("out_request_no", r.outRefundNo);
        if (r.reason != null && !r.reason.isBlank()) {
            biz.put("refund_reason", subject(r.reason));
        }
        Reply reply;
        try {
            reply = client.call(c, a, "alipay.trade.refund", biz, null, r.outRefundNo);
        } catch (Unavailable e) {
            RefundResult x = AlipayMapper.refund(r.outRefundNo, RefundResult.State.UNKNOWN);
            x.channelMessage = e.getMessage();
            return x;
        }
        if (!reply.ok()) {
            return AlipayMapper.refundRefused(r.outRefundNo, reply);
        }
        if ("Y".equals(reply.text("fund_change"))) {
            RefundResult x = AlipayMapper.refund(r.outRefundNo, RefundResult.State.SUCCEEDED);
            x.refundFen = r.refundFen;
            x.channelRefundNo = reply.text("trade_no");
            x.refundedAt = AlipayMapper.time(reply.text("gmt_refund_pay"));
            x.channelCode = "FUND_CHANGE_Y";
            return x;
        }
        // fund_change=N: accepted (a repeat, or not moved yet): the refund query says which
        RefundResult q = queryRefund(c, a, r.outTradeNo, r.outRefundNo);
        if (q.state == RefundResult.State.SUCCEEDED) {
            return q;
        }
        RefundResult x = AlipayMapper.refund(r.outRefundNo, RefundResult.State.PROCESSING);
        x.refundFen = r.refundFen;
        x.channelRefundNo = reply.text("trade_no");
        x.channelCode = "FUND_CHANGE_N";
        return x;
    }

    @Override
    public RefundResult queryRefund(long storeId, String outTradeNo, String outRefundNo) {
        AlipayConfig c = config;
        return queryRefund(c, account(c, storeId, true), outTradeNo, outRefundNo);
    }

    private RefundResult queryRefund(AlipayConfig c, AlipayConfig.Account a, String outTradeNo, String outRefundNo) {
        ObjectNode biz = AlipayClient.JSON.createObjectNode();
        biz.put("out_trade_no", outTradeNo);
        biz.put("out_request_no", outRefundNo);
        biz.putArray("query_options").add("gmt_refund_pay");
        try {
            Reply reply = client.call(c, a, "alipay.trade.fastpay.refund.query", biz, null, outRefundNo);
            if (reply.ok()) {
                return AlipayMapper.refundQuery(outRefundNo, reply);
            }
            if (!AlipayMapper.unknownOutcome(reply) && "ACQ.TRADE_NOT_EXIST".equals(reply.subCode())) {
                return AlipayMapper.refundRefused(outRefundNo, reply);
            }
            RefundResult x = AlipayMapper.refundRefused(outRefundNo, reply);
            x.state = RefundResult.State.UNKNOWN;
            return x;
        } catch (Unavailable e) {
            RefundResult x = AlipayMapper.refund(outRefundNo, RefundResult.State.UNKNOWN);
            x.channelMessage = e.getMessage();
            return x;
        } catch (NumberFormatException | ArithmeticException e) {
            RefundResult x = AlipayMapper.refund(outRefundNo, RefundResult.State.UNKNOWN);
            x.channelMessage = "unreadable amount in the answer";
            return x;
        }
    }

    @Override
    public Notification verify(NotificationRequest request) {
        return AlipayNotifications.verify(config, request);
    }

    @Override
    public Bill bill(long storeId, LocalDate day) {
        AlipayConfig c = config;
        AlipayConfig.Account a = account(c, storeId, true);
        ObjectNode biz = AlipayClient.JSON.createObjectNode();
        biz.put("bill_type", "trade");
        biz.put("bill_date", day.toString());
        String ref = "bill " + day;
        try {
            Reply reply = client.call(c, a, "alipay.data.dataservice.bill.downloadurl.query", biz, null, ref);
            String url = reply.text("bill_download_url");
            if (!reply.ok() || url == null) {
                throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("Alipay has no bill of " + day + " for app_id " + a.appId
                        + ": " + reply.refusalCode() + " " + reply.refusalMessage());
            }
            byte[] zip = client.download(c, url);
            Bill b = AlipayBillParser.parse(zip, day, a.appId);
            LOG.info("Alipay bill of {} for app_id {}: {} rows, sha256 {}", day, a.appId, b.rows.size(), b.sha256);
            return b;
        } catch (Unavailable e) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("Alipay bill of " + day + " could not be fetched: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("Alipay bill of " + day + " is unreadable: " + e.getMessage());
        }
    }

    private AlipayConfig.Account account(AlipayConfig c, long storeId, boolean mustBeReady) {
        String code = storeCode(storeId);
        AlipayConfig.Account a = c.accountFor(code).orElseThrow(
                () -> PaymentErrors.CHANNEL_NOT_AVAILABLE.error("Alipay is not configured for store " + code));
        if (mustBeReady && !a.ready()) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("Alipay account " + a.name + " of store " + code + " is not ready: " + a.problem);
        }
        return a;
    }

    private String storeCode(long storeId) {
        return org.findStore(storeId).map((Store s) -> s.code).orElse(String.valueOf(storeId));
    }

    /** The bill is a CSV without quoting: no ASCII comma in what Alipay echoes into it; at most 256 characters. */
    static String subject(String s) {
        String t = s == null || s.isBlank() ? "Tessera" : s.trim().replace(',', '，').replaceAll("[\\r\\n\\t]", " ");
        return t.length() > 256 ? t.substring(0, 256) : t;
    }

    static String mask(String authCode) {
        String t = authCode.trim();
        return t.length() <= 4 ? "****" : "*".repeat(t.length() - 4) + t.substring(t.length() - 4);
    }
}
