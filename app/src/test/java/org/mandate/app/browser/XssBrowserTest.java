package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** User text is shown as text in every page: markup in a title neither renders nor runs. */
class XssBrowserTest extends BrowserTest {

    private static final String TITLE = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>"
            + "<b id=\"injected\">bold</b>";

    @Test
    void markupInARequestTitleIsShownAsTextInTheInbox() {
        String marker = java.util.UUID.randomUUID().toString().substring(0, 8);
        as("ana").post("/api/requests", Map.of("title", TITLE + " " + marker, "category", "equipment",
                "amount", 1200, "currency", "EUR"));

        WebDriver browser = browserAs("sofia");
        // the shared inbox holds more than a page of steps: find it as a person would, by searching its title
        browser.get(url("/?q=" + marker));

        String page = browser.findElement(By.cssSelector("#inbox-items")).getText();
        assertThat(page).contains(TITLE + " " + marker);
        assertThat(browser.findElements(By.id("injected"))).as("the injected element was not rendered").isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
                .as("no injected script ran").isEqualTo(true);
        screenshot(browser, "xss-inbox");
    }
}
