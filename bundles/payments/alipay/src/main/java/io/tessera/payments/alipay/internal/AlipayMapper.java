package io.tessera.payments.alipay.internal;

import io.tessera.payments.alipay.internal.AlipayClient.Reply;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.RefundResult;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Alipay's words (codes, sub_codes, trade_status, refund_status, yuan strings, GMT+8 times) → the SPI's. */
final class AlipayMapper {

    /** Gateway codes and sub_codes after which nobody knows whether the call took effect. */
    private static final Set<String> UNKNOWN_CODES = Set.of("20000", "ACQ.SYSTEM_ERROR", "isp.unknow-error", "aop.unknow-error");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]");

    private AlipayMapper() {
    }

    /** Fen → Alipay's yuan string with two decimals. */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** Alipay's yuan string → fen, exactly; null when absent; {@link NumberFormatException} beyond two decimals. */
    static Long fen(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        BigDecimal v = new BigDecimal(yuan.trim());
        if (v.stripTrailingZeros().scale() > 2) {
            throw new NumberFormatException("more than two decimals in an amount");
        }
        return v.movePointRight(2).longValueExact();
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.SSS]} at GMT+8, or null when absent or unreadable. */
    static OffsetDateTime time(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.trim(), TIME).atZone(AlipayClient.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean unknownOutcome(Reply r) {
        return UNKNOWN_CODES.contains(r.code()) || UNKNOWN_CODES.contains(r.subCode());
    }

    static ChannelResult result(String outTradeNo, ChannelState state) {
        ChannelResult c = new ChannelResult();
        c.outTradeNo = outTradeNo;
        c.state = state;
        return c;
    }

    static ChannelResult unknown(String outTradeNo, String why) {
        ChannelResult c = result(outTradeNo, ChannelState.UNKNOWN);
        c.channelMessage = why;
        return c;
    }

    static ChannelResult refused(String outTradeNo, ChannelState state, Reply r) {
        ChannelResult c = result(outTradeNo, state);
        c.channelCode = r.refusalCode();
        c.channelMessage = r.refusalMessage();
        return c;
    }

    /** alipay.trade.pay: 10000 paid, 10003 waiting, unknown codes UNKNOWN, any other refusal FAILED. */
    static ChannelResult pay(String outTradeNo, Reply r) {
        if (r.ok()) {
            return trade(outTradeNo, r, ChannelState.SUCCEEDED);
        }
        if ("10003".equals(r.code())) {
            return trade(outTradeNo, r, ChannelState.WAITING);
        }
        return refused(outTradeNo, unknownOutcome(r) ? ChannelState.UNKNOWN : ChannelState.FAILED, r);
    }

    /** alipay.trade.query with code 10000: by trade_status. */
    static ChannelResult query(String outTradeNo, Reply r) {
        String status = r.text("trade_status");
        ChannelState state = status == null ? ChannelState.UNKNOWN : switch (status) {
            case "WAIT_BUYER_PAY" -> ChannelState.WAITING;
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> ChannelState.SUCCEEDED;
            case "TRADE_CLOSED" -> ChannelState.CLOSED;
            default -> ChannelState.UNKNOWN;
        };
        ChannelResult c = trade(outTradeNo, r, state);
        c.channelCode = status;
        return c;
    }

    private static ChannelResult trade(String outTradeNo, Reply r, ChannelState state) {
        ChannelResult c = result(outTradeNo, state);
        c.channelTradeNo = r.text("trade_no");
        if (state == ChannelState.SUCCEEDED) {
            c.paidFen = fen(r.text("total_amount"));
            OffsetDateTime at = time(r.text("gmt_payment"));
            c.paidAt = at != null ? at : time(r.text("send_pay_date"));
            c.payerId = r.text("buyer_user_id");
        }
        return c;
    }

    static RefundResult refund(String outRefundNo, RefundResult.State state) {
        RefundResult x = new RefundResult();
        x.outRefundNo = outRefundNo;
        x.state = state;
        return x;
    }

    static RefundResult refundRefused(String outRefundNo, Reply r) {
        RefundResult x = refund(outRefundNo, unknownOutcome(r) ? RefundResult.State.UNKNOWN : RefundResult.State.FAILED);
        x.channelCode = r.refusalCode();
        x.channelMessage = r.refusalMessage();
        return x;
    }

    /**
     * alipay.trade.fastpay.refund.query with code 10000: REFUND_SUCCESS → SUCCEEDED; the refund known but without
     * a status → PROCESSING; nothing known of it → UNKNOWN (code REFUND_NOT_FOUND: send the refund again, same no).
     */
    static RefundResult refundQuery(String outRefundNo, Reply r) {
        String status = r.text("refund_status");
        if ("REFUND_SUCCESS".equals(status)) {
            RefundResult x = refund(outRefundNo, RefundResult.State.SUCCEEDED);
            x.refundFen = fen(r.text("refund_amount"));
            x.refundedAt = time(r.text("gmt_refund_pay"));
            x.channelRefundNo = r.text("trade_no");
            x.channelCode = status;
            return x;
        }
        if (r.text("out_request_no") != null || r.text("refund_amount") != null) {
            RefundResult x = refund(outRefundNo, RefundResult.State.PROCESSING);
            x.refundFen = fen(r.text("refund_amount"));
            x.channelRefundNo = r.text("trade_no");
            x.channelCode = status;
            return x;
        }
        RefundResult x = refund(outRefundNo, RefundResult.State.NOT_FOUND);
        x.channelCode = "REFUND_NOT_FOUND";
        x.channelMessage = "Alipay knows no refund " + outRefundNo + " of this trade (not received, or refused): asked for again";
        return x;
    }
}
