package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending a step back for more information and answering it, on the pages, as the holder and the requester use
 * them: forms without script (post/redirect/get), refusals by the field, the inbox telling each who waits; axe on
 * every state.
 */
class SendBackBrowserTest extends BrowserTest {

    @Test
    void theHolderSendsItBack_theRequesterAnswers_andTheStepIsBackWithTheAnswerOnTop() {
        String title = "Send-back microscope " + System.nanoTime();
        String request = as("ana").submit(title, "equipment", 900);
        WebDriver sofia = browserAs("sofia");
        sofia.get(url("/requests/" + request));

        // an empty question is refused by the field, nothing sent
        sofia.findElement(By.cssSelector("#send-back")).findElement(By.xpath("..")).findElement(By.tagName("summary"))
                .click();
        sofia.findElement(By.id("question")).sendKeys("   ");
        sofia.findElement(By.id("confirm-send-back")).click();
        WebElement error = waitUntil(sofia, driver -> driver.findElements(By.id("question-error")).stream()
                .findFirst().orElse(null));
        assertThat(error.getText()).contains("Write your question");
        assertThat(sofia.findElement(By.id("question")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(AccessibilityBrowserTest.axe(sofia)).as("the refused question").isEmpty();

        WebElement question = sofia.findElement(By.id("question"));
        question.clear();
        question.sendKeys("Which supplier quoted this, and is the case included?");
        sofia.findElement(By.id("confirm-send-back")).click();
        waitUntil(sofia, driver -> !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
        assertThat(sofia.findElement(By.id("questions")).getText())
                .contains("Waiting for Ana Costa’s answer", "Sofia Reyes asks:", "Which supplier quoted this");
        assertThat(sofia.findElement(By.id("step-waits")).getText()).contains("cannot be decided");
        assertThat(sofia.findElements(By.id("decide"))).as("no decision while it waits").isEmpty();
        assertThat(timeline(sofia)).anySatisfy(line -> assertThat(line)
                .contains("Sofia Reyes", "sent it back for more information", "Which supplier quoted this"));
        List<String> pathSteps = waitUntil(sofia, driver -> {
            List<String> listed = driver.findElements(By.cssSelector("#diagram-steps li")).stream()
                    .map(WebElement::getText).toList();
            return listed.isEmpty() ? null : listed;
        });
        assertThat(pathSteps).as("the path's steps under the diagram").anySatisfy(line -> assertThat(line)
                .contains("open now, held by Sofia Reyes (sent back: waiting for Ana Costa’s answer"));
        assertThat(AccessibilityBrowserTest.axe(sofia)).as("the holder's page while it waits").isEmpty();

        WebDriver ana = browserAs("ana");
        ana.get(url("/"));
        assertThat(ana.findElement(By.id("waiting-for-answer")).getText())
                .contains(title, "Sofia Reyes asks:", "Which supplier quoted this");
        assertThat(AccessibilityBrowserTest.axe(ana)).as("the inbox with a question to answer").isEmpty();

        ana.get(url("/requests/" + request));
        assertThat(ana.findElement(By.id("amount-rule")).getText()).contains("cannot change it");
        ana.findElement(By.id("send-answer")).click(); // the browser's own check holds an empty answer back
        assertThat(ana.findElements(By.cssSelector("p.confirm"))).isEmpty();
        assertThat(AccessibilityBrowserTest.axe(ana)).as("the requester's answer form").isEmpty();
        ana.findElement(By.id("answer-text")).sendKeys("Lab Supplies Ltd (quote 114); the case is included.");
        WebElement newTitle = ana.findElement(By.id("answer-title"));
        newTitle.clear();
        newTitle.sendKeys(title + " with case");
        ana.findElement(By.id("send-answer")).click();
        waitUntil(ana, driver -> !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
        assertThat(ana.findElement(By.tagName("h1")).getText()).isEqualTo(title + " with case");
        assertThat(ana.findElements(By.id("answer-panel"))).as("nothing left to answer").isEmpty();

        sofia.get(url("/?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8)));
        WebElement answered = waitUntil(sofia, driver -> driver.findElements(By.cssSelector("[id^=answered-]"))
                .stream().findFirst().orElse(null));
        assertThat(answered.getText()).contains("Ana Costa answered", "Lab Supplies Ltd");
        assertThat(AccessibilityBrowserTest.axe(sofia)).as("the holder's inbox with the answer").isEmpty();
        sofia.get(url("/requests/" + request));
        assertThat(sofia.findElement(By.id("questions")).getText())
                .contains("Questions and answers", "Ana Costa answered:", "Lab Supplies Ltd");
        assertThat(sofia.findElements(By.id("decide"))).as("hers to decide again").hasSize(1);
        screenshot(sofia, "request-answered");
    }

    private static List<String> timeline(WebDriver browser) {
        return browser.findElements(By.cssSelector("#timeline li")).stream().map(WebElement::getText).toList();
    }
}
