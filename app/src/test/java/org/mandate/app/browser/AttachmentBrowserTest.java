package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The attachment form on a request's page, as a person uses it: the file is listed with a download link. */
class AttachmentBrowserTest extends BrowserTest {

    @Test
    void theRequesterAttachesAQuoteOnThePage_andTheHolderSeesItListed() throws Exception {
        String request = as("ana").submit("Microscope for the biology lab", "equipment", 1400);
        Path quote = Files.createTempDirectory("attachment").resolve("quote-optika.pdf");
        Files.write(quote, ("%PDF-1.4\n% quote " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8));

        WebDriver ana = browserAs("ana");
        ana.get(url("/requests/" + request));
        ana.findElement(By.id("attachment-file")).sendKeys(quote.toAbsolutePath().toString());
        ana.findElement(By.id("add-attachment")).click();

        waitUntil(ana, driver -> !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
        assertThat(ana.findElement(By.cssSelector("p.confirm")).getText())
                .contains("'quote-optika.pdf' is attached to the request.");
        screenshot(ana, "request-attachments");

        WebDriver sofia = browserAs("sofia");
        sofia.get(url("/requests/" + request));
        WebElement link = sofia.findElement(By.cssSelector("#attachment-list a"));
        assertThat(link.getText()).isEqualTo("quote-optika.pdf");
        assertThat(link.getAttribute("href")).contains("/requests/" + request + "/attachments/");
        assertThat(sofia.findElement(By.id("attachment-list")).getText()).contains("Ana Costa");

        // a page refused as what it is not comes back next to the form, not as a bare error
        Path disguised = quote.resolveSibling("photo.png");
        Files.writeString(disguised, "<!doctype html><html><script>alert(1)</script></html>");
        sofia.findElement(By.id("attachment-file")).sendKeys(disguised.toAbsolutePath().toString());
        sofia.findElement(By.id("add-attachment")).click();
        WebElement error = waitUntil(sofia, driver -> driver.findElements(By.id("attachment-error")).stream()
                .findFirst().orElse(null));
        assertThat(error.getText()).contains("'photo.png' is named as a PNG image, but its content is an HTML page");
        assertThat(sofia.findElement(By.id("attachment-file")).getAttribute("aria-invalid")).isEqualTo("true");

        // the auditor's replay ends on the attachment, with its hash beside the request's state
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(quote)));
        WebDriver ada = browserAs("ada");
        ada.get(url("/audit/requests/" + request));
        waitUntil(ada, driver -> driver.findElement(By.id("event-title")).getText()
                .equals("Ana Costa attached quote-optika.pdf"));
        assertThat(ada.findElements(By.cssSelector("#attachments tr")).stream().map(WebElement::getText).toList())
                .satisfiesExactly(only -> assertThat(only).contains("Ana Costa", "quote-optika.pdf", hash));
    }
}
