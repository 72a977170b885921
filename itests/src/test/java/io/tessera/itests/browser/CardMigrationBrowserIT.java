package io.tessera.itests.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The card-migration flow of the terminal manual, in a real browser: a store clerk queries the legacy cards,
 * picks one, finds the phone is no member, registers the member on their behalf and comes back, requests the
 * member's code, attaches two vouchers (a third file is refused before upload), writes a remark, confirms with
 * a wrong code (the server's refusal shows next to the code) and then the right one, and reads the migration's
 * details; the card then shows as migrated in the query.
 */
public class CardMigrationBrowserIT {

    private static final String CLERK_103 = "13800000001";
    private static final String NEW_MEMBER = "13912340001";
    private static TerminalInstance tessera;
    private static Path images;

    @org.junit.Rule
    public final Browser.Session browser = new Browser.Session("card-migration");

    @BeforeClass
    public static void cards() throws Exception {
        tessera = TerminalInstance.shared();
        String csv = "卡号,卡类型,余额,所属门店,卡状态\r\n"
                + "B103001,SV,500.00,103,正常\r\n"
                + "B103002,SV,88.50,103,正常\r\n"
                + "B103003,SV,20.00,103,挂失\r\n"
                + "B101001,SV,66.00,101,正常\r\n";
        JsonNode started = tessera.api("POST", "/cards/imports?fileName=browser-cards.csv", csv, "text/csv");
        long job = started.get("jobId").asLong();
        TerminalInstance.await("the card import", 60, () -> "SUCCEEDED".equals(tessera.api("GET", "/jobs/" + job, null).path("status").asText()));
        images = Files.createTempDirectory("vouchers");
        image(images.resolve("receipt-1.png"), "png", 0x2da44e);
        image(images.resolve("receipt-2.jpg"), "jpg", 0x1f6feb);
        Files.writeString(images.resolve("notes.png"), "not an image at all");
    }

    @AfterClass
    public static void clean() throws Exception {
        if (images == null) {
            return;
        }
        try (var files = Files.list(images)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(images);
    }

    private static void image(Path file, String format, int rgb) throws Exception {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x++) {
            for (int y = 0; y < 240; y++) {
                img.setRGB(x, y, (x / 40 + y / 40) % 2 == 0 ? rgb : 0xffffff);
            }
        }
        assertTrue(ImageIO.write(img, format, file.toFile()));
    }

    @Test
    public void aClerkMigratesACardWithTwoVouchersAfterRegisteringTheMember() throws Exception {
        Browser b = browser.get();
        {
            b.login(tessera, CLERK_103);
            assertTrue(b.text("#store-name").contains("103"));

            // 实体卡余额查询: only store 103's cards; the totals; a third decimal is refused as it is typed.
            b.click("[data-screen='cards']");
            b.waitText("#card-total-balance", "608.50");
            assertTrue(b.text("#card-totals").contains("3"));
            b.type("#card-query [name='minBalance']", "50.555");
            assertEquals("50.55", b.el("#card-query [name='minBalance']").getAttribute("value"));
            assertTrue(b.fieldError("[name='minBalance']").contains("两位小数"));
            b.click("#card-search");
            b.waitText("#card-total-balance", "588.50");
            assertTrue(b.text("#card-totals").contains("2"));
            b.shot("1-card-query");

            // 实体卡迁移: card no, balance and owning store come from the card.
            b.click("[data-migrate='B103001']");
            b.waitText("#card-info [data-name='balance']", "500.00");
            assertTrue(b.text("#card-info [data-name='store']").contains("103"));

            // The phone is no member: register now, and come back to the same card with the phone.
            b.type("#migrate-phone", NEW_MEMBER);
            b.click("#find-member");
            b.click("#register-now");
            assertEquals(NEW_MEMBER, b.el("#register-phone").getAttribute("value"));
            b.type("#register-name", "林晓");
            b.click("#register-submit");
            b.waitText("#member-found", "林晓");
            assertTrue(b.text("#member-found").contains("139****0001"));
            assertEquals("B103001", b.el("#migrate-card-no").getAttribute("value"));

            // The member's code: the button counts down, the code's validity too.
            b.click("#send-member-code");
            b.waitText("#send-member-code", "秒");
            b.waitText("#code-validity", "有效");

            // Vouchers: two images; a file that is no image is refused before anything is sent.
            WebElement input = b.driver.findElement(By.id("voucher-input"));
            input.sendKeys(images.resolve("receipt-1.png").toString() + "\n" + images.resolve("receipt-2.jpg"));
            TerminalInstance.await("two previews", 10, () -> b.all("#voucher-previews img").size() == 2);
            b.driver.findElement(By.id("voucher-input")).sendKeys(images.resolve("notes.png").toString());
            b.waitText("#voucher-notes", "notes.png");
            assertTrue(b.text("#voucher-notes").contains("jpg"));
            assertEquals(2, b.all("#voucher-previews img").size());
            b.type("#migrate-remark", "旧卡回收，会员本人到店");
            assertEquals("11/500", b.text("#remark-counter"));

            // A wrong code: the server's refusal, in Chinese, next to the code.
            b.type("#migrate-code", "000000");
            b.shot("2-migration-form");
            b.click("#confirm-migration");
            String refusal = b.fieldError("#migrate-code");
            assertTrue(refusal, refusal.matches(".*[\\u4e00-\\u9fa5].*"));

            // The right code, Enter to confirm: the details follow.
            b.type("#migrate-code", tessera.code(NEW_MEMBER));
            b.el("#migrate-code").sendKeys(Keys.ENTER);
            b.waitText("#migration-done", "500.00");
            assertEquals("E10301", b.text("#migration-details [data-name='operatorNo']"));
            assertEquals("王小明", b.text("#migration-details [data-name='operatorName']"));
            TerminalInstance.await("both vouchers shown", 10, () -> Boolean.TRUE.equals(b.js(
                    "return [...document.querySelectorAll('#migration-details img.voucher')].filter(i => i.complete && i.naturalWidth === 320).length === 2")));
            b.shot("3-migration-details");

            // The query shows the card migrated, with its details one click away.
            b.click("[data-screen='cards']");
            b.type("#card-query [name='cardNo']", "B103001");
            b.click("#card-search");
            b.waitText("#card-results", "已迁移");
            b.click("[data-details='B103001']");
            b.waitText("#migration-details", "E10301");
        }
        // The money landed: the member's stored value holds the card's balance.
        JsonNode member = tessera.api("GET", "/members/by-phone/" + NEW_MEMBER, null);
        assertEquals("林晓", member.get("name").asText());
    }
}
