package io.tessera.payments.wechat.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.payments.api.channel.Bill;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.Test;

/** A bill in the shape of PROTOCOLS.md A9 (real samples: BOM, CRLF, backticks, fee with 5 decimals, negative refund fee). */
public class WechatBillParserTest {

    private static final String HEADER = "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
            + "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
            + "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";

    @Test
    public void paymentAndRefundRowsInFen() throws Exception {
        String bill = "\uFEFF" + HEADER + "\r\n"
                + "`2024-03-01 10:15:02,`wx2421b1c4370ec43b,`1900000109,`0,`,`4200002130202403011234567890,`P1001,"
                + "`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`SUCCESS,`OTHERS,`CNY,`1299.02,`0.00,`0,`0,`0.00,`0.00,`,`,"
                + "`Tessera 103,`,`7.79000,`0.60%,`1299.02,`0.00,`\r\n"
                + "`2024-03-01 18:00:00,`wx2421b1c4370ec43b,`1900000109,`0,`,`4200002130202403011234567890,`P1001,"
                + "`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o,`NATIVE,`REFUND,`OTHERS,`CNY,`0.00,`0.00,`50300000012024030100000000001,"
                + "`R2001,`45.00,`0.00,`ORIGINAL,`SUCCESS,`Tessera 103,`,`-0.27000,`0.60%,`0.00,`45.00,`\r\n"
                + "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\r\n"
                + "`2,`1299.02,`45.00,`0.00,`7.52000,`1299.02,`45.00\r\n";
        List<Bill.Row> rows = WechatBillParser.parse(bill.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, rows.size());
        Bill.Row pay = rows.get(0);
        assertEquals("P1001", pay.outTradeNo);
        assertEquals("4200002130202403011234567890", pay.channelTradeNo);
        assertNull(pay.outRefundNo);
        assertEquals(129902L, pay.amountFen);
        assertEquals(779L, pay.feeFen);
        assertEquals("SUCCESS", pay.state);
        assertEquals(OffsetDateTime.parse("2024-03-01T10:15:02+08:00"), pay.at);
        Bill.Row refund = rows.get(1);
        assertEquals("REFUND", refund.state);
        assertEquals("R2001", refund.outRefundNo);
        assertEquals("P1001", refund.outTradeNo);
        assertEquals(4500L, refund.amountFen);
        assertEquals(-27L, refund.feeFen);
    }

    @Test
    public void columnsAreFoundByNameAndLfLinesWork() throws Exception {
        String bill = "交易状态,商户订单号,微信订单号,交易时间,应结订单金额,商户退款单号,退款金额,手续费\n"
                + "`SUCCESS,`P2,`42000,`2024-03-02 00:00:01,`0.01,`0,`0.00,`0.00000\n";
        Bill.Row r = WechatBillParser.parse(bill.getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals("P2", r.outTradeNo);
        assertEquals(1L, r.amountFen);
        assertEquals(0L, r.feeFen);
    }

    @Test
    public void aFeeThatIsNotWholeFenIsRefusedNotRounded() {
        String bill = HEADER.replace(",", ",") + "\n" + "`2024-03-01 10:15:02,`wx,`1,`0,`,`42,`P3,`o,`NATIVE,`SUCCESS,`OTHERS,"
                + "`CNY,`1.00,`0.00,`0,`0,`0.00,`0.00,`,`,`x,`,`0.00600,`0.60%,`1.00,`0.00,`\n";
        try {
            WechatBillParser.parse(bill.getBytes(StandardCharsets.UTF_8));
            fail();
        } catch (WechatBillParser.BadBill e) {
            assertTrue(e.getMessage(), e.getMessage().contains("whole fen"));
        }
    }

    @Test
    public void aBillWithoutItsColumnsIsRefused() {
        try {
            WechatBillParser.parse("a,b,c\n`1,`2,`3\n".getBytes(StandardCharsets.UTF_8));
            fail();
        } catch (WechatBillParser.BadBill e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no column"));
        }
    }
}
