package io.tessera.itests.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium of the operating system's packages ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver};
 * {@code itests/browser/ensure-chromium.sh} installs them), driven over WebDriver, at the size of a shop PC
 * (1366×768), with the helpers the terminal's tests share: waiting for an element, typing, reading, screenshots
 * under {@code itests/target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path SHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    /** Where the browser saves what it downloads: target/downloads/<test>/. */
    final Path downloads;
    private final String test;
    private final WebDriverWait wait;

    Browser(String test) throws IOException {
        this.test = test;
        Path profile = Files.createTempDirectory("tessera-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("tessera.chromium", "/usr/bin/chromium"));
        // Without the networking flags Chromium keeps calling outside hosts, which this kind of machine refuses.
        downloads = Path.of("target", "downloads", test).toAbsolutePath();
        Files.createDirectories(downloads);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "zh-CN,zh"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=zh-CN");
        // The page's console (errors, Content-Security-Policy violations) for severeLogs().
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("tessera.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement el(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement e = el(css);
        e.clear();
        e.sendKeys(text);
    }

    /**
     * Clicks the element once it is clickable. The terminal draws its frame (menu included) again on every route, so
     * an element found just before a redraw is gone by the click: then it is found again, as a user's next click would.
     */
    void click(String css) {
        wait.until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d);
            if (e == null) {
                return false;
            }
            try {
                e.click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    String text(String css) {
        return el(css).getText();
    }

    /** Waits until the element's text contains part; answers the text. */
    String waitText(String css, String part) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), part));
        return text(css);
    }

    void waitGone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** The field error shown next to the input (the .field-error in the input's .field). */
    String fieldError(String inputCss) {
        return el(inputCss + " ~ .field-error, .field:has(" + inputCss + ") .field-error").getText();
    }

    /** The console's errors since the last call (a script error, a refused inline style or script, a failed load). */
    List<String> severeLogs() {
        List<String> severe = new java.util.ArrayList<>();
        for (org.openqa.selenium.logging.LogEntry e : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
            if (e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                severe.add(e.getMessage());
            }
        }
        return severe;
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves what the screen shows as target/screenshots/<test>-<name>.png. */
    Path shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Path file = SHOTS.resolve(test + "-" + name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Logs in at /terminal/ with the phone and the SMS code from the outbox; waits for the menu. */
    void login(TerminalInstance tessera, String phone) throws Exception {
        open(tessera.base() + "/terminal/");
        type("#login-phone", phone);
        click("#send-code");
        el("#send-code[disabled]");
        type("#login-code", tessera.code(phone));
        click("#login-submit");
        el("nav.menu");
    }

    /**
     * A JUnit rule: a browser for each test, closed after it; when the test fails, the screen and the page's text
     * are saved first as {@code <name>-failed.png/.txt}.
     */
    static final class Session implements org.junit.rules.TestRule {
        private final String name;
        private Browser browser;

        Session(String name) {
            this.name = name;
        }

        Browser get() {
            return browser;
        }

        @Override
        public org.junit.runners.model.Statement apply(org.junit.runners.model.Statement base, org.junit.runner.Description d) {
            return new org.junit.runners.model.Statement() {
                @Override
                public void evaluate() throws Throwable {
                    browser = new Browser(name);
                    try {
                        base.evaluate();
                    } catch (Throwable failure) {
                        browser.saveFailure();
                        throw failure;
                    } finally {
                        browser.close();
                    }
                }
            };
        }
    }

    private void saveFailure() {
        try {
            shot("failed");
            Files.writeString(SHOTS.resolve(test + "-failed.txt"), driver.getCurrentUrl() + "\n"
                    + driver.findElement(By.tagName("body")).getText());
        } catch (Exception | Error ignored) {
            // The browser may have gone with the failure.
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
