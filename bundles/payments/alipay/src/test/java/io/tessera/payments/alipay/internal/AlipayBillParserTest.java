package io.tessera.payments.alipay.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.payments.api.channel.Bill;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.Test;

/** The 业务明细 layout of PROTOCOLS.md B7 (a real 2019 sample, completed to 25 columns), as a GBK ZIP. */
public class AlipayBillParserTest {

    private static final Charset GBK = Charset.forName("GBK");
    static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
            + "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,"
            + "商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    static final String SAMPLE = "#支付宝业务明细查询\r\n"
            + "#账号：[20880211096256330156]\r\n"
            + "#起始日期：[2019年09月16日 00:00:00]   终止日期：[2019年09月17日 00:00:00]\r\n"
            + "#-----------------------------------------业务明细列表----------------------------------------\r\n"
            + HEADER + "\r\n"
            + "2019091622001458860515315453\t,service_1568601259302\t,交易\t,下单测试,2019-09-16 10:55:16,2019-09-16 10:55:23,\t,\t,,\t,"
            + "tes***@example.com\t,0.01,0.01,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,\t,0.00,0.00,下单测试\r\n"
            + "2019091622001458860515315453\t,service_1568601259302\t,退款\t,下单测试,2019-09-16 11:16:47,2019-09-16 11:16:47,\t,\t,,\t,"
            + "tes***@example.com\t,-0.01,-0.01,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,re_test_1568602607356\t,0.00,0.00,下单测试\r\n"
            + "2019091622001458860515399999\t,P103A0001\t,交易\t,103 蓝色港湾,2019-09-16 12:00:00,2019-09-16 12:00:05,\t,\t,,\t,"
            + "tes***@example.com\t,100.00,100.00,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,\t,-0.60,0.00,备注, 带逗号\r\n"
            + "2019091622001458860515399999\t,P103A0001\t,退款\t,103 蓝色港湾,2019-09-16 15:00:00,2019-09-16 15:00:01,\t,\t,,\t,"
            + "tes***@example.com\t,-30.00,-30.00,0.00,0.00,0.00,0.00,0.00,,0.00,0.00,R103A0001-1\t,0.18,0.00,\r\n"
            + "#-----------------------------------------业务明细列表结束------------------------------------\r\n"
            + "#交易合计：2笔，商家实收共100.01元，商家优惠共0.00元\r\n"
            + "#退款合计：2笔，商家实收退款共-30.01元，商家优惠退款共0.00元\r\n"
            + "#导出时间：[2019年09月17日 05:46:49]\r\n";

    static byte[] zip(String detail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, GBK)) {
            z.putNextEntry(new ZipEntry("20880211096256330156_20190916_业务明细(汇总).csv"));
            z.write("#支付宝业务汇总查询\r\n合计,,2,2,70.00,70.00,0.00,0.00,0.00,-0.42,0.00,69.58\r\n".getBytes(GBK));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("20880211096256330156_20190916_业务明细.csv"));
            z.write(detail.getBytes(GBK));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    public void theSampleBill() throws Exception {
        byte[] zip = zip(SAMPLE);
        Bill b = AlipayBillParser.parse(zip, LocalDate.of(2019, 9, 16), "2021");
        assertEquals(AlipayBillParser.sha256(zip), b.sha256);
        assertEquals(64, b.sha256.length());
        assertEquals(4, b.rows.size());
        Bill.Row pay = b.rows.get(0);
        assertEquals("2019091622001458860515315453", pay.channelTradeNo);
        assertEquals("service_1568601259302", pay.outTradeNo);
        assertNull(pay.outRefundNo);
        assertEquals("交易", pay.state);
        assertEquals(1, pay.amountFen);
        assertEquals(0, pay.feeFen);
        assertEquals(OffsetDateTime.parse("2019-09-16T10:55:23+08:00"), pay.at);
        Bill.Row refund = b.rows.get(1);
        assertEquals("re_test_1568602607356", refund.outRefundNo);
        assertEquals("退款", refund.state);
        assertEquals(1, refund.amountFen);
        Bill.Row big = b.rows.get(2);
        assertEquals(10000, big.amountFen);
        assertEquals("a fee printed negative is still a fee charged", 60, big.feeFen);
        Bill.Row back = b.rows.get(3);
        assertEquals("R103A0001-1", back.outRefundNo);
        assertEquals(3000, back.amountFen);
        assertEquals("a refund returns fee", -18, back.feeFen);
    }

    @Test
    public void aTruncatedBillIsRefused() throws Exception {
        String cut = SAMPLE.substring(0, SAMPLE.lastIndexOf('\n', SAMPLE.indexOf("业务明细列表结束")) + 1);
        try {
            AlipayBillParser.parse(zip(cut), LocalDate.of(2019, 9, 16), "2021");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("end marker"));
        }
    }

    @Test
    public void notAZip() {
        try {
            AlipayBillParser.parse("<html>expired</html>".getBytes(GBK), LocalDate.of(2019, 9, 16), "2021");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("业务明细"));
        }
    }

    @Test
    public void amounts() {
        assertEquals("0.01", AlipayMapper.yuan(1));
        assertEquals("1234567.89", AlipayMapper.yuan(123456789));
        assertEquals("0.00", AlipayMapper.yuan(0));
        assertEquals(Long.valueOf(8888), AlipayMapper.fen("88.88"));
        assertEquals(Long.valueOf(10000), AlipayMapper.fen("100"));
        assertEquals(Long.valueOf(10), AlipayMapper.fen("0.10"));
        assertNull(AlipayMapper.fen(null));
        try {
            AlipayMapper.fen("0.001");
            fail();
        } catch (NumberFormatException e) {
            // more than two decimals
        }
    }
}
