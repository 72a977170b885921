package io.tessera.payments.simulator.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.payments.simulator.wechat.WechatSimulator.Merchant;
import io.tessera.payments.simulator.wechat.WechatSimulator.Outcome;
import io.tessera.payments.simulator.wechat.WechatSimulator.RefundRec;
import io.tessera.payments.simulator.wechat.WechatSimulator.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The simulated endpoints' business rules, on the simulator's state (callers hold no lock; this class takes it). */
final class SimApi {

    /** An answer: HTTP status, JSON body (null for 204), and how long to wait before sending it. */
    record Reply(int status, JsonNode body, Duration delay, List<WechatSimulator.Delivery> notifications) {
        Reply(int status, JsonNode body) {
            this(status, body, Duration.ZERO, List.of());
        }
    }

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private final WechatSimulator sim;
    private final ObjectMapper json;

    SimApi(WechatSimulator sim) {
        this.sim = sim;
        this.json = sim.json;
    }

    Reply error(int status, String code, String message) {
        ObjectNode e = json.createObjectNode();
        e.put("code", code);
        e.put("message", message);
        return new Reply(status, e);
    }

    private String checkCommon(Merchant m, JsonNode body, boolean needAppid) {
        if (!m.mchid.equals(body.path("mchid").asText())) {
            return "mchid";
        }
        if (needAppid && !m.appid.equals(body.path("appid").asText())) {
            return "appid";
        }
        return null;
    }

    Reply codepay(Merchant m, JsonNode body) {
        String bad = checkCommon(m, body, true);
        if (bad != null) {
            return error(400, "APPID_MCHID_NOT_MATCH", bad + " does not match the merchant");
        }
        String authCode = body.path("payer").path("auth_code").asText("");
        JsonNode total = body.path("amount").path("total");
        String outTradeNo = body.path("out_trade_no").asText("");
        if (authCode.isEmpty() || !total.isIntegralNumber() || total.longValue() <= 0 || outTradeNo.isEmpty()) {
            return error(400, "PARAM_ERROR", "payer.auth_code, amount.total and out_trade_no are required");
        }
        Outcome outcome;
        Trade t;
        synchronized (sim) {
            if (sim.trades.containsKey(outTradeNo)) {
                return error(403, "OUT_TRADE_NO_USED", "商户订单号重复");
            }
            t = newTrade(m, body, "MICROPAY");
            t.openid = sim.payers.get(authCode);
            outcome = sim.scripts.getOrDefault(authCode, Outcome.SUCCEED);
            switch (outcome) {
                case SUCCEED, TIMEOUT -> succeed(t);
                case FAIL -> {
                    t.state = "PAYERROR";
                    return error(403, "NOT_ENOUGH", "用户余额不足");
                }
                default -> t.state = "USERPAYING";
            }
        }
        if (outcome == Outcome.USER_PAYING) {
            return error(202, "USERPAYING", "需要用户输入支付密码");
        }
        synchronized (sim) {
            return new Reply(200, transactionJson(t, null), outcome == Outcome.TIMEOUT ? sim.answerDelay : Duration.ZERO,
                    List.of());
        }
    }

    Reply nativePay(Merchant m, JsonNode body) {
        String bad = checkCommon(m, body, true);
        if (bad != null) {
            return error(400, "APPID_MCHID_NOT_MATCH", bad + " does not match the merchant");
        }
        JsonNode total = body.path("amount").path("total");
        String outTradeNo = body.path("out_trade_no").asText("");
        if (!total.isIntegralNumber() || total.longValue() <= 0 || outTradeNo.isEmpty()
                || body.path("notify_url").asText("").isEmpty() || body.path("description").asText("").isEmpty()) {
            return error(400, "PARAM_ERROR", "amount.total, out_trade_no, description and notify_url are required");
        }
        synchronized (sim) {
            Trade t = sim.trades.get(outTradeNo);
            if (t != null) {
                if ("NATIVE".equals(t.tradeType) && "NOTPAY".equals(t.state) && t.amountFen == total.longValue()) {
                    return new Reply(200, json.createObjectNode().put("code_url", t.codeUrl));
                }
                return error(403, "OUT_TRADE_NO_USED", "商户订单号重复");
            }
            t = newTrade(m, body, "NATIVE");
            t.state = "NOTPAY";
            t.notifyUrl = body.path("notify_url").asText();
            t.codeUrl = "weixin://wxpay/bizpayurl?pr=" + SimCrypto.alnum(7);
            return new Reply(200, json.createObjectNode().put("code_url", t.codeUrl));
        }
    }

    private Trade newTrade(Merchant m, JsonNode body, String type) {
        Trade t = new Trade();
        t.outTradeNo = body.path("out_trade_no").asText();
        t.amountFen = body.path("amount").path("total").longValue();
        t.mchid = m.mchid;
        t.appid = m.appid;
        t.tradeType = type;
        t.description = body.path("description").asText("");
        t.created = Instant.now();
        sim.trades.put(t.outTradeNo, t);
        return t;
    }

    /** Marks a trade paid (caller holds the lock). */
    void succeed(Trade t) {
        t.state = "SUCCESS";
        t.channelTradeNo = "4200" + SimCrypto.digits(24);
        t.succeeded = Instant.now();
        t.feeFen = new BigDecimal(t.amountFen).multiply(new BigDecimal(WechatSimulator.FEE_RATE))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    Reply query(Merchant m, String outTradeNo, String mchid) {
        synchronized (sim) {
            Trade t = sim.trades.get(outTradeNo);
            if (!m.mchid.equals(mchid) || t == null || !t.mchid.equals(m.mchid)) {
                return error(404, "ORDER_NOT_EXIST", "订单不存在");
            }
            Duration delay = Boolean.TRUE.equals(sim.queryTimeouts.get(outTradeNo)) ? sim.answerDelay : Duration.ZERO;
            return new Reply(200, transactionJson(t, null), delay, List.of());
        }
    }

    Reply close(Merchant m, String outTradeNo, JsonNode body) {
        synchronized (sim) {
            Trade t = sim.trades.get(outTradeNo);
            if (!m.mchid.equals(body.path("mchid").asText()) || t == null || !t.mchid.equals(m.mchid)) {
                return error(404, "ORDER_NOT_EXIST", "订单不存在");
            }
            switch (t.state) {
                case "SUCCESS", "REFUND" -> {
                    return error(403, "ORDERPAID", "订单已支付");
                }
                case "CLOSED", "REVOKED" -> {
                    return error(400, "ORDER_CLOSED", "订单已关闭");
                }
                default -> {
                    t.state = "CLOSED";
                    return new Reply(204, null);
                }
            }
        }
    }

    /** Reverse (撤销) of a payment-code trade: an unpaid one is revoked, a paid one refunded and revoked. */
    Reply reverse(Merchant m, String outTradeNo, JsonNode body) {
        String bad = checkCommon(m, body, true);
        if (bad != null) {
            return error(400, "APPID_MCHID_NOT_MATCH", bad + " does not match the merchant");
        }
        synchronized (sim) {
            Trade t = sim.trades.get(outTradeNo);
            if (t == null || !t.mchid.equals(m.mchid)) {
                return error(404, "ORDER_NOT_EXIST", "订单不存在");
            }
            if (!"MICROPAY".equals(t.tradeType)) {
                return error(400, "INVALID_REQUEST", "仅付款码支付订单可撤销");
            }
            t.state = "REVOKED";
            ObjectNode r = json.createObjectNode();
            r.put("appid", t.appid);
            r.put("mchid", t.mchid);
            r.put("out_trade_no", t.outTradeNo);
            if (t.channelTradeNo != null) {
                r.put("transaction_id", t.channelTradeNo);
            }
            return new Reply(200, r);
        }
    }

    Reply refund(Merchant m, JsonNode body) {
        String outTradeNo = body.path("out_trade_no").asText("");
        String outRefundNo = body.path("out_refund_no").asText("");
        JsonNode fen = body.path("amount").path("refund");
        JsonNode total = body.path("amount").path("total");
        if (outTradeNo.isEmpty() || outRefundNo.isEmpty() || !fen.isIntegralNumber() || fen.longValue() <= 0
                || !total.isIntegralNumber()) {
            return error(400, "PARAM_ERROR", "out_trade_no, out_refund_no, amount.refund and amount.total are required");
        }
        RefundRec r;
        List<WechatSimulator.Delivery> notify = new ArrayList<>();
        ObjectNode answer;
        synchronized (sim) {
            Trade t = sim.trades.get(outTradeNo);
            if (t == null || !t.mchid.equals(m.mchid) || !("SUCCESS".equals(t.state) || "REFUND".equals(t.state))) {
                return error(404, "RESOURCE_NOT_EXISTS", "订单不存在或未支付");
            }
            t.refundRequests++;
            r = sim.refunds.get(outRefundNo);
            if (r != null) {
                if (!r.outTradeNo.equals(outTradeNo) || r.fen != fen.longValue()) {
                    return error(400, "INVALID_REQUEST", "同一退款单号的退款参数不一致");
                }
                return new Reply(200, refundJson(r));
            }
            if (total.longValue() != t.amountFen) {
                return error(400, "INVALID_REQUEST", "订单金额与原订单不一致");
            }
            long refunded = t.refunds.values().stream().mapToLong(Long::longValue).sum();
            if (refunded + fen.longValue() > t.amountFen) {
                return error(400, "INVALID_REQUEST", "退款金额超过订单可退金额");
            }
            r = new RefundRec();
            r.outRefundNo = outRefundNo;
            r.refundId = "5030" + SimCrypto.digits(25);
            r.outTradeNo = outTradeNo;
            r.mchid = m.mchid;
            r.fen = fen.longValue();
            r.feeFen = new BigDecimal(r.fen).multiply(new BigDecimal(WechatSimulator.FEE_RATE))
                    .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            r.status = "PROCESSING";
            r.notifyUrl = body.path("notify_url").asText(null);
            r.created = Instant.now();
            sim.refunds.put(outRefundNo, r);
            t.refunds.put(outRefundNo, r.fen);
            t.state = "REFUND";
            answer = refundJson(r);
            if (sim.settleAutomatically) {
                settle(r);
            }
        }
        if (sim.settleAutomatically && sim.autoNotify) {
            notify.add(sim.refundNotification(outRefundNo));
        }
        return new Reply(200, answer, Duration.ZERO, notify);
    }

    /** A PROCESSING refund succeeds (caller holds the lock). */
    void settle(RefundRec r) {
        r.status = "SUCCESS";
        r.succeeded = Instant.now();
    }

    Reply queryRefund(Merchant m, String outRefundNo) {
        synchronized (sim) {
            RefundRec r = sim.refunds.get(outRefundNo);
            if (r == null || !r.mchid.equals(m.mchid)) {
                return error(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
            }
            return new Reply(200, refundJson(r));
        }
    }

    /** The transaction object of A5 (caller holds the lock); {@code paidFen} overrides the amount paid. */
    ObjectNode transactionJson(Trade t, Long paidFen) {
        ObjectNode n = json.createObjectNode();
        n.put("appid", t.appid);
        n.put("mchid", t.mchid);
        n.put("out_trade_no", t.outTradeNo);
        if (t.channelTradeNo != null) {
            n.put("transaction_id", t.channelTradeNo);
        }
        n.put("trade_type", t.tradeType);
        n.put("trade_state", t.state);
        n.put("trade_state_desc", switch (t.state) {
            case "SUCCESS" -> "支付成功";
            case "REFUND" -> "转入退款";
            case "NOTPAY" -> "未支付";
            case "USERPAYING" -> "用户支付中";
            case "PAYERROR" -> "支付失败";
            case "REVOKED" -> "已撤销";
            default -> "已关闭";
        });
        if (t.succeeded != null) {
            n.put("bank_type", "OTHERS");
            n.put("success_time", rfc3339(t.succeeded));
            n.putObject("payer").put("openid", t.openid != null ? t.openid : "oSim" + t.mchid);
        }
        ObjectNode amount = n.putObject("amount");
        long fen = paidFen != null ? paidFen : t.amountFen;
        amount.put("total", fen);
        amount.put("payer_total", fen);
        amount.put("currency", "CNY");
        amount.put("payer_currency", "CNY");
        return n;
    }

    /** The Refund object of the refund APIs (caller holds the lock). */
    ObjectNode refundJson(RefundRec r) {
        Trade t = sim.trades.get(r.outTradeNo);
        ObjectNode n = json.createObjectNode();
        n.put("mchid", r.mchid);
        n.put("refund_id", r.refundId);
        n.put("out_refund_no", r.outRefundNo);
        n.put("transaction_id", t.channelTradeNo);
        n.put("out_trade_no", r.outTradeNo);
        n.put("channel", "ORIGINAL");
        n.put("user_received_account", "支付用户零钱");
        if (r.succeeded != null) {
            n.put("success_time", rfc3339(r.succeeded));
        }
        n.put("create_time", rfc3339(r.created));
        n.put("status", r.status);
        n.put("funds_account", "AVAILABLE");
        ObjectNode a = n.putObject("amount");
        a.put("total", t.amountFen);
        a.put("refund", r.fen);
        a.putArray("from");
        a.put("payer_total", t.amountFen);
        a.put("payer_refund", r.fen);
        a.put("settlement_refund", r.fen);
        a.put("settlement_total", t.amountFen);
        a.put("discount_refund", 0);
        a.put("currency", "CNY");
        a.put("refund_fee", r.feeFen);
        return n;
    }

    static String rfc3339(Instant i) {
        return i.atOffset(CHINA).format(RFC3339);
    }

    static byte[] bytes(ObjectMapper json, JsonNode node) {
        try {
            return json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
