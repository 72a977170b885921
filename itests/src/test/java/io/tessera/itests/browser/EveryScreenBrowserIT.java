package io.tessera.itests.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Every screen of the menu, for a clerk, a store manager, finance and the HQ admin, in Chinese and then in English:
 * each opens without an error on the page and without an error in the browser's console (a script error, a
 * Content-Security-Policy violation, a failed load); the menu holds what each role may use and nothing else. The
 * clerk's screens are opened again on a tablet held upright (768 × 1024): none is wider than the screen. Every
 * screen of the clerk and of the HQ admin is saved as a screenshot in both languages
 * (target/screenshots/every-screen-*.png): the pictures of docs/terminal.md come from here.
 */
public class EveryScreenBrowserIT {

    @Rule
    public final Browser.Session browser = new Browser.Session("every-screen");

    @Test
    public void everyScreenOfEveryRoleOpensCleanly() throws Exception {
        TerminalInstance tessera = TerminalInstance.shared();
        Browser b = browser.get();
        List<String> problems = new ArrayList<>();
        for (String phone : List.of("13800000001", "13800000002", "13800000004", "13800000005")) {
            b.login(tessera, phone);
            List<String> screens = new ArrayList<>();
            for (WebElement a : b.all("nav.menu a")) {
                screens.add(a.getAttribute("data-screen"));
            }
            if (phone.equals("13800000001")) {
                assertTrue(screens.toString(), screens.contains("cards/migrate") && screens.contains("checkout") && !screens.contains("org")
                        && !screens.contains("cards/imports") && !screens.contains("coupons") && !screens.contains("reports"));
            }
            if (phone.equals("13800000005")) {
                assertTrue(screens.toString(), screens.contains("org") && screens.contains("cards/imports") && !screens.contains("checkout"));
            }
            for (String screen : screens) {
                b.click("nav.menu a[data-screen='" + screen + "']");
                b.el("nav.menu a.active[data-screen='" + screen + "']");
                // The screen's first answer: a table, a form or a page of its own (the home page's tiles).
                TerminalInstance.await(screen + " drawn", 15, () -> !b.all("main#main h2").isEmpty());
                for (WebElement e : b.driver.findElements(By.cssSelector("main .form-error"))) {
                    if (e.isDisplayed()) {
                        problems.add(phone + " " + screen + ": " + e.getText());
                    }
                }
                for (String log : b.severeLogs()) {
                    problems.add(phone + " " + screen + " console: " + log);
                }
                if (phone.equals("13800000001") || phone.equals("13800000005")) {
                    settle(b);
                    b.shot((phone.equals("13800000001") ? "clerk-" : "hq-") + screen.replace('/', '-'));
                }
            }
            if (phone.equals("13800000001")) {
                b.driver.manage().window().setSize(new Dimension(768, 1024));
                for (String screen : screens) {
                    b.click("nav.menu a[data-screen='" + screen + "']");
                    b.el("nav.menu a.active[data-screen='" + screen + "']");
                    TerminalInstance.await(screen + " drawn on a tablet", 15, () -> !b.all("main#main h2").isEmpty());
                    settle(b);
                    Number wide = (Number) b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    if (wide.intValue() > 0) {
                        problems.add("tablet " + screen + ": " + wide + " px wider than the screen");
                    }
                    if (screen.equals("checkout") || screen.equals("cards/migrate")) {
                        b.shot("tablet-" + screen.replace('/', '-'));
                    }
                }
                b.driver.manage().window().setSize(new Dimension(1366, 768));
            }
            if (phone.equals("13800000001") || phone.equals("13800000005")) {
                String who = phone.equals("13800000001") ? "clerk-" : "hq-";
                // English: the same screens, no key shown instead of its label.
                b.el("#language").sendKeys("English");
                b.waitText("#logout", "Log out");
                for (String screen : screens) {
                    b.click("nav.menu a[data-screen='" + screen + "']");
                    TerminalInstance.await(screen + " drawn in English", 15, () -> !b.all("main#main h2").isEmpty());
                    settle(b);
                    b.shot("en-" + who + screen.replace('/', '-'));
                    String text = b.text("main#main");
                    if (text.matches("(?s).*\\b[a-z]+\\.[a-z]+[A-Za-z.]*\\b.*") && text.matches("(?s).*\\b(nav|card|wallet|report|coupon|coupons|member|entry|ledger|org|import|checkout|order|reconcile|marketing|points)\\.[a-zA-Z]+.*")) {
                        problems.add("English " + screen + " shows a label key: " + text.substring(0, Math.min(200, text.length())));
                    }
                }
                b.el("#language").sendKeys("中文");
                b.waitText("#logout", "退出登录");
            }
            b.click("#logout");
            b.el("#login-phone");
        }
        assertEquals(List.of(), problems);
    }

    /** Lets the screen's first answers arrive (no request in flight) before it is looked at. */
    private static void settle(Browser b) throws Exception {
        TerminalInstance.await("the screen's answers", 15, () -> Boolean.TRUE.equals(b.js("return !document.querySelector('.loading, [aria-busy=\"true\"]')")));
    }
}
