package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner opens the modeler, renames a step, validates and deploys version 2; new requests use it, the
 * versions page lists both, the comparison names the rename and version 1 is still viewable as it was.
 */
class ProcessModelerBrowserTest extends BrowserTest {

    private static final String KEY = "browser-trip";

    @Test
    void aProcessOwnerRenamesAStepDeploysVersionTwoAndANewRequestRunsOnIt() throws IOException {
        String template = new ClassPathResource("process-templates/single-approval.bpmn")
                .getContentAsString(StandardCharsets.UTF_8).replace("NEW_KEY", KEY).replace("NEW_NAME", "Trips");
        assertThat(as("olu").postXml("/api/processes", template).status()).isEqualTo(201);
        WebDriver browser = browserAs("olu");

        browser.get(url("/processes/" + KEY + "/edit"));
        WebElement canvas = browser.findElement(By.id("canvas"));
        slowly(browser, driver -> "true".equals(canvas.getDomAttribute("data-loaded")));
        new Actions(browser).moveToElement(browser.findElement(
                By.cssSelector("g.djs-element[data-element-id='approval'] rect"))).click().perform();
        slowly(browser, driver -> !driver.findElements(
                By.cssSelector("[data-group-id='group-CamundaPlatform__UserAssignment']")).isEmpty());
        WebElement name = slowly(browser, driver -> driver.findElements(By.id("bio-properties-panel-name")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "Head of department approval");
        slowly(browser, driver -> "Head of department approval".equals(((JavascriptExecutor) driver).executeScript(
                "return mandateModeler.get('elementRegistry').get('approval').businessObject.name")));

        browser.findElement(By.id("validate")).click();
        slowly(browser, driver -> driver.findElement(By.id("status")).getText().startsWith("No problems"));
        browser.findElement(By.id("deploy")).click();
        slowly(browser, driver -> driver.findElement(By.id("status")).getText().startsWith("Deployed version 2"));
        screenshot(browser, "modeler-deployed-version-2");

        assertThat(as("olu").post("/api/processes/bindings", Map.of("processKey", KEY, "category", KEY,
                "maxAmount", 5000)).status()).isEqualTo(201);
        Api.Response submitted = as("ana").post("/api/requests", Map.of("title", "Museum visit", "category", KEY,
                "amount", 250, "currency", "EUR"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String step = as("ana").get("/api/requests/" + submitted.json().path("id").asText()).json()
                .path("steps").get(0).path("name").asText();
        assertThat(step).isEqualTo("Head of department approval");

        browser.get(url("/processes/" + KEY));
        assertThat(browser.findElements(By.cssSelector("#versions tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#versions tr[data-version='2']")).getText())
                .contains("olu").contains("(latest)");
        screenshot(browser, "modeler-versions");

        browser.get(url("/processes/" + KEY + "/changes?from=1&to=2"));
        assertThat(browser.findElement(By.id("changes")).getText())
                .contains("renamed from 'Approval' to 'Head of department approval'");
        browser.get(url("/processes/" + KEY + "/versions/1"));
        WebElement viewer = browser.findElement(By.id("canvas"));
        slowly(browser, driver -> "true".equals(viewer.getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.cssSelector("g.djs-element[data-element-id='approval']")).getText())
                .isEqualTo("Approval");
    }

    /** The machine running the suite may be busy; waiting longer costs nothing when it is not. */
    private static <T> T slowly(WebDriver browser, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(90)).until(condition::apply);
    }

    @Test
    void theModelerShowsEachProblemAndDeploysNothing() {
        WebDriver browser = browserAs("olu");
        browser.get(url("/processes/new?key=browser-refused"));
        WebElement canvas = browser.findElement(By.id("canvas"));
        slowly(browser, driver -> "true".equals(canvas.getDomAttribute("data-loaded")));
        // what a process owner would type into the assignee field of the properties panel
        ((JavascriptExecutor) browser).executeScript("const m = mandateModeler;"
                + "const task = m.get('elementRegistry').get('approval');"
                + "m.get('modeling').updateProperties(task, { 'camunda:assignee': 'pat' });");

        browser.findElement(By.id("deploy")).click();

        WebElement problem = slowly(browser, driver -> driver.findElement(
                By.cssSelector("#problems li[data-element-id='approval']")));
        assertThat(problem.getText()).contains("assignee 'pat', which is not an assignment Mandate understands");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("The process was not deployed");
        assertThat(as("olu").get("/api/processes/browser-refused/versions").status()).isEqualTo(404);
        screenshot(browser, "modeler-refused");
    }

    @Test
    void deployingAnUnchangedDiagramAsksFirstAndTheHeadingFollowsTheDeployedVersion() throws IOException {
        String key = "browser-unchanged";
        String template = new ClassPathResource("process-templates/single-approval.bpmn")
                .getContentAsString(StandardCharsets.UTF_8).replace("NEW_KEY", key).replace("NEW_NAME", "Unchanged");
        assertThat(as("olu").postXml("/api/processes", template).status()).isEqualTo(201);
        WebDriver browser = browserAs("olu");
        browser.get(url("/processes/" + key + "/edit"));
        WebElement canvas = browser.findElement(By.id("canvas"));
        slowly(browser, driver -> "true".equals(canvas.getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.id("deploy-anyway")).isDisplayed()).isFalse();

        browser.findElement(By.id("deploy")).click();
        slowly(browser, driver -> !driver.findElement(By.id("status")).getText().isEmpty());
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("Nothing has changed")
                .contains("version 1");
        assertThat(as("olu").get("/api/processes/" + key + "/versions").json()).as("nothing deployed yet").hasSize(1);
        WebElement anyway = browser.findElement(By.id("deploy-anyway"));
        assertThat(anyway.isDisplayed()).isTrue();
        assertThat(browser.switchTo().activeElement()).as("the question's answer has the focus").isEqualTo(anyway);

        anyway.click();
        slowly(browser, driver -> driver.findElement(By.id("status")).getText().startsWith("Deployed version 2"));
        assertThat(browser.findElement(By.id("based-on")).getText()).isEqualTo("2");
        assertThat(anyway.isDisplayed()).isFalse();
        assertThat(as("olu").get("/api/processes/" + key + "/versions").json()).hasSize(2);

        // a second unchanged deploy asks again, now about the version just deployed
        browser.findElement(By.id("deploy")).click();
        slowly(browser, driver -> driver.findElement(By.id("status")).getText().startsWith("Nothing has changed"));
        assertThat(browser.findElement(By.id("status")).getText()).contains("version 2");
    }
}
