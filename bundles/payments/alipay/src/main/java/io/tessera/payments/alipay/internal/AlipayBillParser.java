package io.tessera.payments.alipay.internal;

import io.tessera.payments.api.channel.Bill;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The daily trade bill ZIP (B7): the GBK {@code …_业务明细.csv} entry (not the 汇总 one), rows between the
 * {@code 业务明细列表} markers, columns found by header name, every field trimmed of its trailing TAB.
 * Amounts: {@code amountFen} is the row's 订单金额 as a positive amount for payments and refunds alike;
 * {@code feeFen} is 服务费 with the sign given by the row's 业务类型 (charged on 交易 positive, returned on 退款
 * negative), whatever sign the file prints ([U] in the sources). {@code state} is the 业务类型 (交易 / 退款).
 */
final class AlipayBillParser {

    private static final Charset GBK = Charset.forName("GBK");
    static final String TRADE_NO = "支付宝交易号";
    static final String OUT_TRADE_NO = "商户订单号";
    static final String TYPE = "业务类型";
    static final String CREATED = "创建时间";
    static final String DONE = "完成时间";
    static final String AMOUNT = "订单金额（元）";
    static final String REFUND_NO = "退款批次号/请求号";
    static final String FEE = "服务费（元）";

    private AlipayBillParser() {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException when the file is not a bill this parser can read */
    static Bill parse(byte[] zip, LocalDate day, String merchantId) {
        Bill bill = new Bill();
        bill.day = day;
        bill.merchantId = merchantId;
        bill.sha256 = sha256(zip);
        bill.rows = rows(detailCsv(zip));
        return bill;
    }

    private static String detailCsv(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), GBK)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String name = e.getName();
                if (name.endsWith("业务明细.csv") && !name.contains("汇总")) {
                    return new String(in.readAllBytes(), GBK);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the bill is not a readable ZIP (" + e.getClass().getSimpleName() + ")");
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("the bill is not a readable ZIP");
        }
        throw new IllegalArgumentException("the bill ZIP has no 业务明细.csv entry");
    }

    static List<Bill.Row> rows(String csv) {
        List<Bill.Row> rows = new ArrayList<>();
        boolean inList = false;
        Map<String, Integer> col = null;
        for (String raw : csv.split("\r?\n")) {
            String line = raw.replace("\uFEFF", "");
            if (line.startsWith("#")) {
                if (line.contains("业务明细列表")) {
                    if (line.contains("结束")) {
                        return rows;
                    }
                    inList = true;
                }
                continue;
            }
            if (!inList || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (col == null) {
                col = new HashMap<>();
                for (int i = 0; i < f.length; i++) {
                    col.put(f[i].trim(), i);
                }
                for (String need : List.of(TRADE_NO, OUT_TRADE_NO, TYPE, AMOUNT, REFUND_NO, FEE, DONE)) {
                    if (!col.containsKey(need)) {
                        throw new IllegalArgumentException("the bill has no column " + need);
                    }
                }
                continue;
            }
            rows.add(row(f, col));
        }
        if (col == null) {
            throw new IllegalArgumentException("the bill has no detail list");
        }
        throw new IllegalArgumentException("the bill's detail list has no end marker (truncated file?)");
    }

    private static Bill.Row row(String[] f, Map<String, Integer> col) {
        Bill.Row r = new Bill.Row();
        r.channelTradeNo = field(f, col, TRADE_NO);
        r.outTradeNo = field(f, col, OUT_TRADE_NO);
        r.state = field(f, col, TYPE);
        boolean refund = "退款".equals(r.state);
        String refundNo = field(f, col, REFUND_NO);
        r.outRefundNo = refund ? (refundNo.isEmpty() ? r.outTradeNo : refundNo) : null;
        r.amountFen = Math.abs(fen(field(f, col, AMOUNT)));
        long fee = Math.abs(fen(field(f, col, FEE)));
        r.feeFen = refund ? -fee : fee;
        String done = field(f, col, DONE);
        r.at = AlipayMapper.time(done.isEmpty() && col.containsKey(CREATED) ? field(f, col, CREATED) : done);
        return r;
    }

    private static String field(String[] f, Map<String, Integer> col, String name) {
        int i = col.get(name);
        return i < f.length ? f[i].trim() : "";
    }

    private static long fen(String yuan) {
        if (yuan.isEmpty()) {
            return 0;
        }
        try {
            return new BigDecimal(yuan).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("the bill has an unreadable amount");
        }
    }
}
