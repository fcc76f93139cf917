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
        as("ana").post("/api/requests", Map.of("title", TITLE, "category", "equipment", "amount", 1200,
                "currency", "EUR"));

        WebDriver browser = browserAs("sofia");

        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains(TITLE);
        assertThat(browser.findElements(By.id("injected"))).as("the injected element was not rendered").isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined"))
                .as("no injected script ran").isEqualTo(true);
        screenshot(browser, "xss-inbox");
    }
}
