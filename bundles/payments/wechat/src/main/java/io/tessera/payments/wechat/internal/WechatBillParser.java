package io.tessera.payments.wechat.internal;

import io.tessera.payments.api.channel.Bill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trade bill of {@code bill_type=ALL} (PROTOCOLS.md A9): UTF-8 text with a BOM, CRLF or LF lines, a detail
 * header, detail rows whose every value starts with one backtick, then the summary header (总交易单数...) and row.
 * Columns are found by header name. Amounts are yuan with 2 decimals, 手续费 with 5 decimals valued to the fen.
 */
final class WechatBillParser {

    static final String TIME = "交易时间";
    static final String TRANSACTION_ID = "微信订单号";
    static final String OUT_TRADE_NO = "商户订单号";
    static final String STATE = "交易状态";
    static final String SETTLED = "应结订单金额";
    static final String OUT_REFUND_NO = "商户退款单号";
    static final String REFUND = "退款金额";
    static final String FEE = "手续费";
    static final String ORDER_AMOUNT = "订单金额";
    static final String REFUND_REQUESTED = "申请退款金额";
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A bill that does not have the expected shape. */
    static final class BadBill extends Exception {
        private static final long serialVersionUID = 1L;

        BadBill(String what) {
            super(what, null, false, false);
        }
    }

    private WechatBillParser() {
    }

    /** The detail rows. Payment rows: amount = 订单金额; refund rows (交易状态 REFUND): amount = 申请退款金额. */
    static List<Bill.Row> parse(byte[] file) throws BadBill {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new BadBill("empty bill");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = lines[0].split(",", -1);
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(header[i].trim(), i);
        }
        for (String required : List.of(TIME, TRANSACTION_ID, OUT_TRADE_NO, STATE, SETTLED, OUT_REFUND_NO, REFUND, FEE)) {
            if (!columns.containsKey(required)) {
                throw new BadBill("bill header has no column " + required);
            }
        }
        List<Bill.Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n];
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("总交易单数")) {
                break;
            }
            String[] f = line.split(",", -1);
            if (f.length < header.length) {
                throw new BadBill("bill line " + (n + 1) + " has " + f.length + " fields, the header " + header.length);
            }
            rows.add(row(f, columns, n + 1));
        }
        return rows;
    }

    private static Bill.Row row(String[] f, Map<String, Integer> c, int line) throws BadBill {
        Bill.Row r = new Bill.Row();
        r.state = value(f, c, STATE);
        r.outTradeNo = value(f, c, OUT_TRADE_NO);
        r.channelTradeNo = value(f, c, TRANSACTION_ID);
        boolean refund = "REFUND".equals(r.state);
        String refundNo = value(f, c, OUT_REFUND_NO);
        r.outRefundNo = refund && !refundNo.isEmpty() && !"0".equals(refundNo) ? refundNo : null;
        if (refund) {
            String requested = c.containsKey(REFUND_REQUESTED) ? value(f, c, REFUND_REQUESTED) : "";
            r.amountFen = fen(requested.isEmpty() ? value(f, c, REFUND) : requested, 2, line);
        } else {
            r.amountFen = fen(c.containsKey(ORDER_AMOUNT) ? value(f, c, ORDER_AMOUNT) : value(f, c, SETTLED), 2, line);
        }
        r.feeFen = fen(value(f, c, FEE), 5, line);
        try {
            r.at = LocalDateTime.parse(value(f, c, TIME), TIME_FORMAT).atOffset(CHINA);
        } catch (DateTimeParseException e) {
            throw new BadBill("bill line " + line + ": 交易时间 is not yyyy-MM-dd HH:mm:ss");
        }
        return r;
    }

    /** The field without its one leading backtick. */
    private static String value(String[] f, Map<String, Integer> c, String column) {
        String v = f[c.get(column)].trim();
        return v.startsWith("`") ? v.substring(1).trim() : v;
    }

    /**
     * Yuan to fen. Up to {@code maxScale} decimals are accepted; the value must be whole fen (the fee's five
     * decimals are zeros past the fen), else the bill is refused rather than rounded.
     */
    static long fen(String yuan, int maxScale, int line) throws BadBill {
        try {
            BigDecimal v = new BigDecimal(yuan.isEmpty() ? "0" : yuan);
            if (v.scale() > maxScale) {
                throw new BadBill("bill line " + line + ": amount " + yuan + " has more than " + maxScale + " decimals");
            }
            return v.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (NumberFormatException e) {
            throw new BadBill("bill line " + line + ": amount " + yuan + " is not a decimal");
        } catch (ArithmeticException e) {
            throw new BadBill("bill line " + line + ": amount " + yuan + " is not whole fen");
        }
    }
}
