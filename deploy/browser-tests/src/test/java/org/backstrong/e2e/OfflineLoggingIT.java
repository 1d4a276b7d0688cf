package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.SessionPage;
import org.backstrong.e2e.stack.LocalStack;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A patient logs sets with the network cut: the page keeps them (IndexedDB) and says so, sends
 * them when the connection returns, and planner stores each exactly once.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfflineLoggingIT {

    @Test
    @Order(1)
    void setsLoggedOfflineAreSentOnceTheConnectionReturnsAndStoredExactlyOnce(LocalStack stack, WebDriver browser) {
        // colin (clinic-b) gives pia a plan with a session every day, starting today
        Api.as(stack, "colin").postToPlanner("/patients/" + Api.PIA + "/plans", """
                {"templateId":"%s","startDate":"%s","weekdays":[1,2,3,4,5,6,7]}"""
                .formatted(Api.BUILT_IN_TEMPLATE, LocalDate.now()), 201);

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
