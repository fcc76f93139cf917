package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

    static List<String> titles(WebDriver browser) {
        return browser.findElements(By.cssSelector("#inbox-items tbody tr td[data-label=Request] a")).stream()
                .map(WebElement::getText).toList();
    }
}
