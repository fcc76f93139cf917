package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox's filter form, saved filters and poll, as an approver with a long queue uses them. */
class InboxBrowserTest extends BrowserTest {

    @Test
    void sofiaFiltersHerInboxSavesTheFilterAndThePollKeepsIt() {
        String tag = "zb" + UUID.randomUUID().toString().substring(0, 6);
        as("ana").submit(tag + " chalk", "supplies", 300);
        as("ana").submit(tag + " microscope", "equipment", 1500);
        WebDriver sofia = browserAs("sofia");
        sofia.get(url("/"));

        sofia.findElement(By.cssSelector("details.inbox-filter summary")).click();
        sofia.findElement(By.name("q")).sendKeys(tag);
        sofia.findElement(By.name("category")).sendKeys("supplies");
        sofia.findElement(By.cssSelector("#inbox-filter button[type=submit]")).click();

        waitUntil(sofia, driver -> driver.getCurrentUrl().contains("category=supplies"));
        assertThat(sofia.getCurrentUrl()).contains("q=" + tag);
        assertThat(titles(sofia)).containsExactly(tag + " chalk");
        assertThat(sofia.findElement(By.name("category")).getAttribute("value")).isEqualTo("supplies");

        sofia.findElement(By.cssSelector("form.save-filter input[name=name]")).sendKeys("Chalk " + tag);
        sofia.findElement(By.cssSelector("form.save-filter button")).click();
        waitUntil(sofia, driver -> !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
        sofia.get(url("/"));
        sofia.findElement(By.linkText("Chalk " + tag)).click();
        waitUntil(sofia, driver -> driver.getCurrentUrl().contains("category=supplies"));
        assertThat(titles(sofia)).containsExactly(tag + " chalk");

        // a new matching step arrives through the poll, a new other one does not
        as("ana").submit(tag + " glue", "supplies", 40);
        as("ana").submit(tag + " balance", "equipment", 1200);
        waitUntil(sofia, driver -> titles(driver).contains(tag + " glue"));
        assertThat(titles(sofia)).containsExactlyInAnyOrder(tag + " chalk", tag + " glue");
        screenshot(sofia, "inbox-filtered");
    }

    @Test
    void sofiaSelectsTwoStepsAndApprovesThemTogether() {
        String tag = "zc" + UUID.randomUUID().toString().substring(0, 6);
        String first = as("ana").submit(tag + " beakers", "supplies", 80);
        String second = as("ana").submit(tag + " funnels", "supplies", 45);
        as("ana").submit(tag + " left alone", "supplies", 20);
        WebDriver sofia = browserAs("sofia");
        sofia.get(url("/?q=" + tag + "&sort=amount"));
        waitUntil(sofia, driver -> titles(driver).size() == 3);

        // the poll replaces the rows every two seconds (the ticked boxes themselves are kept): find each box afresh
        for (String title : List.of(tag + " beakers", tag + " funnels")) {
            click(sofia, By.cssSelector("input.select-step[aria-label='Select ‘" + title + "’']"));
        }
        sofia.findElement(By.name("rationale")).sendKeys("Lab restock");
        // a step arriving through the poll proves the rows were replaced since the ticks and the typing
        as("ana").submit(tag + " arrives later", "supplies", 10);
        waitUntil(sofia, driver -> titles(driver).contains(tag + " arrives later"));
        assertThat(sofia.findElements(By.cssSelector("input.select-step:checked"))).as("the poll keeps the ticks")
                .hasSize(2);
        // the poll replaces the steps only: one form, the reason as typed (a poll that also brought the form
        // added one more each time, and the ticks could belong to another form than the button clicked)
        assertThat(sofia.findElements(By.id("bulk"))).hasSize(1);
        assertThat(sofia.findElement(By.name("rationale")).getDomProperty("value")).isEqualTo("Lab restock");
        sofia.findElement(By.id("approve-selected")).click();

        waitUntil(sofia, driver -> !driver.findElements(By.id("bulk-summary")).isEmpty());
        assertThat(sofia.findElement(By.id("bulk-summary")).getText()).isEqualTo("2 approved.");
        assertThat(sofia.findElements(By.cssSelector("#bulk-results tbody tr")).stream().map(WebElement::getText))
                .satisfiesExactlyInAnyOrder(line -> assertThat(line).contains(tag + " beakers", "approved"),
                        line -> assertThat(line).contains(tag + " funnels", "approved"));
        screenshot(sofia, "inbox-bulk-results");
        for (String request : List.of(first, second)) {
            assertThat(as("ana").get("/api/requests/" + request).json().path("status").asText())
                    .isEqualTo("APPROVED");
        }
        sofia.get(url("/?q=" + tag));
        assertThat(titles(sofia)).containsExactlyInAnyOrder(tag + " left alone", tag + " arrives later");
        sofia.get(url("/?q=" + tag + "+nothing"));
        assertThat(sofia.findElement(By.id("bulk")).isDisplayed()).as("nothing shown, nothing to decide").isFalse();
    }

    @Test
    void aStepArrivingWhileThePageIsOpenShowsOnTopThoughItsPlaceIsOnALaterPage() {
        String tag = "zd" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 51; i++) {
            as("ana").submit(tag + " pencils " + i, "supplies", 5 + i);
        }
        WebDriver sofia = browserAs("sofia");
        sofia.get(url("/"));
        assertThat(sofia.findElement(By.cssSelector("nav.pages")).getText()).as("more than a page of steps")
                .containsPattern("Page 1 of [2-9]");
        String newest = tag + " arrives";
        as("ana").submit(newest, "supplies", 12);

        // the poll replaces the rows every two seconds: read the first row in one go, retrying a replaced one
        String top = waitUntil(sofia, driver -> titles(driver).contains(newest) ? (String) ((JavascriptExecutor) driver)
                .executeScript("return document.querySelector('#inbox-items tbody tr').innerText;") : null);
        assertThat(top).as("shown on top of the page that is open, marked new").contains(newest, "new");
        assertThat(sofia.findElement(By.id("notices")).getText()).contains("New in your inbox: ‘" + newest + "’");

        sofia.navigate().refresh();
        assertThat(titles(sofia)).as("opened afresh, the most urgent first: the newest waits on a later page")
                .doesNotContain(newest).hasSize(50);
        sofia.get(url("/?q=" + tag + "+arrives"));
        assertThat(titles(sofia)).containsExactly(newest);
    }

    /**
     * The titles of the rows shown, read in one script: the poll replaces the rows every two seconds, and reading
     * fifty rows one WebDriver call at a time on a busy machine straddled a replacement every time (stale elements
     * until the wait ran out).
     */
    @SuppressWarnings("unchecked")
    static List<String> titles(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from(document"
                + ".querySelectorAll('#inbox-items tbody tr td[data-label=Request] a'), a => a.innerText.trim());");
    }
}
