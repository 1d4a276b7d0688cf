package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.backstrong.e2e.browser.BrowserExtension;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.KeycloakLoginPage;
import org.backstrong.e2e.pages.SessionPage;
import org.backstrong.e2e.stack.LocalStack;

/**
 * A patient logs sets with the network cut: the page keeps them (IndexedDB) and says so, sends
 * them when the connection returns, and planner stores each exactly once; and the patient app
 * (service worker) opens without planner, after a reload and a browser restart.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfflineLoggingIT {

    /** The phone's profile for the offline-app tests: its service worker, caches and IndexedDB outlive a browser. */
    private static final Path PROFILE =
            Path.of("target/profiles/OfflineLoggingIT-pia").toAbsolutePath();

    @Test
    @Order(1)
    void setsLoggedOfflineAreSentOnceTheConnectionReturnsAndStoredExactlyOnce(LocalStack stack, WebDriver browser) {
        // colin (clinic-b) gives pia a plan with a session every day, starting today
        Api.as(stack, "colin")
                .postToPlanner(
                        "/patients/" + Api.PIA + "/plans", """
                {"templateId":"%s","startDate":"%s","weekdays":[1,2,3,4,5,6,7]}""".formatted(Api.BUILT_IN_TEMPLATE, LocalDate.now()), 201);

        AppPage.signInAs(browser, stack, "pia");
        SessionPage session = SessionPage.expect(browser);
        session.log(session.openForms().get(0), 1);
        session.waitUntilLogged(1);

        ChromiumDriver chromium = (ChromiumDriver) browser;
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        chromium.setNetworkConditions(offline);
        List<WebElement> open = session.openForms();
        session.submit(open.get(0), 2);
        session.submit(open.get(1), 2);
        session.waitUntilOutboxSays("2 sets waiting to be sent");
        assertEquals(1, session.loggedSets(), "nothing more is shown as stored while offline");

        chromium.deleteNetworkConditions();
        session.waitUntilOutboxEmpty();
        session.waitUntilLogged(3);

        assertStoredOnce(stack, 3);

        browser.navigate().refresh();
        SessionPage reloaded = SessionPage.expect(browser);
        assertEquals(3, reloaded.loggedSets());
        assertTrue(reloaded.outboxStatus().isEmpty(), "nothing waits any more");
    }

    /**
     * Continues from the test before: planner-service crashes while pia's page is open, she logs two
     * sets (the page keeps them), planner starts again with the same keys, and the page sends them:
     * neither the restart nor its new process loses or doubles a set.
     */
    @Test
    @Order(2)
    void setsQueuedWhilePlannerRestartsAreStoredOnceAfterIt(LocalStack stack, WebDriver browser) {
        AppPage.signInAs(browser, stack, "pia");
        SessionPage session = SessionPage.expect(browser);
        int before = session.loggedSets();
        assertEquals(3, before, "the three sets of the test before");

        stack.kill("planner-service");
        try {
            List<WebElement> open = session.openForms();
            session.submit(open.get(0), 1);
            session.submit(open.get(1), 1);
            session.waitUntilOutboxSays("2 sets waiting to be sent");
        } finally {
            stack.start("planner-service");
        }
        session.waitUntilOutboxEmpty();
        session.waitUntilLogged(5);

        assertStoredOnce(stack, 5);
    }

    /**
     * Continues from the tests before (5 sets): the patient app works with planner-service STOPPED, not
     * only with the tab open. pia opens the app once online (the service worker keeps today's and the
     * next 7 days' pages), logs a set (focus lands on its confirmation), then planner stops: a reload
     * shows today's session from the device, she logs a set; the browser quits and a new one on the
     * same profile opens the app cold, still offline: the page and the waiting set are there, she logs
     * another. planner starts again: both are sent, each stored once.
     */
    @Test
    @Order(3)
    void theAppReloadsAndColdOpensOfflineAndSendsWhatWasLoggedOnce(LocalStack stack) throws IOException {
        deleteProfileOfAnEarlierRun();
        WebDriver phone = BrowserExtension.openWithProfile(PROFILE);
        try {
            AppPage.signInAs(phone, stack, "pia");
            SessionPage session = SessionPage.expect(phone);
            assertEquals(5, session.loggedSets(), "the five sets of the tests before");
            session.log(session.openForms().get(0), 1);
            session.waitUntilLogged(6);
            assertEquals(
                    "logged-set",
                    script(phone, "return document.activeElement.dataset.testid"),
                    "after logging a set, focus is on its confirmation");
            waitUntilKeptWithLoggedSets(phone, 6);

            stack.kill("planner-service");
            phone.navigate().refresh();
            SessionPage reloaded = SessionPage.expect(phone);
            assertEquals(6, reloaded.loggedSets(), "the kept page shows what was stored");
            reloaded.submit(reloaded.openForms().get(0), 2);
            reloaded.waitUntilOutboxSays("1 set waiting to be sent");
            assertEquals(
                    "set-waiting",
                    script(phone, "return document.activeElement.dataset.testid"),
                    "focus stays with the set that waits");
        } catch (RuntimeException | AssertionError e) {
            stack.start("planner-service");
            throw e;
        } finally {
            phone.quit();
        }

        WebDriver coldPhone = BrowserExtension.openWithProfile(PROFILE);
        try {
            coldPhone.get(stack.plannerUrl() + "/app/me/today");
            SessionPage cold = SessionPage.expect(coldPhone);
            cold.waitUntilOutboxSays("1 set waiting to be sent");
            cold.submit(cold.openForms().get(0), 1);
            cold.waitUntilOutboxSays("2 sets waiting to be sent");
            assertEquals(6, cold.loggedSets(), "nothing more is shown as stored while planner is down");

            stack.start("planner-service");
            cold.waitUntilOutboxEmpty();
            cold.waitUntilLogged(8);
            assertStoredOnce(stack, 8);
        } finally {
            coldPhone.quit();
        }
    }

    /**
     * Continues from the test before (8 sets), on the same profile: pia's sign-in ends (her cookies
     * are gone) and she logs a set: it waits on the device, the page says to sign in again, and it is
     * not lost: after signing in it is sent and stored once. Her charts are readable at 360 px. On
     * sign-out her kept pages are purged from the device.
     */
    @Test
    @Order(4)
    void aSetLoggedAfterTheSignInEndedWaitsForTheNextSignInAndSignOutPurgesThePages(LocalStack stack) {
        WebDriver phone = BrowserExtension.openWithProfile(PROFILE);
        try {
            phone.get(stack.plannerUrl() + "/app/me/today");
            if (phone.getCurrentUrl().startsWith(stack.keycloakUrl())) {
                KeycloakLoginPage.expect(phone, stack).signInAs("pia");
            }
            SessionPage session = SessionPage.expect(phone);
            assertEquals(8, session.loggedSets());
            ((ChromiumDriver) phone).executeCdpCommand("Network.clearBrowserCookies", Map.of());
            session.submit(session.openForms().get(0), 1);
            session.waitUntilOutboxSays("1 set waiting to be sent. Your sign-in has ended");
            assertStoredOnce(stack, 8);

            phone.navigate().refresh();
            KeycloakLoginPage.expect(phone, stack).signInAs("pia");
            SessionPage signedIn = SessionPage.expect(phone);
            signedIn.waitUntilOutboxEmpty();
            signedIn.waitUntilLogged(9);
            assertStoredOnce(stack, 9);

            phone.get(stack.plannerUrl() + "/app/me/progress");
            AppPage.expect(phone, stack);
            ((ChromiumDriver) phone)
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", 360, "height", 780, "deviceScaleFactor", 1, "mobile", true));
            Number smallest = (Number) script(phone, """
                    var smallest = 1000;
                    document.querySelectorAll('svg.chart').forEach(function (svg) {
                      var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                      svg.querySelectorAll('text').forEach(function (text) {
                        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
                      });
                    });
                    return smallest;""");
            assertTrue(smallest.doubleValue() >= 12, "chart labels at 360 px are " + smallest + " px");
            ((ChromiumDriver) phone).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

            assertTrue(keptPageCaches(phone) > 0, "pia's pages are kept while she is signed in");
            AppPage.expect(phone, stack).signOut();
            phone.get(stack.plannerUrl() + "/assets/patient.webmanifest");
            assertEquals(0, keptPageCaches(phone), "signing out purges pia's kept pages");
        } finally {
            phone.quit();
        }
    }

    private static void deleteProfileOfAnEarlierRun() throws IOException {
        if (Files.isDirectory(PROFILE)) {
            try (Stream<Path> files = Files.walk(PROFILE)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static Object script(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The kept pages caches on this device (one per signed-in user). */
    private static long keptPageCaches(WebDriver browser) {
        return ((Number) script(browser, """
                return caches.keys().then(function (names) {
                  return names.filter(function (name) { return name.indexOf('backstrong-pages:') === 0; }).length;
                });""")).longValue();
    }

    /** Waits until the service worker controls the page and keeps today's page as it is now. */
    private static void waitUntilKeptWithLoggedSets(WebDriver browser, int logged) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage("the service worker did not keep today's page with " + logged + " logged sets")
                .until(d -> Boolean.TRUE.equals(script(d, """
                        if (!navigator.serviceWorker.controller) { return false; }
                        var user = document.querySelector('[data-testid=signed-in-as]').textContent;
                        return caches.open('backstrong-pages:' + encodeURIComponent(user)).then(function (cache) {
                          return cache.match('/app/me/today');
                        }).then(function (page) { return page ? page.text() : ''; }).then(function (html) {
                          return (html.match(/data-testid="logged-set"/g) || []).length === %d;
                        });""".formatted(logged))));
    }

    /** planner holds exactly this many of pia's sets today, each with its own id. */
    private static void assertStoredOnce(LocalStack stack, int expected) {
        JsonNode today = Api.as(stack, "pia").getFromPlanner("/me/sessions/today");
        List<String> setIds = new ArrayList<>();
        for (JsonNode item : today.path("items")) {
            item.path("logged").forEach(set -> setIds.add(set.path("setId").asText()));
        }
        assertEquals(expected, setIds.size(), "each set stored exactly once: " + today.path("items"));
        assertEquals(expected, new HashSet<>(setIds).size(), "no set id twice: " + setIds);
    }
}
