package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.mandate.app.web.PageSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leaver's personal data on their admin page: one administrator exports it and asks for the erasure, is told a
 * second one must approve, and the second one approves; every state passes axe.
 */
class ErasureBrowserTest extends BrowserTest {

    @Test
    void oneAdministratorAsksAndAnotherApprovesOnTheLeaversPage() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String p = "eb" + suffix;
        String name = "Wilhelmina Brightwater " + suffix.toUpperCase(Locale.ROOT);
        assertThat(as("ivy").postFile("/api/admin/directory/import?dryRun=false", "text/csv",
                "id,name,title,manager\n" + p + "," + name + ",Librarian,liam\n").status()).isEqualTo(200);
        String page = "/admin/people/" + p;

        WebDriver ivy = browserAs("ivy");
        ivy.get(url(page));
        assertThat(ivy.findElements(By.id("personal-data"))).as("nothing to erase while they work here").isEmpty();
        assertThat(as("ivy").post("/api/people/" + p + "/departure", Map.of()).status()).isEqualTo(200);

        // the export: a JSON file with everything held, recorded
        PageSession session = PageSession.loggedIn(port, "ivy");
        HttpResponse<String> export = session.postForm(page + "/data-export",
                Map.of("_csrf", session.csrfFrom(page)));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("mandate-data-" + p + ".json");
        assertThat(export.body()).contains(name).contains("PersonLeft");

        ivy.get(url(page));
        assertThat(ivy.findElement(By.id("personal-data")).getText()).contains("Export their data");
        assertThat(AccessibilityBrowserTest.axe(ivy)).as("leaver's page").isEmpty();
        ivy.findElement(By.id("reason")).sendKeys("left; retention over");
        click(ivy, By.cssSelector("#erasure-form button"));
        waitUntil(ivy, driver -> !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
        assertThat(ivy.findElement(By.cssSelector("p.confirm")).getText()).contains("different administrator");
        assertThat(ivy.findElement(By.id("erasure-asked")).getText()).contains("Ivy Park")
                .contains("left; retention over");
        assertThat(ivy.findElement(By.id("erasure-four-eyes")).getText()).contains("a different administrator");
        assertThat(ivy.findElements(By.id("erasure-approval-form"))).isEmpty();
        assertThat(AccessibilityBrowserTest.axe(ivy)).as("erasure asked").isEmpty();

        WebDriver max = browserAs("max");
        max.get(url(page));
        assertThat(max.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        click(max, By.cssSelector("#erasure-approval-form button"));
        waitUntil(max, driver -> !driver.findElements(By.cssSelector("p.confirm")).isEmpty());
        assertThat(max.findElement(By.tagName("h1")).getText()).isEqualTo("erased person");
        assertThat(max.findElement(By.id("erasure-done")).getText()).contains("Ivy Park").contains("Max")
                .contains("left; retention over");
        assertThat(max.getPageSource()).doesNotContain(name);
        assertThat(max.findElements(By.id("erasure-form"))).as("nothing more to ask").isEmpty();
        assertThat(AccessibilityBrowserTest.axe(max)).as("erased").isEmpty();

        // a second approval, from a page left open: refused next to the panel, and nothing changes
        ivy.get(url(page));
        assertThat(ivy.findElement(By.id("erasure-done")).getText()).contains("Approved by");
        HttpResponse<String> again = session.postForm(page + "/erasure/approval",
                Map.of("_csrf", session.csrfFrom(page)));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already erased");
    }
}
