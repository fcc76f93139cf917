package org.mandate.app.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

class LoginBrowserTest extends BrowserTest {

    @Test
    void aDemoUserLogsInAndSeesTheirInbox() {
        WebDriver browser = browserAs("sofia");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Your inbox");
        assertThat(browser.findElement(By.cssSelector("header .logout span")).getText()).isEqualTo("sofia");
        screenshot(browser, "inbox");
    }

    @Test
    void aWrongPasswordIsExplained() {
        WebDriver browser = browser();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("sofia");
        browser.findElement(By.id("password")).sendKeys("nope");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        String notice = waitUntil(browser, driver -> driver.findElement(By.cssSelector(".notice")).getText());
        assertThat(notice).contains("do not match");
        screenshot(browser, "login-error");
    }
}
