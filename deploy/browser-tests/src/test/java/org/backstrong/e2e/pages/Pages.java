package org.backstrong.e2e.pages;

import java.time.Duration;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object shares: how long a page may take to show what it should. */
final class Pages {

    /** Generous for a 2-core CI machine running the whole stack and a browser. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Pages() {}

    static WebDriverWait waitOn(WebDriver driver) {
        return new WebDriverWait(driver, TIMEOUT);
    }

    /**
     * Whether the element has left the document. Chromium sometimes reports an element of a page it
     * is leaving as "Node with given id does not belong to the document" (an unknown error) rather than
     * as stale; both mean it is gone.
     */
    static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }
}
