package io.tessera.itests.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;

/**
 * HQ's back office in a real browser: a card import whose progress bar reaches 100 % and whose rejected rows are
 * listed with their line numbers; the reports with their charts, and an export requested, followed and downloaded.
 */
public class BackOfficeBrowserIT {

    private static final String HQ_ADMIN = "13800000005";
    private static final String FINANCE = "13800000004";

    @Rule
    public final Browser.Session browser = new Browser.Session("back-office");

    @Test
    public void hqImportsCardsAndSeesTheRejectedRowsByLine() throws Exception {
        TerminalInstance tessera = TerminalInstance.shared();
        StringBuilder csv = new StringBuilder("卡号,卡类型,余额,所属门店,卡状态\r\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append(String.format("H%06d,SV,%d.50,102,正常\r\n", i, i % 500));
        }
        csv.append("H900001,SV,1.234,102,正常\r\n");          // line 1002: three decimals
        csv.append("H900002,SV,10.00,999,正常\r\n");           // line 1003: no such store
        Path file = Files.createTempFile("crm-export", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Browser b = browser.get();
        try {
            b.login(tessera, HQ_ADMIN);
            b.click("[data-screen='cards/imports']");
            b.el("#import-file").sendKeys(file.toString());
            b.click("#import-submit");
            b.waitText("#job-percent", "100%");
            assertEquals("100", b.el("#job-progress").getAttribute("value"));
            b.waitText("#import-counts [data-name='rejected']", "2");
            assertTrue(b.text("#import-counts [data-name='inserted']").contains("1000"));
            String rejects = b.text("#import-outcome table");
            assertTrue(rejects, rejects.contains("1002") && rejects.contains("H900001") && rejects.contains("1003") && rejects.contains("H900002"));
            b.shot("1-card-import");

            // The same file again: nothing runs twice.
            b.el("#import-file").sendKeys(file.toString());
            b.click("#import-submit");
            b.waitText("#import-duplicate", "#");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    public void financeReadsTheReportsWithChartsAndDownloadsAnExport() throws Exception {
        TerminalInstance tessera = TerminalInstance.shared();
        long store103 = tessera.storeId("103");
        JsonNode member = tessera.api("POST", "/members", Map.of("phone", "13912340003", "name", "吴敏", "storeId", store103));
        tessera.api("POST", "/wallets/recharges", Map.of("memberId", member.get("id").asLong(), "storeId", store103,
                "amount", 300, "method", "WECHAT"), "report-fixture-1");
        Browser b = browser.get();
        b.login(tessera, FINANCE);
        b.click("[data-screen='reports']");
        b.el("#chart-payment-methods[data-ready='true'] canvas");
        b.click("[data-report='recharges']");
        TerminalInstance.await("the recharge in the report", 30, () -> {
            b.click("#report-search");
            return b.text("#report-body table").contains("300.00");
        });
        b.el("#chart-recharges[data-ready='true'] canvas");
        assertTrue(b.text("#report-body table").contains("微信支付"));
        b.shot("2-recharge-report");

        // 申请下载: the export job's progress, then the file.
        b.click("#report-export");
        b.waitText("#job-percent", "100%");
        b.click("#export-download");
        TerminalInstance.await("the downloaded export", 20, () -> {
            try (Stream<Path> files = Files.list(b.downloads)) {
                return files.anyMatch(f -> f.toString().endsWith(".xlsx") && f.toFile().length() > 0);
            }
        });
        b.click("[data-report='coupons']");
        b.el("#chart-coupons[data-ready='true'] canvas");
        b.click("[data-screen='downloads']");
        b.el("#downloads [data-download]");
        b.shot("3-downloads");
    }

    @Test
    public void hqMakesACouponTemplateSendsItAndSeesTheClaim() throws Exception {
        TerminalInstance tessera = TerminalInstance.shared();
        tessera.api("POST", "/members", Map.of("phone", "13912340005", "name", "冯涛", "storeId", tessera.storeId("101")));
        Browser b = browser.get();
        b.login(tessera, HQ_ADMIN);
        b.click("[data-screen='coupons']");
        b.type("#template-name", "满50减5");
        b.type("#template-value", "5");
        b.type("#template-min", "50");
        b.click("#template-create");
        b.waitText("#template-list", "满50减5");
        b.click("#template-list [data-activate]");
        b.waitText("#template-list", "启用中");
        b.click("[data-view='send']");
        b.el("#send-template").sendKeys("满50减5");
        b.type("#send-phones", "13912340005");
        b.click("#send-submit");
        b.waitText("#send-done", "已发出 1 张");
        b.click("[data-view='claims']");
        b.waitText("#records-result", "冯涛");
        assertTrue(b.text("#records-result").contains("满50减5"));
        b.shot("4-coupon-claims");
    }
}
