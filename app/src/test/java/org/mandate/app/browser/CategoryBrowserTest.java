package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's Categories page as an administrator uses it (issue 25): add, a refusal, rename, retire; axe passes. */
class CategoryBrowserTest extends BrowserTest {

    @Test
    void anAdministratorAddsRenamesAndRetiresACategoryAndTheSubmitFormFollows() {
        String key = "drama-" + UUID.randomUUID().toString().substring(0, 6);
        WebDriver ivy = browserAs("ivy");
        ivy.get(url("/admin/categories"));
        assertThat(ivy.findElement(By.id("categories")).getText()).contains("Equipment", "equipment");
        assertThat(AccessibilityBrowserTest.axe(ivy)).as("the list").isEmpty();

        add(ivy, "Drama!", "Drama");
        WebElement error = waitUntil(ivy, driver -> driver.findElements(By.id("category-error")).stream()
                .findFirst().orElse(null));
        assertThat(error.getText()).contains("cannot be a category key");
        assertThat(ivy.getTitle()).startsWith("Error: ");
        assertThat(ivy.findElement(By.id("new-key")).getDomProperty("value")).as("what was typed stays")
                .isEqualTo("Drama!");
        assertThat(AccessibilityBrowserTest.axe(ivy)).as("the refusal").isEmpty();

        add(ivy, key, "Drama " + key);
        waitUntil(ivy, driver -> !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
        assertThat(row(ivy, key).getText()).contains("Drama " + key, key, "in use");
        assertThat(options(browserAs("ana"))).contains("Drama " + key);

        WebElement name = row(ivy, key).findElement(By.cssSelector("input[name=name]"));
        assertThat(name.getDomAttribute("aria-label")).isEqualTo("New name for " + key);
        name.clear();
        name.sendKeys("Theatre " + key);
        row(ivy, key).findElement(By.cssSelector("button[aria-label='Rename " + key + "']")).click();
        waitUntil(ivy, driver -> driver.findElement(By.cssSelector("p.confirm")).getText().contains("Theatre"));
        assertThat(row(ivy, key).getText()).contains(key);
        assertThat(row(ivy, key).findElement(By.cssSelector("input[name=name]")).getDomProperty("value"))
                .isEqualTo("Theatre " + key);

        row(ivy, key).findElement(By.cssSelector("button[aria-label='Retire " + key + "']")).click();
        waitUntil(ivy, driver -> driver.findElement(By.cssSelector("p.confirm")).getText().contains("retired"));
        assertThat(row(ivy, key).getText()).contains("retired");
        assertThat(row(ivy, key).findElements(By.cssSelector("button[aria-label='Retire " + key + "']"))).isEmpty();
        assertThat(AccessibilityBrowserTest.axe(ivy)).as("after the changes").isEmpty();
        assertThat(options(browserAs("ana"))).doesNotContain("Theatre " + key).contains("Equipment");
    }

    private static void add(WebDriver browser, String key, String name) {
        WebElement form = browser.findElement(By.id("add-category"));
        form.findElement(By.id("new-key")).clear();
        form.findElement(By.id("new-key")).sendKeys(key);
        form.findElement(By.id("new-name")).clear();
        form.findElement(By.id("new-name")).sendKeys(name);
        form.findElement(By.cssSelector("button")).click();
    }

    private static WebElement row(WebDriver browser, String key) {
        return browser.findElement(By.id("category-" + key));
    }

    private java.util.List<String> options(WebDriver ana) {
        ana.get(url("/requests/new"));
        java.util.List<String> names = new Select(ana.findElement(By.id("category"))).getOptions().stream()
                .map(WebElement::getText).toList();
        close(ana);
        return names;
    }
}
