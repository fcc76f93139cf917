package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff workflow in a real browser: submit, see it arrive live, decide, and read the outcome. */
class StaffWorkflowBrowserTest extends BrowserTest {

    @Test
    void anaSubmitsSofiaSeesItLiveAndApprovesAndAnaSeesTheOutcome() {
        WebDriver sofia = browserAs("sofia");
        markPage(sofia);
        WebDriver ana = browserAs("ana");
        String title = "Microscope " + shortId();

        ana.get(url("/requests/new"));
        ana.findElement(By.id("title")).sendKeys(title);
        new Select(ana.findElement(By.id("category"))).selectByValue("equipment");
        ana.findElement(By.id("amount")).sendKeys("1500");
        ana.findElement(By.id("description")).sendKeys("For the biology lab <b>not bold</b>");
        WholePage.screenshot(ana, "new-request");
        ana.findElement(By.id("send")).click();
        waitUntil(ana, driver -> driver.getCurrentUrl().matches(".*/requests/[0-9a-f-]{36}$"));
        assertThat(text(ana, ".confirm")).contains("is sent", "Sofia Reyes will decide on it");
        assertThat(text(ana, "#request-status")).isEqualTo("in review");
        assertThat(ana.getPageSource()).contains("&lt;b&gt;not bold&lt;/b&gt;");
        waitForDiagram(ana);
        WholePage.screenshot(ana, "request-in-review");

        waitUntil(sofia, driver -> !driver.findElements(By.linkText(title)).isEmpty());
        assertThat(pageWasNotReloaded(sofia)).as("the step arrived without a reload").isTrue();
        assertThat(text(sofia, "#notices")).contains("New in your inbox: ‘" + title + "’ from Ana Costa");
        WholePage.screenshot(sofia, "inbox-live");

        // the poll replaces the rows every two seconds: the link is found afresh if it was replaced
        click(sofia, By.linkText(title));
        waitForDiagram(sofia);
        assertThat(sofia.findElements(By.cssSelector("#diagram .mandate-active"))).as("the open step is highlighted")
                .isNotEmpty();
        WholePage.screenshot(sofia, "request-to-decide");
        sofia.findElement(By.id("approve")).click();
        sofia.findElement(By.id("rationale")).sendKeys("The lab needs it");
        sofia.findElement(By.id("record-decision")).click();
        waitUntil(sofia, driver -> driver.findElements(By.cssSelector(".confirm")).size() == 1);
        assertThat(text(sofia, ".confirm")).contains("You approved ‘" + title + "’ from Ana Costa",
                "The request is approved");
        assertThat(sofia.findElements(By.linkText(title))).isEmpty();
        WholePage.screenshot(sofia, "inbox-after-decision");

        ana.navigate().refresh();
        assertThat(text(ana, "#request-status")).isEqualTo("approved");
        assertThat(text(ana, "#steps")).contains("approved by Sofia Reyes", "The lab needs it");
        assertThat(text(ana, "#timeline")).contains("Sofia Reyes approved", "The lab needs it",
                "closed the request: approved");
        WholePage.screenshot(ana, "request-approved");
        ana.get(url("/"));
        assertThat(text(ana, "main")).contains(title, "approved");
    }

    @Test
    void aStepThatLeavesTheInboxElsewhereDisappearsWithANotice() {
        WebDriver sofia = browserAs("sofia");
        markPage(sofia);
        String title = "Books " + shortId();
        String id = as("ana").submit(title, "supplies", 300);
        waitUntil(sofia, driver -> !driver.findElements(By.linkText(title)).isEmpty());

        as("ana").post("/api/requests/" + id + "/withdrawal", Map.of("reason", "Found some in the library"));

        waitUntil(sofia, driver -> driver.findElements(By.linkText(title)).isEmpty());
        String notices = waitUntil(sofia, driver -> {
            String shown = driver.findElement(By.id("notices")).getText();
            return shown.contains("withdrew") ? shown : null;
        });
        assertThat(notices).contains("Ana Costa withdrew ‘" + title + "’; it left your inbox.");
        assertThat(pageWasNotReloaded(sofia)).isTrue();
        WholePage.screenshot(sofia, "inbox-step-left");
    }

    @Test
    void aFormThatIsRefusedSaysWhyNextToTheField() {
        WebDriver ana = browserAs("ana");
        long events = eventCount();
        ana.get(url("/requests/new"));
        ana.findElement(By.id("title")).sendKeys("School bus");
        new Select(ana.findElement(By.id("category"))).selectByValue("trip");
        ana.findElement(By.id("amount")).sendKeys("150000");
        ana.findElement(By.id("send")).click();

        String error = waitUntil(ana, driver -> driver.findElement(By.id("amount-error")).getText());
        assertThat(error).contains("largest amount your chain can approve is 50000");
        assertThat(ana.findElement(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(ana.findElement(By.id("amount")).getAttribute("value")).isEqualTo("150000");
        assertThat(ana.findElement(By.id("title")).getAttribute("value")).as("input is kept").isEqualTo("School bus");
        assertThat(eventCount()).isEqualTo(events);
        WholePage.screenshot(ana, "new-request-error");

        ana.findElement(By.id("amount")).clear();
        ana.findElement(By.id("amount")).sendKeys("twelve");
        ana.findElement(By.id("send")).click();
        // the first refusal's message stays on screen until the second answer replaces the page: wait for that one
        String typo = waitUntil(ana, driver -> {
            String text = driver.findElement(By.id("amount-error")).getText();
            return text.contains("twelve") ? text : null;
        });
        assertThat(typo).contains("‘twelve’ is not an amount");
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedNextToTheReasonField() {
        String title = "Paint " + shortId();
        String id = as("ben").submit(title, "supplies", 120);
        WebDriver liam = browserAs("liam");
        liam.get(url("/requests/" + id));
        long events = eventCount();

        liam.findElement(By.id("reject")).click();
        liam.findElement(By.id("record-decision")).click();

        String error = waitUntil(liam, driver -> driver.findElement(By.id("rationale-error")).getText());
        assertThat(error).contains("A rejection needs a rationale");
        assertThat(liam.findElement(By.id("reject")).isSelected()).as("the choice is kept").isTrue();
        assertThat(eventCount()).isEqualTo(events);
        WholePage.screenshot(liam, "decision-error");

        liam.findElement(By.id("rationale")).sendKeys("We have plenty of paint");
        liam.findElement(By.id("record-decision")).click();
        waitUntil(liam, driver -> driver.findElements(By.cssSelector(".confirm")).size() == 1);
        assertThat(text(liam, ".confirm")).contains("You rejected ‘" + title + "’", "Ben Adeyemi can see why");
    }

    @Test
    void thePagesReadOnAPhone() {
        String marker = shortId();
        String title = "Stage lights " + marker;
        as("ben").submit(title, "equipment", 6000);
        WebDriver vera = browserAs("vera");
        vera.manage().window().setSize(new Dimension(390, 844));
        vera.get(url("/?q=" + marker));
        assertThat(vera.findElements(By.linkText(title))).hasSize(1);
        assertThat(horizontalOverflow(vera)).as("no sideways scrolling").isFalse();
        WholePage.screenshot(vera, "inbox-phone");
        click(vera, By.linkText(title));
        waitForDiagram(vera);
        assertThat(horizontalOverflow(vera)).isFalse();
        WholePage.screenshot(vera, "request-phone");
    }

    private static String text(WebDriver browser, String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void waitForDiagram(WebDriver browser) {
        waitUntil(browser, driver -> "true".equals(driver.findElement(By.id("diagram")).getAttribute("data-rendered")));
    }

    /** Leaves a mark in the page's JavaScript state; a reload would wipe it. */
    private static void markPage(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("window.mandateTestMark = 'still here';");
    }

    private static boolean pageWasNotReloaded(WebDriver browser) {
        return "still here".equals(((JavascriptExecutor) browser).executeScript("return window.mandateTestMark;"));
    }

    private static boolean horizontalOverflow(WebDriver browser) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
