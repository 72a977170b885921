package io.tessera.itests.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;

/**
 * 收银 in a real browser: a clerk rings up two items (Enter adds each line), picks the member, applies the
 * member's coupon (满100减20), takes the payable with two tenders (stored value and cash with change), prints the
 * receipt; then returns one unit of a line from the order screen and the refund comes back through the tenders.
 */
public class CheckoutBrowserIT {

    private static final String CLERK_103 = "13800000001";
    private static final String MEMBER = "13912340004";
    private static TerminalInstance tessera;
    private static String couponNo;

    @Rule
    public final Browser.Session browser = new Browser.Session("checkout");

    @BeforeClass
    public static void memberWithValueAndACoupon() throws Exception {
        tessera = TerminalInstance.shared();
        long store103 = tessera.storeId("103");
        long member = tessera.api("POST", "/members", Map.of("phone", MEMBER, "name", "郑洁", "storeId", store103)).get("id").asLong();
        tessera.api("POST", "/wallets/recharges", Map.of("memberId", member, "storeId", store103, "amount", 100, "method", "CASH"), "checkout-fixture-recharge");
        JsonNode template = tessera.api("POST", "/coupons/templates", Map.of("name", "满100减20", "kind", "THRESHOLD", "value", 20,
                "minSpend", 100, "validity", "RELATIVE", "validDays", 30, "stock", 100, "perMemberLimit", 1));
        tessera.api("POST", "/coupons/templates/" + template.get("id").asLong() + "/activate", null);
        couponNo = tessera.api("POST", "/coupons", Map.of("templateId", template.get("id").asLong(), "memberId", member, "storeId", store103),
                "checkout-fixture-claim").get("no").asText();
    }

    @Test
    public void aSaleWithACouponAndASplitTenderThenALineRefund() throws Exception {
        Browser b = browser.get();
        b.login(tessera, CLERK_103);
        b.click("[data-screen='checkout']");
        item(b, "A001", "电子血压计", "1", "60.00");
        item(b, "B002", "维生素C片", "2", "25.00");
        b.waitText("#checkout-gross", "110.00");

        b.type("#member-pick", MEMBER);
        b.el("#member-pick").submit();
        b.waitText("#picked-member", "郑洁");
        b.click("[data-coupon='" + couponNo + "']");
        b.click("[data-method='MEMBER']");
        b.click("#price-order");
        b.waitText("#order-payable", "90.00");
        assertEquals("20.00", b.text("#order-summary [data-name='discount']"));

        // Two tenders: 50.00 of stored value, the rest in cash (50.00 given, 10.00 change).
        b.click("[data-add-tender='MEMBER']");
        b.type("[data-tender-amount='MEMBER']", "50");
        b.click("[data-add-tender='CASH']");
        assertEquals("40.00", b.el("[data-tender-amount='CASH']").getAttribute("value"));
        b.type("[data-cash-received]", "50");
        b.waitText("#tender-left", "0.00");
        b.shot("1-tenders");
        b.click("#pay-order");
        b.waitText("#receipt-state", "已支付");
        assertTrue(b.text("[data-tender-paid='CASH']").contains("10.00"));
        assertEquals("50.00", b.text("[data-tender-paid='MEMBER']").trim());
        String orderNo = b.text("#receipt").replaceAll("(?s).*订单号 (\\S+).*", "$1");
        b.shot("2-receipt");

        // 订单与退款: one unit of the vitamins back.
        b.driver.get(tessera.base() + "/terminal/#/orders?orderNo=" + orderNo);
        b.el("#order-refund-form [data-line='2']").sendKeys("1");
        b.type("#refund-reason", "顾客退货");
        b.click("#order-refund-submit");
        b.waitText("#order-refunds", "顾客退货");
        b.waitText("#receipt-state", "部分退款");
        b.shot("3-refund");

        JsonNode order = tessera.api("GET", "/orders/" + orderNo, null);
        assertEquals("PARTIALLY_REFUNDED", order.get("state").asText());
        assertTrue(order.get("refunded").decimalValue().signum() > 0);
    }

    private static void item(Browser b, String code, String name, String qty, String price) {
        b.type("#item-code", code);
        b.type("#item-name", name);
        b.type("#item-qty", qty);
        b.type("#item-price", price);
        b.el("#item-price").sendKeys(org.openqa.selenium.Keys.ENTER);
        b.waitText("#checkout-lines", name);
    }
}
