package org.mandate.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mandate.app.webhook.WebhookReceiver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's System clients and Webhooks pages as an administrator uses them (issue 25): register a client and
 * remove it, subscribe a receiver, see a delivery given up on and deliver it again, cancel; refusals beside their
 * field; axe passes on every state; other roles get the refusal page.
 */
class AdminConsoleBrowserTest extends BrowserTest {

    @Test
    void anAdministratorRegistersASystemClientAndRemovesItAfterConfirming() {
        String clientId = "console-" + UUID.randomUUID().toString().substring(0, 8);
        WebDriver ivy = browserAs("ivy");
        ivy.get(url("/admin/clients"));
        assertThat(ivy.findElement(By.id("bearer-off")).getText()).as("no issuer in the tests")
                .contains("Bearer tokens are off", "cannot call it yet");
        assertThat(ivy.findElement(By.id("local-passwords")).getText()).startsWith("on");
        assertThat(ivy.findElement(By.id("sign-in")).getText()).contains("preferred_username", "roles")
                .doesNotContainIgnoringCase("secret:");
        assertThat(new Select(ivy.findElement(By.id("actsAs"))).getOptions()).extracting(WebElement::getText)
                .contains("Ana Costa (ana)");
        assertThat(AccessibilityBrowserTest.axe(ivy)).as("the list").isEmpty();

        // nobody chosen to act as: the form again, the message by the person picker, what was typed kept
        register(ivy, clientId, null, "requests:submit");
        WebElement refusal = waitUntil(ivy, driver -> driver.findElements(By.id("actsAs-error")).stream()
                .findFirst().orElse(null));
        assertThat(refusal.getText()).isEqualTo("Choose the person the system submits and reads as.");
        assertThat(ivy.getTitle()).startsWith("Error: ");
        assertThat(ivy.findElement(By.id("clientId")).getDomProperty("value")).isEqualTo(clientId);
        assertThat(ivy.findElement(By.id("scope-requests-submit")).isSelected()).isTrue();
        assertThat(ivy.findElement(By.id("actsAs")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(AccessibilityBrowserTest.axe(ivy)).as("the refusal").isEmpty();

        // the aggregate's rule for the client id, shown by the client id
        register(ivy, "not a client id", "ana", "requests:read");
        assertThat(waitUntil(ivy, driver -> driver.findElements(By.id("clientId-error")).stream().findFirst()
                .orElse(null)).getText()).contains("client id");

        register(ivy, clientId, "ana", "requests:submit", "requests:read");
        waitUntil(ivy, driver -> driver.findElement(By.cssSelector("p.confirm")).getText().contains(clientId));
        String row = ivy.findElement(By.id("client-" + clientId)).getText();
        assertThat(row).contains("Ana Costa", "Submit requests in the person's name", "Read the requests",
                "by Ivy Park", "can call").doesNotContain("audit trail");
        assertThat(client(clientId).path("active").asBoolean()).isTrue();
        WholePage.screenshot(ivy, "admin-clients");
        assertFitsAPhone(ivy);

        WebElement remove = ivy.findElement(By.id("client-" + clientId))
                .findElement(By.cssSelector("a[href$='/removal']"));
        assertThat(remove.getDomProperty("textContent")).isEqualTo("Remove " + clientId);
        remove.click();
        waitUntil(ivy, driver -> driver.getCurrentUrl().endsWith("/removal"));
        assertThat(ivy.findElement(By.tagName("h1")).getText()).contains(clientId);
        assertThat(client(clientId).path("active").asBoolean()).as("nothing changes before confirming").isTrue();
        assertThat(AccessibilityBrowserTest.axe(ivy)).as("the confirmation").isEmpty();
        ivy.findElement(By.id("confirm-removal")).click();
        waitUntil(ivy, driver -> driver.findElement(By.cssSelector("p.confirm")).getText().contains("removed"));
        assertThat(ivy.findElement(By.id("client-" + clientId)).getText()).contains("removed");
        assertThat(client(clientId).path("active").asBoolean()).isFalse();
    }

    @Test
    void anAdministratorSubscribesAReceiverSeesADeliveryGivenUpOnAndDeliversItAgain() throws IOException {
        String path = "/console-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(path, 503);
            WebDriver ivy = browserAs("ivy");
            ivy.get(url("/admin/webhooks"));
            assertThat(AccessibilityBrowserTest.axe(ivy)).as("the list").isEmpty();

            // a URL the guard refuses: the form again, the message by the address, the choice kept
            subscribe(ivy, "ftp://hooks.example.org/mandate", "RequestSubmitted");
            WebElement refusal = waitUntil(ivy, driver -> driver.findElements(By.id("url-error")).stream()
                    .findFirst().orElse(null));
            assertThat(refusal.getText()).contains("https://");
            assertThat(ivy.getTitle()).startsWith("Error: ");
            assertThat(ivy.findElement(By.id("url")).getDomProperty("value"))
                    .isEqualTo("ftp://hooks.example.org/mandate");
            assertThat(ivy.findElement(By.id("kind-RequestSubmitted")).isSelected()).isTrue();
            assertThat(AccessibilityBrowserTest.axe(ivy)).as("the refusal").isEmpty();

            // no event chosen: the policy's rule, by the checkboxes
            subscribe(ivy, receiver.url(path));
            assertThat(waitUntil(ivy, driver -> driver.findElements(By.id("kinds-error")).stream().findFirst()
                    .orElse(null)).getText()).contains("event types");

            subscribe(ivy, receiver.url(path), "RequestSubmitted");
            String secret = waitUntil(ivy, driver -> driver.findElements(By.id("secret-value")).stream()
                    .findFirst().orElse(null)).getText();
            assertThat(secret).startsWith("whsec_");
            String page = ivy.getCurrentUrl();
            assertThat(ivy.findElement(By.id("kinds")).getText()).isEqualTo("Request submitted");
            assertThat(AccessibilityBrowserTest.axe(ivy)).as("the subscription with its secret").isEmpty();
            assertFitsAPhone(ivy);
            ivy.navigate().refresh();
            assertThat(ivy.findElements(By.id("secret-value"))).as("the secret is shown once").isEmpty();
            assertThat(ivy.getPageSource()).doesNotContain(secret);

            as("ana").submit("Console webhook " + path, "supplies", 40);
            WebElement givenUp = reloadUntil(ivy, page, "given up");
            String delivery = givenUp.getDomAttribute("id");
            assertThat(givenUp.getText()).contains("Request submitted", "the subscriber answered 503");
            assertThat(receiver.at(path)).isNotEmpty();
            assertThat(AccessibilityBrowserTest.axe(ivy)).as("a delivery given up on").isEmpty();
            WholePage.screenshot(ivy, "admin-webhook-given-up");
            assertFitsAPhone(ivy);

            receiver.answer(path, 200);
            ivy.findElement(By.id(delivery)).findElement(By.cssSelector("button")).click();
            waitUntil(ivy, driver -> driver.findElement(By.cssSelector("p.confirm")).getText()
                    .contains("delivered again"));
            WebElement delivered = reloadUntil(ivy, page, "delivered");
            assertThat(delivered.getDomAttribute("id")).isEqualTo(delivery);
            assertThat(delivered.findElements(By.cssSelector("button"))).as("nothing to deliver again").isEmpty();
            assertThat(receiver.at(path).stream().map(received -> received.headers().get("webhook-id")).distinct())
                    .as("one event, refused until given up, then taken").hasSize(1);
            assertThat(receiver.at(path).size()).isGreaterThanOrEqualTo(2);

            ivy.get(url("/admin/webhooks"));
            WebElement row = ivy.findElement(By.xpath("//tr[.//a[text()='" + receiver.url(path) + "']]"));
            assertThat(row.getText()).contains("Request submitted", "active", "delivered");
            WholePage.screenshot(ivy, "admin-webhooks");
            assertFitsAPhone(ivy);
            row.findElement(By.cssSelector("a[href$='/removal']")).click();
            waitUntil(ivy, driver -> driver.getCurrentUrl().endsWith("/removal"));
            assertThat(AccessibilityBrowserTest.axe(ivy)).as("the confirmation").isEmpty();
            ivy.findElement(By.id("confirm-removal")).click();
            waitUntil(ivy, driver -> driver.findElement(By.cssSelector("p.confirm")).getText().contains("Cancelled"));
            assertThat(ivy.findElement(By.xpath("//tr[.//a[text()='" + receiver.url(path) + "']]")).getText())
                    .contains("cancelled");
        }
    }

    @Test
    void otherRolesGetTheRefusalPageWithAWayBack() {
        WebDriver ada = browserAs("ada");
        for (String page : List.of("/admin/clients", "/admin/webhooks")) {
            ada.get(url(page));
            assertThat(ada.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
            assertThat(ada.findElement(By.tagName("main")).getText()).contains("Your role does not allow this page");
            assertThat(ada.findElements(By.linkText("Back to your inbox"))).hasSize(1);
        }
    }

    /** The page as it is, at a 390 px phone's width: nothing wider than the screen (long addresses, the secret). */
    private static void assertFitsAPhone(WebDriver browser) {
        Dimension window = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 900));
        try {
            long page = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth;");
            long viewport = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.clientWidth;");
            Object widest = ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll("
                    + "'main *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className).slice(-3).join(', ');");
            assertThat(page).as("page width at 390 px on %s, wider: %s", browser.getCurrentUrl(), widest)
                    .isLessThanOrEqualTo(viewport);
        } finally {
            browser.manage().window().setSize(window);
        }
    }

    private static void register(WebDriver browser, String clientId, String actsAs, String... scopes) {
        WebElement form = browser.findElement(By.id("register-client"));
        form.findElement(By.id("clientId")).clear();
        form.findElement(By.id("clientId")).sendKeys(clientId);
        new Select(form.findElement(By.id("actsAs"))).selectByValue(actsAs == null ? "" : actsAs);
        for (WebElement box : form.findElements(By.name("scope"))) {
            if (box.isSelected() != List.of(scopes).contains(box.getDomAttribute("value"))) {
                box.click();
            }
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void subscribe(WebDriver browser, String address, String... kinds) {
        WebElement form = browser.findElement(By.id("subscribe"));
        form.findElement(By.id("url")).clear();
        form.findElement(By.id("url")).sendKeys(address);
        for (WebElement box : form.findElements(By.name("kind"))) {
            if (box.isSelected() != List.of(kinds).contains(box.getDomAttribute("value"))) {
                box.click();
            }
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** The page reloaded until one of its deliveries has this status; deliveries are sent in the background. */
    private static WebElement reloadUntil(WebDriver browser, String page, String status) {
        return waitUntil(browser, driver -> {
            driver.get(page);
            return driver.findElements(By.cssSelector("#deliveries tbody tr")).stream()
                    .filter(row -> row.findElement(By.cssSelector(".delivery-status")).getText().equals(status))
                    .findFirst().orElse(null);
        });
    }

    private JsonNode client(String clientId) {
        return StreamSupport.stream(as("ivy").get("/api/admin/clients").json().spliterator(), false)
                .filter(client -> client.path("clientId").asText().equals(clientId)).findFirst().orElseThrow();
    }
}
