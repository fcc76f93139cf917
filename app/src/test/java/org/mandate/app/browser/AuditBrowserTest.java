package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.mandate.app.security.Credentials;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor reads the trail, scrubs through a replay with its diagram, and checks the ledger. */
class AuditBrowserTest extends BrowserTest {

    @Test
    void anAuditorScrubsThroughARequestWithTheActiveStepHighlighted() {
        String id = as("ana").submit("Smartboard <script>alert(1)</script>", "equipment", 8000);
        String approval = openStep(as("ana"), id);
        as("vera").post("/api/requests/" + id + "/steps/" + approval + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "</script><b>bold</b>"));
        WebDriver browser = browserAs("ada");

        browser.get(url("/audit/requests/" + id));
        waitUntil(browser, driver -> driver.findElement(By.id("position")).getText().equals("4 / 4"));
        // the frame reads as the trail does: the event in words, a time with its zone, names rather than user ids
        assertThat(browser.findElement(By.id("event-title")).getText()).isEqualTo("Step opened");
        waitUntil(browser, driver -> !driver.findElements(By.cssSelector(".mandate-active")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".mandate-active")).getAttribute("data-element-id"))
                .isEqualTo("financeCheck");

        WebElement scrubber = browser.findElement(By.id("scrubber"));
        scrubber.sendKeys(Keys.HOME);
        scrubber.sendKeys(Keys.ARROW_RIGHT);
        waitUntil(browser, driver -> driver.findElement(By.id("position")).getText().equals("2 / 4"));
        waitUntil(browser, driver -> "managerApproval".equals(driver.findElement(By.cssSelector(".mandate-active"))
                .getAttribute("data-element-id")));
        browser.findElement(By.id("next")).click();
        assertThat(browser.findElement(By.id("event-title")).getText()).isEqualTo("Step decided by Vera Lind");
        String event = browser.findElement(By.id("event")).getText();
        assertThat(event).contains("Vera Lind", "</script><b>bold</b>");
        assertThat(event).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT").containsPattern("\\d{4}, \\d\\d:\\d\\d \\S+");
        assertThat(browser.findElements(By.cssSelector("#event b"))).isEmpty();
        assertThat(browser.findElement(By.id("authority")).getText()).contains("Vera Lind");
        assertThat(browser.findElement(By.id("steps")).getText()).contains("Vera Lind", "approval, version")
                .doesNotContain(" vera ");
        screenshot(browser, "audit-replay");
    }

    @Test
    void theTrailAndTheLedgerAreThereForAuditorsOnly() {
        WebDriver auditor = browserAs("ada");
        auditor.get(url("/audit"));
        assertThat(auditor.findElement(By.tagName("h1")).getText()).isEqualTo("Audit trail");
        assertThat(auditor.findElements(By.cssSelector("#trail tbody tr"))).isNotEmpty();
        auditor.get(url("/audit/ledger"));
        assertThat(auditor.findElement(By.id("digest")).getText()).matches("\\d+:[0-9a-f]{64}");
        screenshot(auditor, "audit-ledger");

        WebDriver staff = browserAs("ana");
        staff.get(url("/audit"));
        assertThat(staff.getPageSource()).doesNotContain("Audit trail");
    }

    @Autowired
    private Credentials credentials;

    @Test
    void theReplayOfAnErasedPersonsRequestShowsTheErasedValuesNotTheirs() {
        String p = "eb" + UUID.randomUUID().toString().substring(0, 6);
        String name = "Perpetua Quillfeather " + p;
        String title = "Orrery for the physics lab " + p;
        assertThat(as("ivy").postFile("/api/admin/directory/import?dryRun=false", "text/csv",
                "id,name,title,manager\n" + p + "," + name + ",Physics teacher,sofia\n").status()).isEqualTo(200);
        credentials.set(p, "demo");
        String id = new Api(port, p, "demo").submit(title, "equipment", 150);
        String step = openStep(as("sofia"), id);
        as("sofia").post("/api/requests/" + id + "/steps/" + step + "/decision",
                Map.of("outcome", "APPROVED", "rationale", "Sofia's own reasons " + p));
        assertThat(as("ivy").post("/api/people/" + p + "/departure", Map.of()).status()).isEqualTo(200);
        assertThat(as("ivy").post("/api/people/" + p + "/erasure", Map.of("reason", "left; retention over"))
                .status()).isEqualTo(202);
        assertThat(as("max").post("/api/people/" + p + "/erasure/approval", Map.of()).status()).isEqualTo(200);
        WebDriver browser = browserAs("ada");

        browser.get(url("/audit/requests/" + id));
        waitUntil(browser, driver -> driver.findElement(By.id("position")).getText().matches("\\d+ / \\d+"));
        WebElement scrubber = browser.findElement(By.id("scrubber"));
        scrubber.sendKeys(Keys.HOME);
        waitUntil(browser, driver -> driver.findElement(By.id("position")).getText().startsWith("1 /"));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("erased person").contains("[erased]").doesNotContain(name).doesNotContain(title);
        assertThat(browser.getPageSource()).doesNotContain(name).doesNotContain(title);
        assertThat(consoleErrors(browser)).isEmpty();
        screenshot(browser, "audit-replay-erased");
    }
}
