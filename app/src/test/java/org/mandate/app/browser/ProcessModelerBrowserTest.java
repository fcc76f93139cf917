package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.mandate.app.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
        assertThat(browser.findElements(By.cssSelector(".bio-properties-panel"))).as("Camunda's panel waits until "
                + "asked for").isEmpty();
        // a change made before the panel is shown survives the reload that brings the panel
        browser.findElement(By.id("keyboard-editing-toggle")).click();
        new Select(browser.findElement(By.id("element-choice"))).selectByValue("approval");
        browser.findElement(By.id("element-name")).clear();
        browser.findElement(By.id("element-name")).sendKeys("Draft name");
        browser.findElement(By.id("element-save")).click();
        browser.findElement(By.id("show-properties")).click();
        // showing the panel makes the page again: wait for the old one to go, then for the panel on the new one
        slowly(browser, ExpectedConditions.stalenessOf(canvas)::apply);
        slowly(browser, driver -> "true".equals(driver.findElement(By.id("canvas")).getDomAttribute("data-loaded"))
                && !driver.findElements(By.cssSelector(".bio-properties-panel")).isEmpty());
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return mandateModeler.get('elementRegistry').get('approval').businessObject.name")).isEqualTo("Draft name");
        assertThat(browser.findElement(By.id("status")).getText()).contains("not deployed yet");
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

        category(KEY);
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
                .contains("Olu Mensah").contains("(latest)");
        screenshot(browser, "modeler-versions");

        browser.get(url("/processes/" + KEY + "/changes?from=1&to=2"));
        assertThat(browser.findElement(By.id("changes")).getText())
                .contains("renamed from 'Approval' to 'Head of department approval'");
        // and on the diagram of version 2, the renamed step is marked as changed
        WebElement changed = browser.findElement(By.id("diagram-to"));
        slowly(browser, driver -> "true".equals(changed.getDomAttribute("data-loaded")));
        assertThat(changed.findElements(By.cssSelector("g.djs-element.mandate-changed")))
                .extracting(element -> element.getDomAttribute("data-element-id")).containsExactly("approval");
        screenshot(browser, "modeler-changes");
        browser.get(url("/processes/" + KEY + "/versions/1"));
        WebElement viewer = browser.findElement(By.id("canvas"));
        slowly(browser, driver -> "true".equals(viewer.getDomAttribute("data-loaded")));
        assertThat(browser.findElement(By.cssSelector("g.djs-element[data-element-id='approval']")).getText())
                .isEqualTo("Approval");
    }

    /**
     * A process owner without a mouse turns the one-step template into a two-step path: the second step, a finance
     * review on the approved branch, is added, named, assigned and connected from the keyboard-editing form, reached
     * with Tab and operated with the keyboard alone. Deployed, it runs: a request meets the approval, then the review.
     */
    @Test
    void aTwoStepPathIsBuiltWithTheKeyboardAlone() {
        String key = "keyboard-two-step";
        WebDriver browser = browserAs("olu");
        browser.get(url("/processes/new?key=" + key));
        WebElement canvas = browser.findElement(By.id("canvas"));
        slowly(browser, driver -> "true".equals(canvas.getDomAttribute("data-loaded")));
        Keys forward = Keys.TAB;
        CharSequence back = Keys.chord(Keys.SHIFT, Keys.TAB);

        tabTo(browser, "keyboard-editing-toggle", forward);
        press(browser, Keys.ENTER);
        tabTo(browser, "element-choice", forward);
        choose(browser, "Approved (end event)");
        tabTo(browser, "element-delete", forward);
        press(browser, Keys.ENTER);
        said(browser, "Deleted Approved (end event).");

        tabTo(browser, "element-choice", back);
        choose(browser, "Approved? (exclusive gateway)");
        tabTo(browser, "append-step", forward);
        press(browser, Keys.ENTER);
        said(browser, "Added user task");
        typeInto(browser, "element-name", "Finance review");
        tabTo(browser, "element-assignee", forward);
        typeInto(browser, "element-assignee", "${routing.financeCheckerFor(execution)}");
        tabTo(browser, "element-save", forward);
        press(browser, Keys.ENTER);
        said(browser, "Saved Finance review (user task).");

        tabTo(browser, "element-choice", back);
        choose(browser, "Flow from Approved? to Finance review");
        tabTo(browser, "element-condition", forward);
        typeInto(browser, "element-condition", "${outcome == 'APPROVED'}");
        tabTo(browser, "element-save", forward);
        press(browser, Keys.ENTER);
        said(browser, "Saved Flow from Approved? to Finance review.");

        tabTo(browser, "element-choice", back);
        choose(browser, "Finance review (user task)");
        tabTo(browser, "append-end", forward);
        press(browser, Keys.ENTER);
        said(browser, "Added end event");
        typeInto(browser, "element-name", "Approved");
        tabTo(browser, "element-save", forward);
        press(browser, Keys.ENTER);
        said(browser, "Saved Approved (end event).");

        tabTo(browser, "validate", back);
        press(browser, Keys.ENTER);
        slowly(browser, driver -> driver.findElement(By.id("status")).getText().startsWith("No problems"));
        tabTo(browser, "deploy", forward);
        press(browser, Keys.ENTER);
        slowly(browser, driver -> driver.findElement(By.id("status")).getText().startsWith("Deployed version 1"));
        screenshot(browser, "modeler-keyboard-two-step");

        category(key);
        assertThat(as("olu").post("/api/processes/bindings", Map.of("processKey", key, "category", key,
                "maxAmount", 5000)).status()).isEqualTo(201);
        String request = as("ana").submit("Field trip", key, 250);
        assertThat(as("ana").get("/api/requests/" + request).json().path("steps").get(0).path("name").asText())
                .isEqualTo("Approval");
        assertThat(as("sofia").post("/api/requests/" + request + "/steps/" + openStep(as("ana"), request)
                + "/decision", Map.of("outcome", "APPROVED", "rationale", "Good for the class")).status())
                .isEqualTo(200);
        var steps = as("ana").get("/api/requests/" + request).json().path("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(1).path("name").asText()).isEqualTo("Finance review");
        assertThat(steps.get(1).path("assignee").asText()).isEqualTo("fay");
    }

    /** Presses Tab (or Shift+Tab) until the element with the id has the focus: it is reachable by keyboard. */
    private static void tabTo(WebDriver browser, String id, CharSequence key) {
        for (int presses = 0; presses < 250; presses++) {
            if (id.equals(browser.switchTo().activeElement().getDomAttribute("id"))) {
                return;
            }
            press(browser, key);
        }
        throw new AssertionError("#" + id + " cannot be reached with the keyboard");
    }

    private static void press(WebDriver browser, CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    /** Arrow keys from the top of the focused list until the option wanted is chosen. */
    private static void choose(WebDriver browser, String optionStart) {
        WebElement select = browser.switchTo().activeElement();
        assertThat(select.getTagName()).isEqualTo("select");
        press(browser, Keys.HOME);
        for (int presses = 0; presses < 60; presses++) {
            String chosen = (String) ((JavascriptExecutor) browser).executeScript(
                    "const s = arguments[0]; return s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text;",
                    select);
            if (chosen.startsWith(optionStart)) {
                return;
            }
            assertThat(browser.switchTo().activeElement()).as("the list keeps the focus while it is chosen from")
                    .isEqualTo(select);
            press(browser, Keys.ARROW_DOWN);
        }
        throw new AssertionError("no option '" + optionStart + "' in #" + select.getDomAttribute("id") + ": "
                + ((JavascriptExecutor) browser).executeScript(
                "return [...arguments[0].options].map(o => o.text).join(' | ')", select));
    }

    /** Types into the field that has the focus, which must be the one named. */
    private static void typeInto(WebDriver browser, String id, String text) {
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo(id);
        press(browser, text);
    }

    private static void said(WebDriver browser, String start) {
        slowly(browser, driver -> driver.findElement(By.id("keyboard-status")).getText().startsWith(start));
    }

    /** The machine running the suite may be busy; waiting longer costs nothing when it is not. */
    private static <T> T slowly(WebDriver browser, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(90)).until(condition::apply);
    }

    @Test
    void aStepBecomesACommitteeVoteThroughTheFormAndDeploys() {
        WebDriver browser = browserAs("olu");
        browser.get(url("/processes/new?key=browser-vote"));
        WebElement canvas = browser.findElement(By.id("canvas"));
        slowly(browser, driver -> "true".equals(canvas.getDomAttribute("data-loaded")));
        browser.findElement(By.id("keyboard-editing-toggle")).click();
        new Select(browser.findElement(By.id("element-choice"))).selectByValue("approval");
        assertThat(browser.findElements(By.cssSelector("#committee-ids option")).stream()
                .map(option -> option.getDomAttribute("value"))).as("the sitting committees offered")
                .contains("budget-committee");

        // Escape closes the list of suggestions the field opens, which would take the next click
        browser.findElement(By.id("element-committee")).sendKeys("budget-committee", Keys.ESCAPE);
        browser.findElement(By.id("element-save")).click();
        said(browser, "A committee vote needs both the committee and the rule");

        browser.findElement(By.id("element-assignee")).clear();
        browser.findElement(By.id("element-quorum")).sendKeys("2 of 3");
        browser.findElement(By.id("element-name")).clear();
        browser.findElement(By.id("element-name")).sendKeys("Budget committee vote");
        browser.findElement(By.id("element-save")).click();
        said(browser, "Saved");
        browser.findElement(By.id("deploy")).click();
        slowly(browser, driver -> driver.findElement(By.id("status")).getText().startsWith("Deployed version 1"));

        String deployed = as("olu").get("/api/processes/browser-vote/versions/1/xml").body();
        assertThat(deployed).contains("name=\"mandate:quorum\" value=\"2 of 3\"",
                "name=\"mandate:committee\" value=\"budget-committee\"").doesNotContain("camunda:assignee");
    }

    @Test
    void theModelerShowsEachProblemAndDeploysNothing() {
        WebDriver browser = browserAs("olu");
        WebElement problem = deployWithAssigneePat(browser, "browser-refused");
        assertThat(problem.getText()).contains("assignee 'pat', which is not an assignment Mandate understands");
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("The process was not deployed");
        assertThat(as("olu").get("/api/processes/browser-refused/versions").status()).isEqualTo(404);
        screenshot(browser, "modeler-refused");
    }

    /** The server words the problems in the reader's language; the modeler shows them as sent. */
    @Test
    void theModelerShowsProblemsInTheReadersLanguage() {
        WebDriver browser = browserAs("olu", "de");
        WebElement problem = deployWithAssigneePat(browser, "browser-refused-de");
        assertThat(problem.getText()).startsWith("Benutzeraufgabe ‚Approval‘: Der Bearbeiter ‚pat‘ ist keine "
                + "Zuweisung, die Mandate versteht.");
        assertThat(browser.findElement(By.id("status")).getText())
                .startsWith("Der Prozess wurde nicht veröffentlicht; beheben Sie zuerst ein Problem.");
        assertThat(as("olu").get("/api/processes/browser-refused-de/versions").status()).isEqualTo(404);
    }

    /**
     * Draws a new path under {@code key} whose approval step names 'pat' as its assignee, as a process owner would
     * type it into the properties panel, tries to deploy it, and returns the problem the modeler lists for the step.
     */
    private WebElement deployWithAssigneePat(WebDriver browser, String key) {
        browser.get(url("/processes/new?key=" + key));
        WebElement canvas = browser.findElement(By.id("canvas"));
        slowly(browser, driver -> "true".equals(canvas.getDomAttribute("data-loaded")));
        ((JavascriptExecutor) browser).executeScript("const m = mandateModeler;"
                + "const task = m.get('elementRegistry').get('approval');"
                + "m.get('modeling').updateProperties(task, { 'camunda:assignee': 'pat' });");
        browser.findElement(By.id("deploy")).click();
        return slowly(browser, driver -> driver.findElement(
                By.cssSelector("#problems li[data-element-id='approval']")));
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
