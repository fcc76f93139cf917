package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.mandate.app.mail.ReceivedMail;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The mail's approve link, opened in a real browser by someone not logged in: confirm, and the request is approved. */
class MailLinkBrowserTest extends BrowserTest {

    @Test
    void sofiaOpensTheApproveLinkFromHerMailConfirmsAndTheRequestIsApproved() {
        String title = "Test tubes " + UUID.randomUUID().toString().substring(0, 8);
        String id = as("ana").submit(title, "equipment", 450);
        ReceivedMail mail = await("Sofia's mail").atMost(Duration.ofSeconds(30)).until(() ->
                ReceivedMail.to(MAIL, "sofia@school.example").stream()
                        .filter(received -> received.subject().contains(title)).findFirst().orElse(null),
                found -> found != null);

        WebDriver browser = browser();
        browser.get(url(mail.link("Approve")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Approve ‘" + title + "’?");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Ana Costa", "450.00 EUR",
                "Nothing is decided until you confirm");
        WholePage.screenshot(browser, "mail-link-confirm");
        assertThat(as("ana").get("/api/requests/" + id).json().path("status").asText())
                .as("opening the link decided nothing").isEqualTo("IN_REVIEW");

        browser.findElement(By.id("rationale")).sendKeys("Approved from my phone");
        browser.findElement(By.id("confirm")).click();
        waitUntil(browser, driver -> !driver.findElements(By.id("outcome")).isEmpty());
        assertThat(browser.findElement(By.id("outcome")).getText()).contains("You approved ‘" + title
                + "’ from Ana Costa");
        WholePage.screenshot(browser, "mail-link-done");
        assertThat(consoleErrors(browser)).isEmpty();

        var request = as("ana").get("/api/requests/" + id).json();
        assertThat(request.path("status").asText()).isEqualTo("APPROVED");
        assertThat(request.path("steps").get(0).path("decision").path("decidedBy").asText()).isEqualTo("sofia");
        assertThat(request.path("steps").get(0).path("decision").path("rationale").asText())
                .isEqualTo("Approved from my phone");

        browser.get(url(mail.link("Approve")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("used");
    }
}
