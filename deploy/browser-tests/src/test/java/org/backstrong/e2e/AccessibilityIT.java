package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.Axe;
import org.backstrong.e2e.stack.LocalStack;

/**
 * axe-core on every page of every role, on a phone and on a desktop: each role signs in, and every
 * page its navigation reaches is checked, with the pages one step further that matter (a patient's
 * page, an exercise, the template builder) and the error pages (404, 403). Any serious or critical
 * violation fails, and every violation found is listed. (My progress with its table, which a demo
 * patient has only once something is logged, is checked by {@link InvitePatientIT} for the patient
 * it invites.)
 */
@BrowserTest
class AccessibilityIT {

    private static final String PAUL = "22222222-2222-4222-8222-000000000001";

    @Test
    void clinicianPagesOnAPhone(LocalStack stack, WebDriver browser) {
        checkEveryPage(
                stack,
                browser,
                "clara",
                List.of(
                        "/app/clinic/patients/" + PAUL,
                        "/app/templates/new",
                        "/app/catalog/lat-pulldown",
                        "/app/catalog?equipment=home",
                        "/app/me/today"));
    }

    @Test
    @DesktopWindow
    void clinicianPagesOnADesktop(LocalStack stack, WebDriver browser) {
        checkEveryPage(
                stack,
                browser,
                "clara",
                List.of(
                        "/app/clinic/patients/" + PAUL,
                        "/app/templates/new",
                        "/app/catalog/lat-pulldown",
                        "/app/catalog?equipment=home",
                        "/app/me/today"));
    }

    @Test
    void patientPagesOnAPhone(LocalStack stack, WebDriver browser) {
        checkEveryPage(stack, browser, "paul", List.of("/app/clinic"));
    }

    @Test
    @DesktopWindow
    void patientPagesOnADesktop(LocalStack stack, WebDriver browser) {
        checkEveryPage(stack, browser, "paul", List.of("/app/clinic"));
    }

    @Test
    void analystPagesOnAPhone(LocalStack stack, WebDriver browser) {
        checkEveryPage(stack, browser, "anna", List.of("/app/clinic"));
    }

    @Test
    @DesktopWindow
    void analystPagesOnADesktop(LocalStack stack, WebDriver browser) {
        checkEveryPage(stack, browser, "anna", List.of("/app/clinic"));
    }

    @Test
    void adminPagesOnAPhone(LocalStack stack, WebDriver browser) {
        checkEveryPage(stack, browser, "adam", List.of("/app/catalog/lat-pulldown", "/app/clinic"));
    }

    @Test
    @DesktopWindow
    void adminPagesOnADesktop(LocalStack stack, WebDriver browser) {
        checkEveryPage(stack, browser, "adam", List.of("/app/catalog/lat-pulldown", "/app/clinic"));
    }

    /** Signs in, checks the home page and every page of the navigation, the extra pages and the error pages. */
    private static void checkEveryPage(LocalStack stack, WebDriver browser, String user, List<String> extra) {
        AppPage.signInAs(browser, stack, user);
        Set<String> pages = new LinkedHashSet<>();
        pages.add(browser.getCurrentUrl());
        List<WebElement> navigation = browser.findElements(By.cssSelector("header nav a[href]"));
        for (WebElement link : navigation) {
            pages.add(link.getAttribute("href"));
        }
        // An admin's or an analyst's navigation is one page (the catalog, the dashboard), which may be the home page.
        assertFalse(navigation.isEmpty(), user + "'s navigation leads nowhere");
        for (String path : extra) {
            pages.add(stack.plannerUrl() + path);
        }
        pages.add(stack.plannerUrl() + "/app/clinic/patients/no-such-patient");
        List<Axe.Violation> all = new ArrayList<>();
        for (String page : pages) {
            browser.get(page);
            Pages.waitUntilLoaded(browser);
            assertTrue(
                    browser.getCurrentUrl().startsWith(stack.plannerUrl() + "/app"),
                    page + " left the app for " + browser.getCurrentUrl());
            all.addAll(Axe.check(browser));
        }
        all.forEach(violation -> System.out.println("[axe] " + user + " " + violation));
        List<Axe.Violation> failing = all.stream()
                .filter(v -> Axe.FAILING_IMPACTS.contains(v.impact()))
                .toList();
        assertTrue(
                failing.isEmpty(),
                failing.size() + " serious or critical accessibility violations for " + user + " on " + pages.size()
                        + " pages:\n"
                        + String.join(
                                "\n", failing.stream().map(Object::toString).toList()));
    }

    /** Waits for the document to finish loading (the pages draw no content later than that). */
    private static final class Pages {
        static void waitUntilLoaded(WebDriver browser) {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                    .until(d ->
                            "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        }
    }
}
