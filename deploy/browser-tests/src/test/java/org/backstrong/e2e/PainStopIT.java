package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.SessionPage;
import org.backstrong.e2e.stack.LocalStack;

/**
 * The article's stop rule end to end: paul logs today's whole session on his phone with one set
 * at pain 7 and is told to stop that exercise; through Kafka, progress-service raises a STOP flag
 * and planner pauses the exercise; clara finds the flag in her inbox and resolves it with a note,
 * and the exercise is back in paul's plan. The second test continues where the first left off.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PainStopIT {

    /** The third exercise of the built-in plan (after the warm-up's two): Lat Pulldown. */
    static final int PAINFUL_EXERCISE = 2;

    @Test
    @Order(1)
    void patientLogsAWholeSessionWithASetAtPainSevenAndIsToldToStop(LocalStack stack, WebDriver browser) {
        AppPage.signInAs(browser, stack, "paul");
        SessionPage session = SessionPage.expect(browser);
        List<WebElement> exercises = session.exercises();
        WebElement painful = exercises.get(PAINFUL_EXERCISE);
        String painfulItem = painful.getAttribute("data-item-id");
        int slots = browser.findElements(By.cssSelector("form[data-testid=set-form]"))
                .size();
        int slotsOfPainful = painful.findElements(By.cssSelector("form[data-testid=set-form]"))
                .size();
        assertTrue(slotsOfPainful >= 1, "the exercise has a set to log");

        int logged = 0;
        for (WebElement form = first(session); form != null; form = first(session)) {
            boolean painfulSet = painfulItem.equals(form.getAttribute("data-item-id"));
            session.log(form, painfulSet ? 7 : 1);
            logged++;
        }

        WebElement stopped = browser.findElement(By.cssSelector("section[data-item-id='" + painfulItem + "']"));
        assertTrue(session.stopMessage(stopped).isDisplayed(), "the stop message shows");
        assertTrue(
                session.stopMessage(stopped).getText().contains("beyond normal muscle fatigue"),
                session.stopMessage(stopped).getText());
        assertEquals("true", stopped.getAttribute("data-stopped"));
        assertEquals(slots - slotsOfPainful + 1, logged, "every set but the stopped exercise's later ones");
        session.finishSession();

        // planner paused the exercise on progress-service's STOP flag
        Api paul = Api.as(stack, "paul");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertTrue(
                        item(paul.getFromPlanner("/me/sessions/today"), painfulItem)
                                .path("paused")
                                .asBoolean(),
                        "the exercise is paused until a clinician resolves the flag"));
    }

    @Test
    @Order(2)
    @DesktopWindow
    void clinicianSeesTheFlagInTheInboxAndResolvesIt(LocalStack stack, WebDriver browser) {
        AppPage.signInAs(browser, stack, "clara");
        // The link also counts the open flags ("Pain flags 1").
        browser.findElement(By.partialLinkText("Pain flags")).click();
        By paulsFlag = By.xpath("//tr[@data-testid='flag'][contains(., 'Paul Patient')][contains(., 'STOP')]");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    if (browser.findElements(paulsFlag).isEmpty()) {
                        browser.navigate().refresh();
                        return false;
                    }
                    return true;
                });
        WebElement flag = browser.findElement(paulsFlag);
        String flagId = flag.getAttribute("data-flag-id");
        assertTrue(flag.getText().contains("pain 7"), flag.getText());

        WebElement note = browser.findElement(By.cssSelector("[data-flag-id='" + flagId + "'] textarea[name=note], "
                + "form[data-flag-id='" + flagId + "'] textarea[name=note]"));
        note.sendKeys("Spoke with Paul: lighter load and slower lowering; carry on.");
        WebElement resolve = note.findElement(By.xpath("ancestor::form//*[@data-testid='resolve-flag']"));
        resolve.click();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !browser.findElements(By.cssSelector("[data-testid=flash]"))
                        .isEmpty());
        assertTrue(
                browser.findElements(By.cssSelector("tr[data-flag-id='" + flagId + "']"))
                        .isEmpty(),
                "the resolved flag has left the inbox");

        // progress-service published the resolution; planner resumed the exercise
        Api paul = Api.as(stack, "paul");
        JsonNode today = paul.getFromPlanner("/me/sessions/today");
        String painfulItem =
                today.path("items").get(PAINFUL_EXERCISE).path("itemId").asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertTrue(
                        !item(paul.getFromPlanner("/me/sessions/today"), painfulItem)
                                .path("paused")
                                .asBoolean(),
                        "the exercise is back in the plan"));
    }

    private static WebElement first(SessionPage session) {
        List<WebElement> open = session.openForms();
        return open.isEmpty() ? null : open.get(0);
    }

    private static JsonNode item(JsonNode session, String itemId) {
        for (JsonNode item : session.path("items")) {
            if (itemId.equals(item.path("itemId").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item " + itemId + " in " + session);
    }
}
