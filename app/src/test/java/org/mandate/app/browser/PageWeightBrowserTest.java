package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each page's weight as the browser counts it (issue 27): on a cold load (fresh profile) the bytes transferred for
 * the page and everything it loads stay within its budget in page-budgets.properties; on a second visit the
 * stylesheets, scripts and fonts come from the browser's cache (content-hashed names, cached for a year), so only
 * the page itself and what it fetches for its data cross the network. Bytes, not time: these machines are noisy.
 */
class PageWeightBrowserTest extends BrowserTest {

    /** Who sees each page: the people whose menu leads there. */
    private static final Map<String, String> VIEWER = Map.ofEntries(
            Map.entry("/audit", "ada"), Map.entry("/audit/requests/{id}", "ada"), Map.entry("/audit/ledger", "ada"),
            Map.entry("/insights", "ada"), Map.entry("/processes", "olu"),
            Map.entry("/processes/approval/versions/1", "olu"), Map.entry("/processes/approval/edit", "olu"),
            Map.entry("/admin", "ivy"));

    /** Bytes transferred for the document and every resource it loaded, as the Resource Timing API reports them. */
    private static final String TRANSFERRED = """
            const done = arguments[arguments.length - 1];
            document.fonts.ready.then(() => setTimeout(() => {
              const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
              done(entries.map(e => e.name.replace(location.origin, '') + ' ' + e.initiatorType + ' ' + e.transferSize));
            }, 300));
            """;

    @Test
    void everyPageStaysWithinItsBudgetColdAndLoadsOnlyItsDataWhenWarm() {
        String request = as("ana").submit("Projector for room 4", "equipment", 900);
        Map<String, Long> cold = new LinkedHashMap<>();
        Map<String, List<String>> warmStatic = new LinkedHashMap<>();
        // one browser per viewer (a fresh Chromium and a login for each page made this the suite's slowest test)
        Map<String, WebDriver> browsers = new LinkedHashMap<>();
        budgets().forEach((page, budget) -> {
            String viewer = page.equals("/login") ? "" : VIEWER.getOrDefault(page, "ana");
            WebDriver browser = browsers.computeIfAbsent(viewer, who -> who.isEmpty() ? browser() : browserAs(who));
            String path = page.replace("{id}", request);
            // the visits before (and logging in) fetched the layout's stylesheet and script: forget them, so that
            // this visit is cold
            ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCache", Map.of());
            List<Entry> first = load(browser, path);
            cold.put(page, first.stream().mapToLong(Entry::bytes).sum());
            assertThat(cold.get(page)).as("cold transfer of %s in bytes (budget %d): %s", page, budget, first)
                    .isLessThanOrEqualTo(budget);
            // the static files of this page must be cacheable; a second visit fetches none of them again
            warmStatic.put(page, load(browser, path).stream().filter(Entry::isStatic).filter(e -> e.bytes() > 0)
                    .map(Entry::toString).toList());
        });
        browsers.values().forEach(WebDriver::quit);
        System.out.println("Cold transfer per page (bytes): " + cold);
        assertThat(warmStatic).allSatisfy((page, fetched) -> assertThat(fetched)
                .as("static files fetched again on a warm visit to " + page).isEmpty());
    }

    private List<Entry> load(WebDriver browser, String path) {
        browser.get(url(path));
        // what a visit that looks at everything loads: charts are drawn when scrolled to
        waitUntil(browser, driver -> ((JavascriptExecutor) driver).executeScript("""
                document.querySelector('canvas:not([data-drawn])')?.scrollIntoView();
                const waiting = document.querySelector('[data-bpmn-url]:not([data-rendered]), '
                    + '#canvas:not([data-loaded]), canvas:not([data-drawn]), #diagram:not([data-rendered])');
                return document.readyState === 'complete' && !waiting;"""));
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript(TRANSFERRED);
        return lines.stream().map(Entry::parse).toList();
    }

    private static Map<String, Long> budgets() {
        Properties properties = new Properties();
        try (InputStream in = PageWeightBrowserTest.class.getResourceAsStream("/page-budgets.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> budgets = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(page -> budgets.put(page, Long.parseLong(properties.getProperty(page))));
        return budgets;
    }

    private record Entry(String url, String initiator, long bytes) {

        static Entry parse(String line) {
            String[] parts = line.split(" ");
            return new Entry(parts[0], parts[1], Long.parseLong(parts[2]));
        }

        boolean isStatic() {
            return url.startsWith("/js/") || url.startsWith("/css/") || url.startsWith("/favicon");
        }

        @Override
        public String toString() {
            return url + " " + bytes;
        }
    }
}
