package io.tessera.payments.simulator.alipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.payments.simulator.alipay.AlipaySimulator.Account;
import io.tessera.payments.simulator.alipay.AlipaySimulator.Outcome;
import io.tessera.payments.simulator.alipay.AlipaySimulator.SimRefund;
import io.tessera.payments.simulator.alipay.AlipaySimulator.Trade;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The gateway's methods: parameters in, signed JSON answer out. */
final class SimGateway {

    static final ZoneId ZONE = SimWire.ZONE;
    static final DateTimeFormatter TIME = SimWire.TIME;
    private static final ObjectMapper JSON = SimWire.JSON;

    private final AlipaySimulator sim;
    private final AtomicLong seq = new AtomicLong(1);

    SimGateway(AlipaySimulator sim) {
        this.sim = sim;
    }

    String handle(String httpMethod, String rawQuery, byte[] body) {
        Map<String, String> p = SimWire.formDecode(rawQuery);
        p.putAll(SimWire.formDecode(new String(body, StandardCharsets.UTF_8)));
        String method = p.getOrDefault("method", "");
        String node = method.isEmpty() ? "error_response" : method.replace('.', '_') + "_response";
        Account a = sim.accountsByAppId.get(p.getOrDefault("app_id", ""));
        if (method.isEmpty() || p.get("sign") == null || p.get("app_id") == null || p.get("timestamp") == null) {
            return unsigned("error_response", SimWire.error("40001", "Missing Required Arguments", "isv.missing-signature", "缺少必选参数"));
        }
        if (a == null) {
            sim.rejected.add("/gateway.do?method=" + method);
            return unsigned("error_response", SimWire.error("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数"));
        }
        if (!"RSA2".equals(p.get("sign_type")) || !SimKeys.verify(a.appKeys.getPublic(), SimKeys.requestContent(p), p.get("sign"))) {
            sim.rejected.add("/gateway.do?method=" + method);
            // whether Alipay signs its signature-error answers is [U]: the simulator does not
            return unsigned(node, SimWire.error("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错"));
        }
        JsonNode biz;
        try {
            biz = JSON.readTree(p.getOrDefault("biz_content", "{}"));
        } catch (Exception e) {
            return signed(node, SimWire.error("40002", "Invalid Arguments", "isv.invalid-biz-content", "biz_content 格式错误"));
        }
        ObjectNode answer = switch (method) {
            case "alipay.trade.pay" -> pay(a, p, biz);
            case "alipay.trade.precreate" -> precreate(a, p, biz);
            case "alipay.trade.query" -> query(a, biz);
            case "alipay.trade.close" -> close(a, biz);
            case "alipay.trade.cancel" -> cancel(a, biz);
            case "alipay.trade.refund" -> refund(a, biz);
            case "alipay.trade.fastpay.refund.query" -> refundQuery(a, biz);
            case "alipay.data.dataservice.bill.downloadurl.query" -> billUrl(a, biz);
            default -> null;
        };
        if (answer == null) {
            return unsigned("error_response", SimWire.error("40001", "Missing Required Arguments", "isv.invalid-method", "不存在的方法名"));
        }
        return signed(node, answer);
    }

    private ObjectNode pay(Account a, Map<String, String> p, JsonNode biz) {
        String no = biz.path("out_trade_no").asText();
        long fen = SimWire.fen(biz.path("total_amount").asText());
        if (fen <= 0) {
            return SimWire.refusal("ACQ.INVALID_PARAMETER", "参数无效: total_amount", no);
        }
        Outcome outcome = sim.scripts.getOrDefault(biz.path("auth_code").asText(), Outcome.SUCCEED);
        Trade t;
        synchronized (sim) {
            Trade old = sim.trades.get(no);
            if (old != null) {
                return existing(old, fen, no);
            }
            t = newTrade(a, no, fen, biz.path("subject").asText(), p.get("notify_url"));
            t.buyerId = sim.payers.getOrDefault(biz.path("auth_code").asText(), t.buyerId);
            switch (outcome) {
                case SUCCEED, TIMEOUT -> {
                    t.state = "TRADE_SUCCESS";
                    t.paidAt = AlipaySimulator.now();
                }
                case USER_PAYING -> t.state = "WAIT_BUYER_PAY";
                case FAIL -> t.state = "TRADE_CLOSED";
            }
            sim.trades.put(no, t);
        }
        if (outcome == Outcome.FAIL) {
            ObjectNode e = SimWire.error("40004", "Business Failed", "ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足");
            e.put("out_trade_no", no);
            return e;
        }
        if (outcome == Outcome.USER_PAYING) {
            ObjectNode w = tradeFields(t);
            w.put("code", "10003");
            w.put("msg", " order success pay inprocess");
            return w;
        }
        if (sim.autoNotify) {
            sim.notifier.send(sim.notifier.payment(t, null), t.notifyUrl);
        }
        if (outcome == Outcome.TIMEOUT) {
            sleep();
        }
        ObjectNode ok = tradeFields(t);
        ok.put("code", "10000");
        ok.put("msg", "Success");
        return ok;
    }

    private ObjectNode existing(Trade old, long fen, String no) {
        if (old.amountFen != fen) {
            return SimWire.refusal("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改", no);
        }
        return switch (old.state) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> SimWire.refusal("ACQ.TRADE_HAS_SUCCESS", "交易已被支付", no);
            case "TRADE_CLOSED" -> SimWire.refusal("ACQ.TRADE_HAS_CLOSE", "交易已经关闭", no);
            default -> SimWire.refusal("ACQ.TRADE_STATUS_ERROR", "交易状态不合法", no);
        };
    }

    private ObjectNode precreate(Account a, Map<String, String> p, JsonNode biz) {
        String no = biz.path("out_trade_no").asText();
        long fen = SimWire.fen(biz.path("total_amount").asText());
        if (fen <= 0) {
            return SimWire.refusal("ACQ.INVALID_PARAMETER", "参数无效: total_amount", no);
        }
        synchronized (sim) {
            Trade old = sim.trades.get(no);
            if (old != null && (old.visible || old.amountFen != fen)) {
                return existing(old, fen, no);
            }
            if (old == null) {
                Trade t = newTrade(a, no, fen, biz.path("subject").asText(), p.get("notify_url"));
                t.state = "WAIT_BUYER_PAY";
                t.visible = false;
                sim.trades.put(no, t);
            }
        }
        ObjectNode ok = SimWire.ok();
        ok.put("out_trade_no", no);
        ok.put("qr_code", "https://qr.alipay.com/bax0" + Long.toHexString(no.hashCode() & 0xffffffffL));
        return ok;
    }

    private ObjectNode query(Account a, JsonNode biz) {
        String no = biz.path("out_trade_no").asText();
        if (Boolean.TRUE.equals(sim.queryTimeouts.get(no))) {
            sleep();
        }
        Trade t = visible(a, no);
        if (t == null) {
            return SimWire.refusal("ACQ.TRADE_NOT_EXIST", "交易不存在", no);
        }
        ObjectNode ok = tradeFields(t);
        ok.put("code", "10000");
        ok.put("msg", "Success");
        ok.put("trade_status", t.state);
        return ok;
    }

    private ObjectNode close(Account a, JsonNode biz) {
        String no = biz.path("out_trade_no").asText();
        synchronized (sim) {
            Trade t = visible(a, no);
            if (t == null) {
                return SimWire.refusal("ACQ.TRADE_NOT_EXIST", "交易不存在", no);
            }
            if (!"WAIT_BUYER_PAY".equals(t.state) && !"TRADE_CLOSED".equals(t.state)) {
                return SimWire.refusal("ACQ.TRADE_STATUS_ERROR", "交易状态不合法", no);
            }
            t.state = "TRADE_CLOSED";
            ObjectNode ok = SimWire.ok();
            ok.put("out_trade_no", no);
            ok.put("trade_no", t.channelTradeNo);
            return ok;
        }
    }

    private ObjectNode cancel(Account a, JsonNode biz) {
        String no = biz.path("out_trade_no").asText();
        String action;
        Trade t;
        synchronized (sim) {
            t = sim.trades.get(no);
            if (t == null) {
                // [U] modelled: cancelling a number the channel never saw closes it, so a late payment is refused
                t = newTrade(a, no, 0, "", null);
                t.state = "TRADE_CLOSED";
                sim.trades.put(no, t);
                action = "close";
            } else if ("TRADE_SUCCESS".equals(t.state)) {
                long before = t.refunds.values().stream().mapToLong(Long::longValue).sum();
                SimRefund r = new SimRefund();
                r.outRefundNo = no;
                r.outTradeNo = no;
                r.fen = t.amountFen - before;
                t.refunds.put(no, r.fen);
                t.refundRecords.put(no, r);
                sim.settle(t, r);
                t.state = "TRADE_CLOSED";
                action = "refund";
            } else {
                t.visible = true;
                t.state = "TRADE_CLOSED";
                action = "close";
            }
        }
        ObjectNode ok = SimWire.ok();
        ok.put("out_trade_no", no);
        ok.put("trade_no", t.channelTradeNo);
        ok.put("retry_flag", "N");
        ok.put("action", action);
        return ok;
    }

    private ObjectNode refund(Account a, JsonNode biz) {
        String no = biz.path("out_trade_no").asText();
        long fen = SimWire.fen(biz.path("refund_amount").asText());
        String reqNo = biz.path("out_request_no").asText(no);
        SimRefund r;
        Trade t;
        boolean moved = false;
        synchronized (sim) {
            t = visible(a, no);
            if (t == null) {
                return SimWire.refusal("ACQ.TRADE_NOT_EXIST", "交易不存在", no);
            }
            t.refundRequests++;
            r = t.refundRecords.get(reqNo);
            if (r != null) {
                if (r.fen != fen) {
                    return SimWire.refusal("ACQ.DISCORDANT_REPEAT_REQUEST", "重复请求的参数不一致", no);
                }
            } else {
                if (!"TRADE_SUCCESS".equals(t.state)) {
                    return SimWire.refusal("ACQ.TRADE_STATUS_ERROR", "交易状态不合法", no);
                }
                long before = t.refunds.values().stream().mapToLong(Long::longValue).sum();
                if (!biz.has("out_request_no") && fen != t.amountFen) {
                    return SimWire.refusal("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额与交易金额不相等", no);
                }
                if (fen <= 0 || before + fen > t.amountFen) {
                    return SimWire.refusal("ACQ.REASON_TRADE_REFUND_FEE_ERR", "退款金额超限", no);
                }
                r = new SimRefund();
                r.outRefundNo = reqNo;
                r.outTradeNo = no;
                r.fen = fen;
                t.refunds.put(reqNo, fen);
                t.refundRecords.put(reqNo, r);
                sim.refunds.put(reqNo, r);
                if (sim.settleAutomatically) {
                    sim.settle(t, r);
                    moved = true;
                }
            }
        }
        if (moved && sim.autoNotify) {
            sim.notifier.send(sim.notifier.refund(t, r), t.notifyUrl);
        }
        ObjectNode ok = SimWire.ok();
        ok.put("out_trade_no", no);
        ok.put("trade_no", t.channelTradeNo);
        ok.put("buyer_logon_id", "tes***@example.com");
        ok.put("fund_change", moved ? "Y" : "N");
        ok.put("refund_fee", SimWire.yuan(t.refunds.values().stream().mapToLong(Long::longValue).sum()));
        if (r.settled) {
            ok.put("gmt_refund_pay", r.at.format(TIME));
        }
        return ok;
    }

    private ObjectNode refundQuery(Account a, JsonNode biz) {
        String no = biz.path("out_trade_no").asText();
        Trade t = visible(a, no);
        if (t == null) {
            return SimWire.refusal("ACQ.TRADE_NOT_EXIST", "交易不存在", no);
        }
        ObjectNode ok = SimWire.ok();
        SimRefund r = t.refundRecords.get(biz.path("out_request_no").asText(no));
        if (r != null) {
            ok.put("out_trade_no", no);
            ok.put("trade_no", t.channelTradeNo);
            ok.put("out_request_no", r.outRefundNo);
            ok.put("total_amount", SimWire.yuan(t.amountFen));
            ok.put("refund_amount", SimWire.yuan(r.fen));
            if (r.settled) {
                ok.put("refund_status", "REFUND_SUCCESS");
                ok.put("gmt_refund_pay", r.at.format(TIME));
            }
        }
        return ok;
    }

    private ObjectNode billUrl(Account a, JsonNode biz) {
        if (!"trade".equals(biz.path("bill_type").asText())) {
            return SimWire.refusal("isp.bill_type_not_support", "不支持的账单类型", null);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(biz.path("bill_date").asText());
        } catch (RuntimeException e) {
            return SimWire.refusal("isv.invalid-bill-date", "账单日期格式不正确", null);
        }
        String token = UUID.randomUUID().toString();
        sim.bills.put(token, SimBill.zip(sim, a, day));
        ObjectNode ok = SimWire.ok();
        ok.put("bill_download_url", sim.baseUrl() + "/__sim/bill/" + token);
        return ok;
    }

    private Trade newTrade(Account a, String no, long fen, String subject, String notifyUrl) {
        Trade t = new Trade();
        t.outTradeNo = no;
        t.appId = a.appId;
        t.amountFen = fen;
        t.subject = subject;
        t.notifyUrl = notifyUrl;
        t.createdAt = AlipaySimulator.now();
        t.channelTradeNo = t.createdAt.format(DateTimeFormatter.BASIC_ISO_DATE) + "22001"
                + String.format("%015d", seq.getAndIncrement());
        return t;
    }

    private Trade visible(Account a, String no) {
        Trade t = sim.trades.get(no);
        return t != null && t.visible && a.appId.equals(t.appId) ? t : null;
    }

    private ObjectNode tradeFields(Trade t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("out_trade_no", t.outTradeNo);
        n.put("trade_no", t.channelTradeNo);
        n.put("buyer_logon_id", "tes***@example.com");
        n.put("buyer_user_id", t.buyerId);
        n.put("total_amount", SimWire.yuan(t.amountFen));
        boolean paid = t.paidAt != null;
        n.put("receipt_amount", SimWire.yuan(paid ? t.amountFen : 0));
        n.put("buyer_pay_amount", SimWire.yuan(paid ? t.amountFen : 0));
        n.put("invoice_amount", SimWire.yuan(paid ? t.amountFen : 0));
        n.put("point_amount", "0.00");
        if (paid) {
            n.put("gmt_payment", t.paidAt.format(TIME));
            n.put("send_pay_date", t.paidAt.format(TIME));
            n.putArray("fund_bill_list").addObject().put("fund_channel", "ALIPAYACCOUNT").put("amount", SimWire.yuan(t.amountFen));
        }
        return n;
    }

    private String signed(String node, ObjectNode answer) {
        String text = answer.toString();
        return "{\"" + node + "\":" + text + ",\"sign\":\"" + SimKeys.sign(sim.alipayKeys.getPrivate(), text) + "\"}";
    }

    private static String unsigned(String node, ObjectNode answer) {
        return "{\"" + node + "\":" + answer + "}";
    }

    private void sleep() {
        try {
            Thread.sleep(sim.answerDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
