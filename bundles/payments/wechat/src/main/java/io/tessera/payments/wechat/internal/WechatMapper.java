package io.tessera.payments.wechat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.payments.api.channel.ChannelResult;
import io.tessera.payments.api.channel.ChannelState;
import io.tessera.payments.api.channel.RefundResult;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** WeChat Pay's words (trade_state, refund status, error codes) read as the SPI's states (see docs/domains/payments-wechat.md). */
final class WechatMapper {

    /** Error codes after which the outcome is not known (the channel may still act): query again. */
    static final Set<String> UNDECIDED_CODES = Set.of("SYSTEM_ERROR", "SYSTEMERROR", "BANK_ERROR", "BANKERROR",
            "FREQUENCY_LIMITED", "RATELIMIT_EXCEEDED", "ORDERPAID", "OUT_TRADE_NO_USED");
    /** The payer still has to confirm (password etc.). */
    static final Set<String> USER_PAYING_CODES = Set.of("USERPAYING", "USER_PAYING");
    static final Set<String> NOT_FOUND_CODES = Set.of("ORDER_NOT_EXIST", "ORDERNOTEXIST", "RESOURCE_NOT_EXISTS");

    /** A value that is not of the expected shape: the answer is unreadable. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String what) {
            super(what, null, false, false);
        }
    }

    private WechatMapper() {
    }

    /** trade_state → ChannelState. REFUND: the payment was made (its refunds are followed separately). */
    static ChannelState tradeState(String tradeState) throws Unreadable {
        return switch (tradeState) {
            case "SUCCESS", "REFUND" -> ChannelState.SUCCEEDED;
            case "NOTPAY", "USERPAYING", "ACCEPT" -> ChannelState.WAITING;
            case "CLOSED", "REVOKED" -> ChannelState.CLOSED;
            case "PAYERROR" -> ChannelState.FAILED;
            default -> throw new Unreadable("unknown trade_state " + tradeState);
        };
    }

    /** A transaction object (query answer, codepay answer, decrypted notification resource). */
    static ChannelResult transaction(JsonNode t, String outTradeNo) throws Unreadable {
        String tradeState = text(t, "trade_state");
        if (tradeState == null) {
            throw new Unreadable("trade_state missing");
        }
        ChannelResult r = new ChannelResult();
        r.outTradeNo = t.hasNonNull("out_trade_no") ? t.get("out_trade_no").asText() : outTradeNo;
        r.state = tradeState(tradeState);
        r.channelTradeNo = text(t, "transaction_id");
        JsonNode total = t.path("amount").path("total");
        if (!total.isMissingNode() && !total.isNull()) {
            if (!total.isIntegralNumber()) {
                throw new Unreadable("amount.total is not an integer");
            }
            r.paidFen = r.state == ChannelState.SUCCEEDED ? total.longValue() : null;
        } else if (r.state == ChannelState.SUCCEEDED) {
            throw new Unreadable("amount.total missing in a paid transaction");
        }
        r.paidAt = r.state == ChannelState.SUCCEEDED ? time(t, "success_time") : null;
        r.payerId = r.state == ChannelState.SUCCEEDED ? text(t.path("payer"), "openid") : null;
        if (r.state == ChannelState.FAILED || r.state == ChannelState.CLOSED) {
            r.channelCode = tradeState;
            r.channelMessage = text(t, "trade_state_desc");
        }
        return r;
    }

    /**
     * A refund object: {@code status} in the refund APIs, {@code refund_status} in notifications. CLOSED and
     * ABNORMAL (the money could not reach the payer) are FAILED with the word as channelCode.
     */
    static RefundResult refund(JsonNode r, String outRefundNo) throws Unreadable {
        String status = text(r, "status");
        if (status == null) {
            status = text(r, "refund_status");
        }
        if (status == null) {
            throw new Unreadable("refund status missing");
        }
        RefundResult out = new RefundResult();
        out.outRefundNo = r.hasNonNull("out_refund_no") ? r.get("out_refund_no").asText() : outRefundNo;
        out.state = switch (status) {
            case "SUCCESS" -> RefundResult.State.SUCCEEDED;
            case "PROCESSING" -> RefundResult.State.PROCESSING;
            case "CLOSED", "ABNORMAL" -> RefundResult.State.FAILED;
            default -> throw new Unreadable("unknown refund status " + status);
        };
        out.channelRefundNo = text(r, "refund_id");
        JsonNode fen = r.path("amount").path("refund");
        if (!fen.isMissingNode() && !fen.isNull()) {
            if (!fen.isIntegralNumber()) {
                throw new Unreadable("amount.refund is not an integer");
            }
            out.refundFen = fen.longValue();
        }
        out.refundedAt = out.state == RefundResult.State.SUCCEEDED ? time(r, "success_time") : null;
        if (out.state == RefundResult.State.FAILED) {
            out.channelCode = status;
            out.channelMessage = "CLOSED".equals(status) ? "refund closed by WeChat Pay"
                    : "refund abnormal: the payer's account could not be credited (settle it offline or in the merchant platform)";
        }
        return out;
    }

    static ChannelResult payment(String outTradeNo, ChannelState state, String code, String message) {
        ChannelResult r = new ChannelResult();
        r.outTradeNo = outTradeNo;
        r.state = state;
        r.channelCode = code;
        r.channelMessage = message;
        return r;
    }

    static RefundResult refundState(String outRefundNo, RefundResult.State state, String code, String message) {
        RefundResult r = new RefundResult();
        r.outRefundNo = outRefundNo;
        r.state = state;
        r.channelCode = code;
        r.channelMessage = message;
        return r;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static OffsetDateTime time(JsonNode node, String field) throws Unreadable {
        String v = text(node, field);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new Unreadable(field + " is not an RFC 3339 time");
        }
    }

    /** The last 4 characters of a payment code, the rest masked, for logs. */
    static String mask(String authCode) {
        if (authCode == null) {
            return null;
        }
        int keep = Math.min(4, authCode.length());
        return "*".repeat(authCode.length() - keep) + authCode.substring(authCode.length() - keep);
    }
}
