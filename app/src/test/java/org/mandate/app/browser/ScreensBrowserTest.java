package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every screen owes a person beyond its function (issue 25): a favicon, a dark mode that follows the system,
 * and wide tables that fit the page on a laptop and on a phone. That no page writes an error to the console is
 * checked on the accessibility tour of every page state (AccessibilityBrowserTest), which visits them all anyway.
 */
class ScreensBrowserTest extends BrowserTest {

    @Test
    void everyPageHasAFavicon() {
        WebDriver browser = browserAs("ana");
        String icon = browser.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href");
        browser.get(icon);
        assertThat(browser.getPageSource()).contains("<svg");
    }

    @Test
    void darkModeFollowsTheSystemSetting() {
        WebDriver browser = browserAs("ana");
        assertThat(background(browser)).as("light by default").isEqualTo("rgb(247, 248, 250)");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.get(url("/"));
        assertThat(background(browser)).isEqualTo("rgb(20, 24, 29)");
        screenshot(browser, "inbox-dark");
    }

    @Test
    void theInsightsApproversTableFitsALaptopAndAPhone() {
        WebDriver browser = browserAs("ada");
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get(url("/insights"));
            long page = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth;");
            long viewport = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.clientWidth;");
            assertThat(page).as("page width at a %d px window", width).isLessThanOrEqualTo(viewport);
        }
    }

    @Test
    void onAPhoneTheInboxShowsEachStepOnTwoLinesAndFoldsAwayOlderOwnRequests() {
        // liam's inbox also holds other tests' steps (long titles, votes, steps under a mandate): measure these
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 7; i++) {
            assertThat(as("ben").post("/api/requests", Map.of("title", "Paint " + i + " " + tag, "category",
                    "supplies", "amount", 100 + i, "currency", "EUR")).status()).isEqualTo(201);
        }
        WebDriver liam = browserAs("liam");
        liam.manage().window().setSize(new Dimension(390, 900));
        liam.get(url("/?q=" + tag));
        List<Long> heights = rowHeights(liam, "#inbox-items tbody tr");
        assertThat(heights).as("liam's steps").hasSize(7);
        // two lines of text and the card's padding; a labelled line per cell took ~220 px a step
        assertThat(heights).as("card heights at 390 px").allMatch(height -> height <= 90);
        String card = liam.findElement(By.cssSelector("#inbox-items tbody tr")).getText();
        assertThat(card).as("title, requester, amount and due time, nothing hidden of what matters")
                .contains("EUR").containsPattern("due in|overdue by|no deadline");
        long page = (Long) ((JavascriptExecutor) liam).executeScript("return document.documentElement.scrollWidth;");
        long viewport = (Long) ((JavascriptExecutor) liam).executeScript(
                "return document.documentElement.clientWidth;");
        assertThat(page).isLessThanOrEqualTo(viewport);
        screenshot(liam, "inbox-phone");

        WebDriver ben = browserAs("ben");
        ben.manage().window().setSize(new Dimension(390, 900));
        ben.get(url("/"));
        assertThat(rowHeights(ben, "main > table.mine tbody tr")).as("own requests shown").hasSize(5);
        var older = ben.findElement(By.cssSelector("details.older-requests"));
        assertThat(older.getDomAttribute("open")).as("older requests folded").isNull();
        assertThat(older.findElement(By.tagName("summary")).getText()).matches("Show \\d+ older requests");
        older.findElement(By.tagName("summary")).click();
        assertThat(older.findElements(By.cssSelector("tbody tr")).get(0).isDisplayed()).isTrue();
    }

    /** Heights of the visible rows matched by the selector, in CSS pixels. */
    @SuppressWarnings("unchecked")
    private static List<Long> rowHeights(WebDriver browser, String selector) {
        return (List<Long>) ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('"
                + selector + "')].filter(row => row.offsetParent !== null).map(row => row.offsetHeight);");
    }

    private static String background(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.documentElement).backgroundColor;");
    }
}
