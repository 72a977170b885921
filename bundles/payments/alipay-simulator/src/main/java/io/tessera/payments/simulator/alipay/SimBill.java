package io.tessera.payments.simulator.alipay;

import io.tessera.payments.simulator.alipay.AlipaySimulator.Account;
import io.tessera.payments.simulator.alipay.AlipaySimulator.SimRefund;
import io.tessera.payments.simulator.alipay.AlipaySimulator.Trade;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The daily trade bill (业务明细) of one app as a ZIP of two GBK CSV files, in the layout of real Alipay bills:
 * comment header, 25 columns, ids and types followed by a TAB, refund rows with negative amounts, footer; and the
 * summary (汇总) file with a {@code 合计} row. Fee (服务费): payment amount × 0.0060 rounded half up, written
 * negative (charged); a refund returns its share (refund × rate half up, the last refund all that is left),
 * written positive. The sign convention is [U] (see PROTOCOLS.md B7/B8).
 */
final class SimBill {

    static final BigDecimal RATE = new BigDecimal("0.0060");
    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
            + "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
            + "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    private SimBill() {
    }

    private record Line(LocalDateTime at, String text, boolean refund, long fen, long fee) {
    }

    static byte[] zip(AlipaySimulator sim, Account a, LocalDate day) {
        List<Line> lines = new ArrayList<>();
        synchronized (sim) {
            for (Trade t : sim.trades.values()) {
                if (!a.appId.equals(t.appId) || t.paidAt == null) {
                    continue;
                }
                long fee = fee(t.amountFen);
                if (t.paidAt.toLocalDate().equals(day)) {
                    lines.add(new Line(t.paidAt, row(t, "交易", t.createdAt, t.paidAt, t.amountFen, "", -fee), false, t.amountFen, fee));
                }
                long refunded = 0;
                long feeReturned = 0;
                List<SimRefund> settled = t.refundRecords.values().stream().filter(r -> r.settled)
                        .sorted(Comparator.comparing((SimRefund r) -> r.at)).toList();
                for (SimRefund r : settled) {
                    long back = refunded + r.fen == t.amountFen ? fee - feeReturned : Math.min(fee(r.fen), fee - feeReturned);
                    refunded += r.fen;
                    feeReturned += back;
                    if (r.at.toLocalDate().equals(day)) {
                        lines.add(new Line(r.at, row(t, "退款", r.at, r.at, -r.fen, r.outRefundNo, back), true, r.fen, back));
                    }
                }
            }
        }
        lines.sort(Comparator.comparing(Line::at));
        String account = a.sellerId + "0156";
        String d = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, GBK)) {
            zip.putNextEntry(new ZipEntry(account + "_" + d + "_业务明细.csv"));
            zip.write(detail(account, day, lines).getBytes(GBK));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(account + "_" + d + "_业务明细(汇总).csv"));
            zip.write(summary(account, day, lines).getBytes(GBK));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static long fee(long fen) {
        return BigDecimal.valueOf(fen).multiply(RATE).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static String row(Trade t, String type, LocalDateTime created, LocalDateTime done, long fen, String refundNo,
            long signedFee) {
        String amount = SimWire.yuan(fen);
        return String.join(",", t.channelTradeNo + "\t", t.outTradeNo + "\t", type + "\t", t.subject == null ? "" : t.subject,
                SimWire.time(created), SimWire.time(done), "\t", "\t", "", "\t", "tes***@example.com\t",
                amount, amount, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00", refundNo + "\t",
                SimWire.yuan(signedFee), "0.00", t.subject == null ? "" : t.subject);
    }

    private static String header(String title, String account, LocalDate day) {
        String from = day.format(DateTimeFormatter.ofPattern("yyyy年MM月dd日")) + " 00:00:00";
        String to = day.plusDays(1).format(DateTimeFormatter.ofPattern("yyyy年MM月dd日")) + " 00:00:00";
        return "#" + title + "\r\n#账号：[" + account + "]\r\n#起始日期：[" + from + "]   终止日期：[" + to + "]\r\n";
    }

    private static String detail(String account, LocalDate day, List<Line> lines) {
        StringBuilder b = new StringBuilder(header("支付宝业务明细查询", account, day));
        b.append("#-----------------------------------------业务明细列表----------------------------------------\r\n");
        b.append(HEADER).append("\r\n");
        long paid = 0;
        long refunded = 0;
        int payments = 0;
        for (Line l : lines) {
            b.append(l.text()).append("\r\n");
            if (l.refund()) {
                refunded += l.fen();
            } else {
                paid += l.fen();
                payments++;
            }
        }
        b.append("#-----------------------------------------业务明细列表结束------------------------------------\r\n");
        b.append("#交易合计：").append(payments).append("笔，商家实收共").append(SimWire.yuan(paid)).append("元，商家优惠共0.00元\r\n");
        b.append("#退款合计：").append(lines.size() - payments).append("笔，商家实收退款共").append(SimWire.yuan(-refunded))
                .append("元，商家优惠退款共0.00元\r\n");
        b.append("#导出时间：[").append(AlipaySimulator.now().format(DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss"))).append("]\r\n");
        return b.toString();
    }

    private static String summary(String account, LocalDate day, List<Line> lines) {
        long paid = 0;
        long refunded = 0;
        long fee = 0;
        int payments = 0;
        for (Line l : lines) {
            if (l.refund()) {
                refunded += l.fen();
                fee += l.fee();
            } else {
                paid += l.fen();
                fee -= l.fee();
                payments++;
            }
        }
        String net = SimWire.yuan(paid - refunded);
        String row = String.join(",", "%s", "%s", String.valueOf(payments), String.valueOf(lines.size() - payments),
                SimWire.yuan(paid - refunded), net, "0.00", "0.00", "0.00", SimWire.yuan(fee), "0.00",
                SimWire.yuan(paid - refunded + fee));
        StringBuilder b = new StringBuilder(header("支付宝业务汇总查询", account, day));
        b.append("#-----------------------------------------业务汇总列表----------------------------------------\r\n");
        b.append("门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）\r\n");
        if (!lines.isEmpty()) {
            b.append(String.format(row, "\t", "\t")).append("\r\n");
        }
        b.append(String.format(row, "合计", "")).append("\r\n");
        b.append("#-----------------------------------------业务汇总列表结束------------------------------------\r\n");
        b.append("#导出时间：[").append(AlipaySimulator.now().format(DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss"))).append("]\r\n");
        return b.toString();
    }
}
