package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.mandate.app.mail.ReceivedMail;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page state passes axe-core's WCAG 2.2 A and AA rules (issue 27) and writes no error to the console (the
 * tour ScreensBrowserTest once made on its own), and what axe cannot see is checked by
 * hand: diagrams have a name and a text equivalent, the replay scrubber says where it is and announces each move,
 * the menu marks the current section, and a refused form says so in the page title. axe comes from npm (the
 * frontend's devDependencies) and is injected by the driver, with the app's Content-Security-Policy left on.
 */
public class AccessibilityBrowserTest extends BrowserTest {

    private static final Path AXE = Path.of("src", "main", "frontend", "node_modules", "axe-core", "axe.min.js");

    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
              .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
              .catch(error => done(['axe failed: ' + error]));
            """;

    @Test
    void everyPageStatePassesAxe() throws InterruptedException {
        String request = as("ana").submit("Microscope for the lab", "equipment", 900);
        // a comment in the history and the replay, with a mention (docs/conversation.md)
        assertThat(as("sofia").post("/api/requests/" + request + "/comments",
                java.util.Map.of("text", "@ana which supplier?")).status()).isEqualTo(201);
        // a committee vote with one ballot: the tally on the card, the ballots on the page, the replay (issue 22)
        String vote = as("ana").submit("Telescope for axe", "equipment", 20_000);
        assertThat(as("pat").post("/api/requests/" + vote + "/steps/" + openStep(as("ana"), vote) + "/decision",
                java.util.Map.of("outcome", "APPROVED")).status()).isEqualTo(200);
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("vera", List.of("/?q=Telescope%20for%20axe", "/requests/" + vote));
        pages.put("ana", List.of("/", "/requests/new", "/requests/" + request, "/mandates", "/audit/decisions",
                "/settings/notifications", "/settings/language"));
        // the inbox filtered, with a saved filter listed, and with a value it refuses (docs/pages.md)
        assertThat(as("sofia").post("/api/inbox/filters", java.util.Map.of("name", "Lab", "query",
                "q=microscope&sort=-amount")).status()).isEqualTo(200);
        pages.put("sofia", List.of("/?q=microscope&sort=-amount", "/?sort=nonsense"));
        pages.put("ada", List.of("/", "/audit", "/audit/requests/" + request, "/audit/ledger", "/insights",
                "/audit/requests/" + vote));
        pages.put("olu", List.of("/", "/processes", "/processes/approval", "/processes/approval/versions/1",
                "/processes/approval/edit"));
        pages.put("ivy", List.of("/", "/admin", "/admin/people/ana", "/admin/reconciliation", "/admin/mail",
                "/admin/projections", "/admin/committees", "/admin/committees/budget-committee", "/admin/categories",
                "/admin/people/vera/departure", "/admin/clients", "/admin/webhooks"));
        Map<String, List<String>> violations = new LinkedHashMap<>();
        WebDriver anonymous = browser();
        anonymous.get(url("/login"));
        violations.put("/login", axe(anonymous));
        ((JavascriptExecutor) anonymous).executeScript("document.querySelector('main').append(document.createElement('img'))");
        assertThat(axe(anonymous)).as("axe is live: it finds a picture without a text alternative")
                .anySatisfy(violation -> assertThat(violation).startsWith("image-alt"));
        ((JavascriptExecutor) anonymous).executeScript("console.error('written by the test')");
        assertThat(consoleErrors(anonymous)).as("the console is read: it holds what a script wrote")
                .anySatisfy(error -> assertThat(error).contains("written by the test"));
        // the page a decide-from-the-mail link opens, for someone not logged in
        ReceivedMail mail = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                ReceivedMail.to(MAIL, "sofia@school.example").stream().filter(received -> received.text()
                        .contains("/requests/" + request)).findFirst().orElse(null), found -> found != null);
        anonymous.get(url(mail.link("Reject")));
        violations.put("/mail/act/{token}", axe(anonymous));
        // the same tour says whether a page wrote an error to the console, an inbox (empty ones too) once it polled
        Map<String, List<String>> consoleErrors = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> tour : pages.entrySet()) {
            String person = tour.getKey();
            WebDriver browser = browserAs(person);
            consoleErrors(browser);
            for (String path : tour.getValue()) {
                browser.get(url(path));
                waitForDrawings(browser);
                violations.put(person + " " + path, axe(browser));
                if (path.equals("/") || path.startsWith("/?")) {
                    Thread.sleep(2_500); // one poll of the live inbox (every 2 s) has run
                }
                List<String> errors = consoleErrors(browser);
                if (!path.equals("/?sort=nonsense")) { // refused on purpose: Chromium logs the page's own 400
                    consoleErrors.put(person + " " + path, errors);
                }
            }
            close(browser);
        }
        assertThat(consoleErrors).allSatisfy((page, errors) -> assertThat(errors).as(page).isEmpty());
        // the modeler's keyboard form open on a step, whose context pad entries are then in the tab order
        WebDriver olu = browserAs("olu");
        olu.get(url("/processes/approval/edit"));
        waitUntil(olu, driver -> "true".equals(driver.findElement(By.id("canvas")).getDomAttribute("data-loaded")));
        olu.findElement(By.id("keyboard-editing-toggle")).click();
        new org.openqa.selenium.support.ui.Select(olu.findElement(By.id("element-choice")))
                .selectByValue("managerApproval");
        waitUntil(olu, driver -> !driver.findElements(By.cssSelector(".djs-context-pad .entry[role=button]")).isEmpty());
        violations.put("olu /processes/approval/edit keyboard form", axe(olu));
        // and with Camunda's properties panel, loaded on demand, showing the selected step
        WebElement modelerCanvas = olu.findElement(By.id("canvas"));
        olu.findElement(By.id("show-properties")).click();
        waitUntil(olu, org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(modelerCanvas)::apply);
        waitUntil(olu, driver -> "true".equals(driver.findElement(By.id("canvas")).getDomAttribute("data-loaded"))
                && !driver.findElements(By.cssSelector(".bio-properties-panel")).isEmpty());
        violations.put("olu /processes/approval/edit properties panel", axe(olu));
        close(olu);
        WebDriver ana = browserAs("ana");
        refuseANewRequest(ana);
        violations.put("ana /requests/new refused", axe(ana));
        refuseAComment(ana, request);
        violations.put("ana /requests/{id} comment refused", axe(ana));

        // the results of a bulk decision, one step decided
        String beakers = as("ana").submit("Beakers for axe", "supplies", 60);
        WebDriver sofia = browserAs("sofia");
        sofia.get(url("/?q=Beakers%20for%20axe"));
        click(sofia, By.cssSelector("input.select-step[value^='" + beakers + "']"));
        sofia.findElement(By.id("approve-selected")).click();
        waitUntil(sofia, driver -> !driver.findElements(By.id("bulk-summary")).isEmpty());
        violations.put("sofia /inbox/decisions results", axe(sofia));
        close(sofia);

        assertThat(violations).allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }

    @Test
    void aRefusedFormSaysSoInTheTitleAndTheMenuMarksWhereYouAre() {
        WebDriver ana = browserAs("ana");
        ana.get(url("/requests/new"));
        assertThat(ana.getTitle()).isEqualTo("New request · Mandate");
        assertThat(ana.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("New request");

        refuseANewRequest(ana);
        assertThat(ana.getTitle()).isEqualTo("Error: New request · Mandate");

        ana.get(url("/"));
        assertThat(ana.findElements(By.cssSelector("nav a[aria-current=page]"))).singleElement()
                .extracting(WebElement::getText).isEqualTo("Inbox");
    }

    @Test
    void aDiagramHasANameAndItsStepsInWordsAndTheKeyboardDoesNotStopOnIt() {
        String request = as("ana").submit("Telescope for the club", "equipment", 900);
        WebDriver ana = browserAs("ana");
        ana.get(url("/requests/" + request));
        waitForDrawings(ana);

        WebElement figure = ana.findElement(By.cssSelector("figure.path"));
        assertThat(figure.findElement(By.tagName("figcaption")).getText()).contains("steps in order");
        List<String> steps = figure.findElements(By.cssSelector("#diagram-steps li")).stream()
                .map(WebElement::getText).toList();
        assertThat(steps).as("the steps in words; console: %s", consoleErrors(ana)).isNotEmpty().anySatisfy(step -> assertThat(step).contains("open now, held by "));
        assertThat(figure.findElement(By.cssSelector("#diagram svg")).getAttribute("aria-hidden")).isEqualTo("true");
        assertThat(figure.findElements(By.cssSelector("#diagram [tabindex]:not([tabindex='-1'])"))).isEmpty();
    }

    @Test
    void theReplayScrubberSaysWhereItIsAndAnnouncesEachMove() {
        String request = as("ana").submit("Globe for geography", "equipment", 900);
        WebDriver ada = browserAs("ada");
        ada.get(url("/audit/requests/" + request));
        waitForDrawings(ada);
        WebElement scrubber = ada.findElement(By.id("scrubber"));
        assertThat(scrubber.getAttribute("aria-label")).isEqualTo("Event in the request's history");
        String before = scrubber.getAttribute("aria-valuetext");
        assertThat(before).as("console: %s", consoleErrors(ada)).startsWith("Event ").contains(" of ");

        scrubber.sendKeys(Keys.ARROW_LEFT);

        String after = waitUntil(ada, driver -> {
            String now = driver.findElement(By.id("scrubber")).getAttribute("aria-valuetext");
            return now.equals(before) ? null : now;
        });
        assertThat(ada.findElement(By.id("frame-announcement")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(ada.findElement(By.id("frame-announcement")).getAttribute("textContent")).isEqualTo(after);
    }

    /** Sends a new request whose amount the server refuses (the browser's own checks pass). */
    private void refuseANewRequest(WebDriver ana) {
        ana.get(url("/requests/new"));
        ana.findElement(By.id("title")).sendKeys("Chairs");
        new Select(ana.findElement(By.id("category"))).selectByValue("equipment");
        ana.findElement(By.id("amount")).sendKeys("lots");
        ana.findElement(By.id("send")).click();
        waitUntil(ana, driver -> !driver.findElements(By.cssSelector("[aria-invalid=true]")).isEmpty());
    }

    /** Sends a comment of blanks, which the server refuses next to the field (the browser's own check passes). */
    private void refuseAComment(WebDriver ana, String request) {
        ana.get(url("/requests/" + request));
        ana.findElement(By.id("comment-text")).sendKeys("   ");
        ana.findElement(By.id("add-comment")).click();
        waitUntil(ana, driver -> !driver.findElements(By.id("comment-error")).isEmpty());
        waitForDrawings(ana);
    }

    private static void waitForDrawings(WebDriver browser) {
        // charts are drawn when they come near the screen: scroll to any still waiting
        waitUntil(browser, driver -> ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('canvas:not([data-drawn])')?.scrollIntoView();"
                        + "return document.readyState === 'complete' && !document.querySelector("
                        + "'[data-bpmn-url]:not([data-rendered]), #canvas:not([data-loaded]), "
                        + "canvas:not([data-drawn])');"));
    }

    /** axe-core's script (about 500 kB), read once per test JVM. */
    private static volatile String axeSource;

    /** axe-core's WCAG 2.2 A and AA violations on the page the browser shows (also used by the sign-on test). */
    @SuppressWarnings("unchecked")
    public static List<String> axe(WebDriver browser) {
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript(axeSource());
        return (List<String>) script.executeAsyncScript(RUN_AXE);
    }

    private static String axeSource() {
        try {
            if (axeSource == null) {
                axeSource = Files.readString(AXE);
            }
            return axeSource;
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not installed: run 'npm ci' in app/src/main/frontend "
                    + "(the build does so when node_modules lacks it)", e);
        }
    }
}
