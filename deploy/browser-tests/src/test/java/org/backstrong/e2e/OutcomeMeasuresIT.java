package org.backstrong.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.backstrong.e2e.stack.LocalStack;

/**
 * An outcome measure across the running stack: a patient clara invited two weeks ago into a plan that
 * began then, whose baseline RMDQ (14 of 24 statements) went in at the start, fills in the two-week
 * follow-up on the phone (8 statements). planner scores it and publishes it, progress-service works
 * out the change from the baseline and whether it is clinically important, and clara's patient page
 * shows it in words: 6 points better, at least the 5 points that count.
 */
@BrowserTest
class OutcomeMeasuresIT {

    @Test
    void aPatientFillsInTheRmdqOnThePhoneAndTheClinicianSeesTheChangeWithItsVerdict(
            LocalStack stack, WebDriver browser) {
        Api clara = Api.as(stack, "clara");
        JsonNode enrolled = clara.postToPlanner(
                "/patients",
                "{\"displayName\": \"Olive Outcome "
                        + UUID.randomUUID().toString().substring(0, 4) + "\", \"preExistingCondition\": false}",
                201);
        String patientId = enrolled.path("id").asText();
        String username = enrolled.path("invitation").path("username").asText();
        LocalDate start = LocalDate.now().minusDays(14);
        String planId = clara.postToPlanner(
                        "/patients/" + patientId + "/plans",
                        "{\"templateId\": \"" + Api.BUILT_IN_TEMPLATE + "\", \"startDate\": \"" + start
                                + "\", \"weekdays\": [1,2,3,4,5,6,7]}",
                        201)
                .path("id")
                .asText();
        String password = FirstSignIn.choosePassword(
                browser,
                stack,
                username,
                enrolled.path("invitation").path("oneTimePassword").asText());

        // The baseline, as the phone sent it on the plan's first day.
        Api patient = Api.as(stack, username, password);
        patient.postToPlanner("/me/outcomes", rmdq(planId, "BASELINE", start, 14), 201);

        // Today the two-week follow-up is due: filled in on the phone's page.
        browser.get(stack.plannerUrl() + "/app/me/outcomes");
        WebElement form = wait(browser)
                .withMessage(() -> "no RMDQ form on " + browser.getCurrentUrl())
                .until(d -> d.findElements(By.cssSelector("form[data-testid=outcome-form][data-measure=RMDQ]")).stream()
                        .findFirst()
                        .orElse(null));
        assertEquals(
                "FOLLOW_UP",
                form.findElement(By.cssSelector("input[name=occasion]")).getAttribute("value"));
        for (int statement = 1; statement <= 8; statement++) {
            form.findElement(By.id("outcome-rmdq-" + statement)).click();
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(browser)
                .withMessage("the page did not say the RMDQ answers are stored")
                .until(d -> d.findElements(By.cssSelector("[data-testid=outcome-done][data-measure=RMDQ]")).stream()
                        .anyMatch(WebElement::isDisplayed));

        // progress-service read the event and decided; clara sees it on the patient's page.
        String verdict = "RMDQ 14 → 8: improved by 6 points (43 %), clinically important (≥ 5 points)";
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode outcomes = clara.getFromProgress("/patients/" + patientId + "/outcomes");
                    JsonNode rmdq = outcomes.path("measures").get(0);
                    assertEquals("RMDQ", rmdq.path("measure").asText(), outcomes.toString());
                    assertEquals("IMPROVED_BY_POINTS", rmdq.path("rule").asText(), outcomes.toString());
                });
        String page = clara.pageFromPlanner("/app/clinic/patients/" + patientId);
        assertTrue(page.contains(verdict), "the verdict in words on clara's page of the patient");
        assertTrue(page.contains("data-testid=\"outcome\" data-measure=\"RMDQ\""), "the RMDQ's chart");
    }

    /** An RMDQ response: the first {@code ticked} of the 24 statements ticked. */
    private static String rmdq(String planId, String occasion, LocalDate dueOn, int ticked) {
        StringBuilder answers = new StringBuilder();
        for (int statement = 1; statement <= 24; statement++) {
            answers.append(statement == 1 ? "" : ", ")
                    .append("\"rmdq-")
                    .append(statement)
                    .append("\": ")
                    .append(statement <= ticked);
        }
        return "{\"id\": \"" + UUID.randomUUID() + "\", \"planId\": \"" + planId
                + "\", \"measure\": \"RMDQ\", \"occasion\": \"" + occasion + "\", \"dueOn\": \"" + dueOn
                + "\", \"answers\": {" + answers + "}}";
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
