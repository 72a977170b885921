package io.tessera.payments.simulator.wechat;

import io.tessera.payments.simulator.wechat.WechatSimulator.Merchant;
import io.tessera.payments.simulator.wechat.WechatSimulator.RefundRec;
import io.tessera.payments.simulator.wechat.WechatSimulator.Trade;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bill_type=ALL} trade bill of PROTOCOLS.md A9: UTF-8 with a BOM, CRLF, 27-column detail header,
 * rows whose values start with a backtick, then the summary header and row. One payment row per trade paid that
 * day (China time), one refund row per refund accepted that day (fee negative: returned).
 */
final class SimBill {

    static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
            + "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
            + "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
    static final String SUMMARY = "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SimBill() {
    }

    /** Caller holds the simulator's lock. */
    static byte[] tradeBill(WechatSimulator sim, Merchant m, LocalDate day) {
        String rate = new BigDecimal(WechatSimulator.FEE_RATE).movePointRight(2).setScale(2).toPlainString() + "%";
        List<String> lines = new ArrayList<>();
        long settled = 0;
        long refunded = 0;
        long fees = 0;
        long ordered = 0;
        for (Trade t : sim.trades.values()) {
            if (!t.mchid.equals(m.mchid) || t.succeeded == null || !onDay(t.succeeded, day)) {
                continue;
            }
            lines.add(row(time(t.succeeded), t.appid, t.mchid, "0", "", t.channelTradeNo, t.outTradeNo, "oSim" + t.mchid,
                    t.tradeType, "SUCCESS", "OTHERS", "CNY", yuan(t.amountFen), "0.00", "0", "0", "0.00", "0.00", "", "",
                    t.description, "", fee(t.feeFen), rate, yuan(t.amountFen), "0.00", ""));
            settled += t.amountFen;
            ordered += t.amountFen;
            fees += t.feeFen;
        }
        for (RefundRec r : sim.refunds.values()) {
            if (!r.mchid.equals(m.mchid) || !onDay(r.created, day)) {
                continue;
            }
            Trade t = sim.trades.get(r.outTradeNo);
            lines.add(row(time(r.created), t.appid, t.mchid, "0", "", t.channelTradeNo, t.outTradeNo, "oSim" + t.mchid,
                    t.tradeType, "REFUND", "OTHERS", "CNY", "0.00", "0.00", r.refundId, r.outRefundNo, yuan(r.fen), "0.00",
                    "ORIGINAL", r.status, t.description, "", fee(-r.feeFen), rate, "0.00", yuan(r.fen), ""));
            refunded += r.fen;
            fees -= r.feeFen;
        }
        StringBuilder b = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        lines.forEach(l -> b.append(l).append("\r\n"));
        b.append(SUMMARY).append("\r\n");
        b.append(row(String.valueOf(lines.size()), yuan(settled), yuan(refunded), "0.00", fee(fees), yuan(ordered),
                yuan(refunded))).append("\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean onDay(Instant at, LocalDate day) {
        return at.atOffset(SimApi.CHINA).toLocalDate().equals(day);
    }

    private static String time(Instant at) {
        return at.atOffset(SimApi.CHINA).format(TIME);
    }

    private static String row(String... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "`" : ",`").append(values[i]);
        }
        return b.toString();
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** 手续费 is printed with five decimals. */
    static String fee(long fen) {
        return BigDecimal.valueOf(fen, 2).setScale(5).toPlainString();
    }
}
