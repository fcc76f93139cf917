package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comment form on a request's page, as a person uses it: the history gains the comment, a refusal sits by the field. */
class CommentBrowserTest extends BrowserTest {

    @Test
    void theHolderAsksTheRequesterAndTheRequesterAnswers_onThePage() {
        String request = as("ana").submit("Telescope for the astronomy club", "equipment", 900);
        WebDriver sofia = browserAs("sofia");
        sofia.get(url("/requests/" + request));

        sofia.findElement(By.id("comment-text")).sendKeys("@ana is the tripod included?");
        sofia.findElement(By.id("add-comment")).click();

        waitUntil(sofia, driver -> !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
        assertThat(sofia.findElement(By.cssSelector("p.confirm")).getText())
                .contains("Your comment is added", "It mentions Ana Costa");
        assertThat(timeline(sofia)).anySatisfy(line -> assertThat(line)
                .contains("Sofia Reyes", "commented, mentioning Ana Costa", "@ana is the tripod included?"));
        screenshot(sofia, "request-comments");

        WebDriver ana = browserAs("ana");
        ana.get(url("/requests/" + request));
        ana.findElement(By.id("comment-text")).sendKeys("   ");
        ana.findElement(By.id("add-comment")).click();
        WebElement error = waitUntil(ana, driver -> driver.findElements(By.id("comment-error")).stream().findFirst()
                .orElse(null));
        assertThat(error.getText()).isEqualTo("Write your comment: the text is empty.");
        WebElement field = ana.findElement(By.id("comment-text"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("comment-error");
        assertThat(ana.getTitle()).startsWith("Error: ");

        field.clear();
        field.sendKeys("Yes, and a case.");
        ana.findElement(By.id("add-comment")).click();
        waitUntil(ana, driver -> !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
        assertThat(timeline(ana)).anySatisfy(line -> assertThat(line).contains("Ana Costa", "commented",
                "Yes, and a case."));

        // the auditor's replay ends on the answer, with both comments beside the request's state
        WebDriver ada = browserAs("ada");
        ada.get(url("/audit/requests/" + request));
        waitUntil(ada, driver -> driver.findElement(By.id("event-title")).getText().equals("Ana Costa commented"));
        assertThat(ada.findElements(By.cssSelector("#comments tr")).stream().map(WebElement::getText).toList())
                .satisfiesExactly(first -> assertThat(first).contains("Sofia Reyes", "@ana is the tripod included?",
                                "Ana Costa"),
                        second -> assertThat(second).contains("Ana Costa", "Yes, and a case."));
        assertThat(ada.findElement(By.id("event")).getText()).contains("Yes, and a case.");
    }

    private static List<String> timeline(WebDriver browser) {
        return browser.findElements(By.cssSelector("#timeline li")).stream().map(WebElement::getText).toList();
    }
}
