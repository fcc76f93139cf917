package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Handing decisions on: a step lent to a colleague, and a standing mandate for time out of office. */
class DelegationBrowserTest extends BrowserTest {

    @Test
    void sofiaLendsAStepToLiamWhoApprovesItAndAnaSeesWhoDecided() {
        String title = "Telescope " + UUID.randomUUID().toString().substring(0, 8);
        String id = as("ana").submit(title, "equipment", 900);
        WebDriver liam = browserAs("liam");
        ((JavascriptExecutor) liam).executeScript("window.mandateTestMark = 'still here';");
        WebDriver sofia = browserAs("sofia");

        sofia.get(url("/requests/" + id));
        sofia.findElement(By.xpath("//summary[contains(., 'Pass it to a colleague')]")).click();
        new Select(sofia.findElement(By.id("to"))).selectByVisibleText("Liam Chen");
        sofia.findElement(By.id("note")).sendKeys("I am at the science fair all week");
        WholePage.screenshot(sofia, "request-delegate");
        sofia.findElement(By.id("confirm-delegate")).click();
        waitUntil(sofia, driver -> !driver.findElements(By.cssSelector(".confirm")).isEmpty());
        assertThat(sofia.findElement(By.cssSelector(".confirm")).getText()).contains("You lent this step to Liam Chen");
        assertThat(sofia.findElements(By.linkText(title))).as("it left sofia's inbox").isEmpty();

        waitUntil(liam, driver -> !driver.findElements(By.linkText(title)).isEmpty());
        assertThat(liam.findElement(By.id("notices")).getText()).contains("New in your inbox: ‘" + title + "’");
        assertThat((Object) ((JavascriptExecutor) liam).executeScript("return window.mandateTestMark;"))
                .as("it arrived without a reload").isEqualTo("still here");
        click(liam, By.linkText(title));
        assertThat(liam.findElement(By.id("lent-to-me")).getText()).contains("Sofia Reyes lent you this step");
        liam.findElement(By.id("approve")).click();
        liam.findElement(By.id("rationale")).sendKeys("Fine for the observatory club");
        liam.findElement(By.id("record-decision")).click();
        waitUntil(liam, driver -> !driver.findElements(By.cssSelector(".confirm")).isEmpty());

        WebDriver ana = browserAs("ana");
        ana.get(url("/requests/" + id));
        assertThat(ana.findElement(By.id("request-status")).getText()).isEqualTo("approved");
        assertThat(ana.findElement(By.id("timeline")).getText()).contains(
                "Sofia Reyes lent the step ‘Approval’ to Liam Chen", "I am at the science fair all week",
                "Liam Chen approved", "Fine for the observatory club");
        WholePage.screenshot(ana, "request-delegated-approved");
    }

    @Test
    void veraGoesOutOfOfficeInTwoClicksPatDecidesForHerAndSheRevokesIt() {
        WebDriver vera = browserAs("vera");
        vera.get(url("/mandates"));

        vera.findElement(By.id("out-of-office")).click();
        assertThat(new Select(vera.findElement(By.id("to"))).getFirstSelectedOption().getText()).isEqualTo("Pat Okafor");
        WholePage.screenshot(vera, "mandates-out-of-office");
        vera.findElement(By.id("grant-mandate")).click();

        waitUntil(vera, driver -> !driver.findElements(By.cssSelector(".confirm")).isEmpty());
        assertThat(vera.findElement(By.cssSelector(".confirm")).getText()).contains("Pat Okafor may now decide for you");
        assertThat(vera.findElement(By.id("mandate-list")).getText()).contains("Pat Okafor", "any category",
                "10,000.00 EUR", "in force");
        WholePage.screenshot(vera, "mandates");

        String title = "Stage curtains " + UUID.randomUUID().toString().substring(0, 8);
        String id = as("ben").submit(title, "equipment", 6000);
        vera.get(url("/"));
        ((JavascriptExecutor) vera).executeScript("window.mandateTestMark = 'still here';");
        WebDriver pat = browserAs("pat");
        pat.get(url("/"));
        assertThat(pat.findElement(By.xpath("//tr[.//a[text()='" + title + "']]")).getText())
                .as("marked as decided on vera's behalf").contains("for Vera Lind");
        WholePage.screenshot(pat, "inbox-on-behalf");
        click(pat, By.linkText(title));
        assertThat(pat.findElement(By.id("on-behalf")).getText()).contains("You decide this for Vera Lind");
        pat.findElement(By.id("approve")).click();
        pat.findElement(By.id("record-decision")).click();
        waitUntil(pat, driver -> !driver.findElements(By.cssSelector(".confirm")).isEmpty());

        String notice = waitUntil(vera, driver -> {
            String shown = driver.findElement(By.id("notices")).getText();
            return shown.contains("Pat Okafor approved") ? shown : null;
        });
        assertThat(notice).contains("Pat Okafor approved ‘" + title + "’; it left your inbox.");
        assertThat(vera.findElements(By.linkText(title))).isEmpty();
        assertThat((Object) ((JavascriptExecutor) vera).executeScript("return window.mandateTestMark;"))
                .isEqualTo("still here");
        assertThat(as("ben").get("/api/requests/" + id).json().path("steps").get(0).path("decision")
                .path("onBehalfOf").asText()).isEqualTo("vera");

        vera.get(url("/mandates"));
        vera.findElement(By.cssSelector("#mandate-list button.danger")).click();
        waitUntil(vera, driver -> driver.findElement(By.cssSelector(".confirm")).getText().contains("revoked"));
        assertThat(vera.findElement(By.id("mandate-list")).getText()).contains("revoked");
    }

    @Test
    void aMandateBeyondOnesOwnAuthorityIsRefusedNextToTheAmount() {
        WebDriver sofia = browserAs("sofia");
        sofia.get(url("/mandates?away=true"));
        sofia.findElement(By.id("maxAmount")).clear();
        sofia.findElement(By.id("maxAmount")).sendKeys("999999");
        sofia.findElement(By.id("grant-mandate")).click();

        String error = waitUntil(sofia, driver -> driver.findElement(By.id("maxAmount-error")).getText());
        assertThat(error).isNotBlank();
        WholePage.screenshot(sofia, "mandates-error");
    }
}
