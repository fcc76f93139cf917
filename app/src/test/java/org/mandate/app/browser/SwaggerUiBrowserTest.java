package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI renders the contract under the pages' Content-Security-Policy ({@code script-src 'self'}): were any of
 * its scripts inline or blocked, no operation would appear.
 */
class SwaggerUiBrowserTest extends BrowserTest {

    @Test
    void aLoggedInPersonSeesEveryOperationUnderTheUnchangedPolicy() {
        WebDriver browser = browserAs("ana");
        browser.get(url("/swagger-ui/index.html"));

        Integer operations = waitUntil(browser, driver -> {
            int shown = driver.findElements(By.cssSelector(".opblock")).size();
            return shown > 20 ? shown : null;
        });
        screenshot(browser, "swagger-ui");
        assertThat(operations).isGreaterThan(20);
        assertThat(browser.getPageSource()).contains("/api/admin/webhooks").contains("Mandate API");
    }
}
