package org.mandate.app.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** Screenshots of the whole page, not just the window, so a diagram or history further down is in them too. */
final class WholePage {

    private WholePage() {
    }

    static void screenshot(WebDriver browser, String name) {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(window.getWidth(),
                (int) Math.min(4000, Math.max(window.getHeight(), height + 120))));
        BrowserTest.screenshot(browser, name);
        browser.manage().window().setSize(window);
    }
}
