package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's Committees page as an administrator uses it: form, refused authority, members, limits, dissolve. */
class CommitteeBrowserTest extends BrowserTest {

    @Test
    void anAdministratorFormsAndStaffsACommitteeOnThePage() {
        String name = "Library board " + UUID.randomUUID().toString().substring(0, 8);
        WebDriver ivy = browserAs("ivy");
        ivy.get(url("/admin/committees"));
        assertThat(ivy.findElement(By.id("committees")).getText()).contains("Budget committee", "Vera Lind",
                "any category up to 100,000.00 EUR");

        ivy.findElement(By.cssSelector("#form-committee input[name=name]")).sendKeys(name);
        submitAndAwaitConfirmation(ivy, By.cssSelector("#form-committee button"));
        assertThat(ivy.findElement(By.tagName("h1")).getText()).isEqualTo(name);

        setAuthority(ivy, "5000");
        ivy.findElement(By.cssSelector("#authority-form button")).click();
        WebElement error = waitUntil(ivy, driver -> driver.findElements(By.id("committee-error")).stream()
                .findFirst().orElse(null));
        assertThat(error.getText()).contains("add at least one member");
        assertThat(ivy.getTitle()).startsWith("Error: ");

        new Select(ivy.findElement(By.id("personId"))).selectByValue("ben");
        submitAndAwaitConfirmation(ivy, By.cssSelector("#add-member button"));
        assertThat(ivy.findElement(By.id("members")).getText()).contains("Ben Adeyemi");

        setAuthority(ivy, "5000");
        submitAndAwaitConfirmation(ivy, By.cssSelector("#authority-form button"));
        assertThat(ivy.findElement(By.id("authority")).getText()).isEqualTo("any category up to 5,000.00 EUR");

        submitAndAwaitConfirmation(ivy, By.cssSelector("#members button"));
        assertThat(ivy.findElements(By.id("members"))).isEmpty();

        submitAndAwaitConfirmation(ivy, By.cssSelector("#dissolve button"));
        assertThat(ivy.findElement(By.cssSelector("dl.facts")).getText()).contains("dissolved");
        assertThat(ivy.findElements(By.id("add-member"))).isEmpty();
    }

    /** Fills in one new row of the authority form; the caller submits it. */
    private static void setAuthority(WebDriver browser, String amount) {
        WebElement form = browser.findElement(By.id("authority-form"));
        WebElement category = form.findElement(By.cssSelector("input[aria-label='Category, new row 1']"));
        category.clear();
        category.sendKeys("*");
        WebElement limit = form.findElement(By.cssSelector("input[aria-label='Limit, new row 1']"));
        limit.clear();
        limit.sendKeys(amount);
    }
}
