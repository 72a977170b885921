package io.tessera.itests.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;

/**
 * 会员储值管理 in a real browser: a store manager recharges a member with a package, the member pays with stored value, the
 * manager refunds part of that payment from the transaction records, and the store's ledgers show it; every figure
 * is then checked against the API.
 */
public class StoredValueBrowserIT {

    /** The store manager of 103 (the clerk logs in for the card migration: one code a minute per phone). */
    private static final String MANAGER_103 = "13800000002";
    private static final String MEMBER = "13912340002";
    private static TerminalInstance tessera;
    private static long store103;

    private static final String TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

    /** An amount as the terminal shows it: two decimals, thousands grouped. */
    static String money(JsonNode amount) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(amount.decimalValue());
    }

    @Rule
    public final Browser.Session browser = new Browser.Session("stored-value");

    @BeforeClass
    public static void memberAndPackage() throws Exception {
        tessera = TerminalInstance.shared();
        store103 = tessera.storeId("103");
        tessera.api("POST", "/members", Map.of("phone", MEMBER, "name", "周青", "storeId", store103));
        tessera.api("POST", "/wallets/packages", Map.of("name", "充500送50", "payAmount", 500, "bonusAmount", 50, "enabled", true, "validFrom", "2020-01-01", "validTo", "2099-12-31"));
    }

    @Test
    public void aClerkRechargesTakesAPaymentAndRefundsPartOfIt() throws Exception {
        Browser b = browser.get();
        b.login(tessera, MANAGER_103);
        b.click("[data-screen='wallet']");
        b.type("#member-pick", MEMBER);
        b.el("#member-pick").submit();
        b.waitText("#picked-member", "周青");
        b.waitText("#wallet-balances", "");

        // A package fills the amount; cash.
        b.click("#packages .package");
        assertEquals("500.00", b.el("#recharge-amount").getAttribute("value"));
        b.el("#recharge-method").sendKeys("现金");
        b.click("#recharge-submit");
        b.waitText("#wallet-balances [data-name='principal']", "500.00");
        assertEquals("50.00", b.text("#wallet-balances [data-name='bonus']"));

        // More than the balance is refused by the server, next to the amount.
        b.type("#pay-amount", "9999");
        b.click("#pay-submit");
        assertTrue(b.fieldError("#pay-amount"), b.fieldError("#pay-amount").matches(".*[\\u4e00-\\u9fa5].*"));
        b.type("#pay-amount", "120.00");
        b.click("#pay-submit");
        b.waitText("#wallet-balances [data-name='total']", "430.00");
        b.shot("1-counter");

        // The payment's row in the transaction records: refund 20.00 of it.
        b.click("#member-transactions");
        b.el("#transaction-results [data-refund]");
        b.click("#transaction-results [data-refund]");
        b.type("#refund-amount", "20");
        b.click("#refund-submit");
        b.waitText("#transaction-results", "退款");
        b.shot("2-transactions");

        // The store's ledgers show what the API says of store 103 (other browser tests move money there too).
        b.click("[data-screen='wallet/ledgers']");
        JsonNode general = tessera.api("GET", "/wallets/ledgers/general?storeId=" + store103, null);
        b.waitText("#ledger-effective [data-name='total']", money(general.get("effectiveTotal")));
        b.shot("3-general-ledger");
        b.driver.get(tessera.base() + "/terminal/#/wallet/ledgers?view=daily");
        JsonNode days = tessera.api("GET", "/wallets/ledgers/daily?storeId=" + store103 + "&from=" + TODAY + "&to=" + TODAY, null);
        b.waitText("#ledger-daily", money(days.get(0).get("principalClosing")) + " " + money(days.get(0).get("bonusOpening")));
        assertTrue(b.text("#ledger-daily").contains(money(days.get(0).get("bonusClosing"))));
        b.el("#chart-daily-ledger[data-ready='true'] canvas");
        b.shot("4-daily-ledger");

        JsonNode member = tessera.api("GET", "/members/by-phone/" + MEMBER, null);
        JsonNode accounts = tessera.api("GET", "/wallets/accounts?memberId=" + member.get("id").asLong(), null);
        assertEquals(1, accounts.size());
        assertEquals(450.00, accounts.get(0).get("total").asDouble(), 0.0);
    }
}
