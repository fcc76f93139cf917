package org.mandate.app.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.mandate.app.MandateIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Base of the browser tests: Debian's headless Chromium driven by Selenium against the running app. Without
 * Chromium the tests are skipped with a message saying what to install (CI installs it in .ci/run).
 */
public abstract class BrowserTest extends MandateIntegrationTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * Browsers are quit on threads of their own: Chromium takes a second or more to go, and no test needs to wait for
     * that. Before the test JVM exits it waits for them, so that no Chromium outlives the run.
     */
    private static final ExecutorService QUITTING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "browser-quit");
        thread.setDaemon(true);
        return thread;
    });

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            QUITTING.shutdown();
            try {
                QUITTING.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException exiting) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeEach
    void requireChromium() {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Browser tests skipped: Chromium not found. Install it with "
                        + "'apt-get install -y chromium chromium-driver' (/usr/bin/chromium, /usr/bin/chromedriver).");
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(BrowserTest::quitLater);
        browsers.clear();
    }

    /** Closes a browser the test has done with (it is quit in the background). */
    protected void close(WebDriver browser) {
        browsers.remove(browser);
        quitLater(browser);
    }

    private static void quitLater(WebDriver browser) {
        QUITTING.execute(() -> {
            try {
                browser.quit();
            } catch (RuntimeException alreadyGone) {
                // a browser that crashed or was quit already: nothing left to close
            }
        });
    }

    /** A fresh browser (own profile, own cookies), logged in as a demo person. */
    protected WebDriver browserAs(String person) {
        return browserAs(person, null);
    }

    /** The same, with a browser set to ask for pages in {@code language} (null for the default). */
    protected WebDriver browserAs(String person, String language) {
        WebDriver browser = browser(language);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(person);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(browser, driver -> !driver.getCurrentUrl().contains("/login"));
        return browser;
    }

    /** A fresh browser with nobody logged in. */
    protected WebDriver browser() {
        return browser(null);
    }

    /** The same, set to ask for pages in {@code language} (its Accept-Language), e.g. "de"; null for the default. */
    protected WebDriver browser(String language) {
        ChromeOptions options = new ChromeOptions();
        if (language != null) {
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        }
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + freshProfile());
        // the page's console, so that a test can fail on an error a person would never see
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        return browser;
    }

    /** What the page wrote to the console at level SEVERE since the last call (errors, failed scripts). */
    protected static List<String> consoleErrors(WebDriver browser) {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage()).toList();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits for a non-null, non-false answer; an element replaced while the page re-renders is asked for again. */
    protected static <T> T waitUntil(WebDriver browser, java.util.function.Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(driver -> {
                        try {
                            return condition.apply(driver);
                        } catch (org.openqa.selenium.WebDriverException replaced) {
                            // Chromium reports an element swapped out between finding and reading it this way too
                            if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                                return null;
                            }
                            throw replaced;
                        }
                    });
        } catch (org.openqa.selenium.TimeoutException late) {
            throw new org.openqa.selenium.TimeoutException(late.getMessage() + "\nThe page at " + browser.getCurrentUrl()
                    + " wrote to the console: " + consoleErrors(browser), late);
        }
    }

    /** Clicks what {@code what} finds, finding it afresh when a poll replaced it between finding and clicking. */
    protected static void click(WebDriver browser, By what) {
        waitUntil(browser, driver -> {
            driver.findElement(what).click();
            return true;
        });
    }

    /**
     * Submits a form with the button {@code button} finds and waits for the page the post leads to to confirm it.
     * The page before is replaced first: a confirmation still showing from the step before does not count, and an
     * element read afterwards is the new page's.
     */
    protected static void submitAndAwaitConfirmation(WebDriver browser, By button) {
        WebElement before = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        waitUntil(browser, driver -> ExpectedConditions.stalenessOf(before).apply(driver)
                && !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
    }

    /** Saves what the browser shows under target/screenshots/NAME.png, for a person to look at. */
    protected static Path screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String freshProfile() {
        try {
            return Files.createTempDirectory("mandate-chromium-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
