package org.backstrong.e2e.pages;

import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object shares: how long a page may take to show what it should. */
final class Pages {

    /** Generous for a 2-core CI machine running the whole stack and a browser. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Pages() {
    }

    static WebDriverWait waitOn(WebDriver driver) {
        return new WebDriverWait(driver, TIMEOUT);
    }
}
