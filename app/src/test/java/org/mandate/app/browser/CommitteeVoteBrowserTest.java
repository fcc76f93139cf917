package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A budget committee member votes from the inbox: the card shows the rule and the tally, the request page the
 * ballots and who is still to vote, and the replay each vote and the moment the quorum was met. The browser tests
 * share one database, so the request is found by its own title.
 */
class CommitteeVoteBrowserTest extends BrowserTest {

    @Test
    void aMemberVotesAndTheReplayShowsTheQuorum() {
        String title = "Observatory " + UUID.randomUUID().toString().substring(0, 8);
        String id = as("ana").submit(title, "equipment", 25_000);
        WebDriver vera = browserAs("vera");
        vera.get(url("/?q=" + title.replace(" ", "%20")));
        WebElement card = waitUntil(vera, driver -> driver.findElements(By.cssSelector("tr[data-step] .tally"))
                .stream().findFirst().orElse(null));
        assertThat(card.getText()).isEqualTo("Committee vote, 2 of 3: 0 of 2 approvals, 0 rejected; still to vote: "
                + "Omar Haddad, Pat Okafor, Vera Lind");

        click(vera, By.linkText(title));
        assertThat(waitUntil(vera, driver -> driver.findElement(By.id("decide-heading"))).getText())
                .isEqualTo("Your vote: Budget committee vote");
        assertThat(vera.findElement(By.id("vote-rule")).getText()).contains("needs 2 approvals");
        vera.findElement(By.id("approve")).click();
        vera.findElement(By.id("rationale")).sendKeys("The grant covers most of it");
        vera.findElement(By.id("record-decision")).click();

        String confirmation = waitUntil(vera, driver -> driver.findElements(By.cssSelector("p.confirm")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
        assertThat(confirmation).contains("You voted to approve ‘" + title + "’",
                "1 of 2 approvals it needs; still to vote: Omar Haddad, Pat Okafor");
        vera.get(url("/requests/" + id));
        assertThat(vera.findElement(By.cssSelector("[id^=ballots-]")).getText()).contains(
                "Omar Haddad: still to vote", "Pat Okafor: still to vote",
                "Vera Lind: approved: The grant covers most of it");
        assertThat(vera.findElement(By.id("vote-rule")).getText()).contains("You voted to approve.");
        close(vera);

        assertThat(as("pat").post("/api/requests/" + id + "/steps/" + openStep(as("ana"), id) + "/decision",
                Map.of("outcome", "APPROVED")).status()).isEqualTo(200);
        WebDriver ada = browserAs("ada");
        ada.get(url("/audit/requests/" + id));
        WebElement scrubber = waitUntil(ada, driver -> driver.findElement(By.id("scrubber")));
        String shown = "";
        for (int moves = 0; moves < 6 && !shown.startsWith("Quorum met"); moves++) {
            shown = ada.findElement(By.id("event-title")).getText();
            if (!shown.startsWith("Quorum met")) {
                scrubber.sendKeys(Keys.ARROW_LEFT);
            }
        }
        assertThat(shown).as("console: %s", consoleErrors(ada)).isEqualTo("Quorum met (2 of 3)");
        assertThat(ada.findElement(By.id("steps")).getText()).contains("Vera Lind approved", "Pat Okafor approved",
                "Omar Haddad to vote");
        scrubber.sendKeys(Keys.ARROW_LEFT);
        String vote = waitUntil(ada, driver -> {
            String now = driver.findElement(By.id("event-title")).getText();
            return now.startsWith("Quorum met") ? null : now;
        });
        assertThat(vote).isEqualTo("Pat Okafor voted to approve");
        close(ada);
    }
}
