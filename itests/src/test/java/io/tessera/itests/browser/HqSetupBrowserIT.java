package io.tessera.itests.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Headquarters sets things up in the browser: a single-item coupon template with its items (refused first without
 * them, the server's words next to the items field), a marketing activity with a coupon reward, activated and sent
 * to the members of a store with its job followed to the end; an integrator client whose secret is shown once,
 * works, is listed by Swagger UI called with the operator's session, and stops working when disabled.
 */
public class HqSetupBrowserIT {

    private static final String HQ_ADMIN = "13800000005";

    @Rule
    public final Browser.Session browser = new Browser.Session("hq-setup");

    @Test
    public void hqMakesASingleItemCouponAnActivityWithItsRewardAndSendsIt() throws Exception {
        TerminalInstance tessera = TerminalInstance.shared();
        long store102 = tessera.storeId("102");
        long member = tessera.api("POST", "/members", Map.of("phone", "13912340102", "name", "卫青", "storeId", store102)).get("id").asLong();
        Browser b = browser.get();
        b.login(tessera, HQ_ADMIN);

        b.click("[data-screen='coupons']");
        b.type("#template-name", "维C单品立减3元");
        b.el("#template-kind").sendKeys("单品券");
        b.type("#template-value", "3");
        b.click("#template-create");
        assertFalse(b.fieldError("#template-skus").isEmpty());
        b.type("#template-skus", "VC-100\nVC-200");
        b.click("#template-create");
        b.waitText("#template-list", "维C单品立减3元");
        b.driver.findElement(By.xpath("//tr[td[text()='维C单品立减3元']]//button[@data-activate]")).click();
        b.waitText("#template-list", "启用中");
        JsonNode template = null;
        for (JsonNode x : tessera.api("GET", "/coupons/templates?status=ACTIVE&size=200", null).get("items")) {
            if (x.get("name").asText().equals("维C单品立减3元")) {
                template = x;
            }
        }
        assertTrue(template != null);
        assertEquals("SINGLE_ITEM", template.get("kind").asText());
        assertEquals("LISTED", template.get("productScope").asText());
        assertEquals(java.util.Set.of("VC-100", "VC-200"), java.util.Set.of(template.get("skus").get(0).asText(), template.get("skus").get(1).asText()));
        assertEquals(2, template.get("skus").size());
        assertEquals("3.00", template.get("value").decimalValue().setScale(2).toPlainString());

        b.click("[data-screen='marketing']");
        b.el("#activity-type").sendKeys("定向发券");
        b.type("#activity-name", "十二月回馈");
        b.js("arguments[0].value = arguments[1]", b.el("#activity-ends"), "2099-12-31T23:59");
        b.el("#reward-rows select[name='kind']").sendKeys("优惠券");
        b.el("#reward-rows select[name='templateId']").sendKeys("维C单品立减3元");
        b.shot("1-activity-form");
        b.click("#activity-create");
        b.waitText("#activity-list", "十二月回馈");
        long activity = -1;
        for (JsonNode a : tessera.api("GET", "/marketing/activities?type=COUPON_SEND&size=200", null).get("items")) {
            if (a.get("name").asText().equals("十二月回馈")) {
                activity = a.get("id").asLong();
                assertEquals("RECIPIENT", a.get("rewards").get(0).get("role").asText());
                assertEquals(template.get("id").asLong(), a.get("rewards").get(0).get("templateId").asLong());
            }
        }
        b.click("[data-activity='" + activity + "-activate']");
        b.click("[data-activity='" + activity + "-send']");
        b.el("#segment-kind").sendKeys("某门店注册的会员");
        new org.openqa.selenium.support.ui.Select(b.el("#segment-form select[name='storeId']")).selectByValue(String.valueOf(store102));
        b.click("#segment-send");
        b.waitText("#job-percent", "100%");
        b.shot("2-activity-sent");
        TerminalInstance.await("the member's coupon from the send", 30, () -> {
            for (JsonNode c : tessera.api("GET", "/coupons?memberId=" + member, null).get("items")) {
                if (c.get("templateName").asText().equals("维C单品立减3元")) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    public void hqCreatesAnIntegratorClientWhoseSecretIsShownOnce() throws Exception {
        TerminalInstance tessera = TerminalInstance.shared();
        long store103 = tessera.storeId("103");
        Browser b = browser.get();
        b.login(tessera, HQ_ADMIN);
        b.click("[data-screen='org']");
        b.click("[data-view='clients']");
        String id = "pos-103-" + System.nanoTime() % 100000;
        b.type("#client-form input[name='clientId']", id);
        b.type("#client-form input[name='name']", "103 店收银机");
        b.el("#client-form select[name='role']").sendKeys("店员");
        b.click("#client-form input[type='checkbox'][value='" + store103 + "']");
        b.click("#client-form button[type='submit']");
        String secret = b.el("#client-secret-value").getText().trim();
        b.waitText("#client-list", id);
        b.shot("3-client-created");
        String basic = "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, tessera.statusAs(basic, "/members?storeId=" + store103));
        assertEquals(403, tessera.statusAs(basic, "/members?storeId=" + tessera.storeId("101")));

        // Swagger UI, opened from 接口文档 in the same tab, calls the API with the operator's session: the list of
        // clients (HQ_ADMIN only) answers 200 with the new client in it.
        b.click("[data-screen='api-docs']");
        b.click("#open-swagger");
        // Swagger UI draws only the operations in view: its filter (by tag) brings the clients' ones.
        b.type("#swagger-ui .operation-filter-input", "Clients");
        b.click("#operations-Clients-listClients .opblock-summary-control");
        b.click("#operations-Clients-listClients .try-out__btn");
        b.click("#operations-Clients-listClients .execute");
        b.waitText("#operations-Clients-listClients .live-responses-table tbody .response-col_status", "200");
        assertTrue(b.text("#operations-Clients-listClients .live-responses-table").contains(id));
        b.shot("4-swagger-ui");
        assertEquals(java.util.List.of(), b.severeLogs());
        b.click("#swagger-back");
        b.click("[data-screen='org']");
        b.click("[data-view='clients']");
        b.click("[data-disable-client='" + id + "']");
        b.driver.switchTo().alert().accept();
        TerminalInstance.await("the client disabled", 15, () -> b.all("[data-disable-client='" + id + "']").isEmpty());
        assertEquals(401, tessera.statusAs(basic, "/members?storeId=" + store103));
        // Seen again later, the list never shows a secret.
        b.click("[data-view='stores']");
        b.click("[data-view='clients']");
        for (WebElement row : b.all("#client-list tr")) {
            assertFalse(row.getText().contains(secret));
        }
    }
}
