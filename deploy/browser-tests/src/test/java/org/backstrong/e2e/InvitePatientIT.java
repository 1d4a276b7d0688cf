package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.Axe;
import org.backstrong.e2e.stack.LocalStack;

/**
 * Inviting a patient against the real Keycloak: clara invites a new patient through the enrolment
 * form, the page hands over a user name and a one-time password; the patient signs in with them on
 * Keycloak's page, is made to choose a password of their own, and lands in the app as a patient of
 * clara's clinic. Ids that are no patient of the clinic (nobody, another clinic's) get one answer.
 */
@BrowserTest
class InvitePatientIT {

    private static final String PAUL = "22222222-2222-4222-8222-000000000001";
    private static final By FLASH_USERNAME = By.cssSelector("[data-testid=invitation-username]");

    @Test
    @DesktopWindow
    void claraInvitesANewPatientWhoSetsAPasswordAndSignsIn(LocalStack stack, WebDriver browser) {
        String name = "Ines Invited " + UUID.randomUUID().toString().substring(0, 4);
        AppPage.signInAs(browser, stack, "clara");
        browser.get(stack.plannerUrl() + "/app/clinic");
        WebElement form = browser.findElement(By.cssSelector("form[data-testid=enrol-form]"));
        assertTrue(
                form.findElement(By.cssSelector("[data-testid=account-new]")).isSelected(), "inviting is the default");
        form.findElement(By.id("enrol-name")).sendKeys(name);
        form.findElement(By.cssSelector("button[data-testid=enrol]")).click();
        wait(browser)
                .withMessage(() -> "no invitation page; the browser is on " + browser.getCurrentUrl())
                .until(d -> d.getCurrentUrl().contains("/app/invitations/")
                        && !d.findElements(FLASH_USERNAME).isEmpty());
        String patientId = browser.getCurrentUrl().replaceAll(".*/app/invitations/", "");
        String username = browser.findElement(FLASH_USERNAME).getText();
        String oneTime = browser.findElement(By.cssSelector("[data-testid=invitation-password]"))
                .getText();
        assertFalse(browser.getCurrentUrl().contains(oneTime), "the one-time password is never in a URL");
        browser.navigate().refresh();
        wait(browser)
                .until(d -> !d.findElements(By.cssSelector("[data-testid=invitation-shown]"))
                        .isEmpty());
        assertTrue(
                browser.findElements(By.cssSelector("[data-testid=invitation-password]"))
                        .isEmpty(),
                "shown once");
        JsonNode enrolled = Api.as(stack, "clara").getFromPlanner("/patients/" + patientId);
        assertEquals(name, enrolled.path("displayName").asText());
        AppPage.expect(browser, stack).signOut();

        // The patient, at home: the one-time password, then a password of their own.
        String password = FirstSignIn.choosePassword(browser, stack, username, oneTime);
        AppPage patient = AppPage.expect(browser, stack);
        assertTrue(patient.signedInAs().contains(username), patient.signedInAs());
        assertTrue(patient.url().contains("/app/me/"), "a patient's home page: " + patient.url());

        JsonNode claims = Api.as(stack, username, password).claims();
        assertEquals(patientId, claims.path("sub").asText());
        assertEquals("clinic-a", claims.path("clinic_id").asText());
        assertTrue(claims.path("realm_access").path("roles").toString().contains("\"patient\""), claims.toString());
        assertThrowsAssertion(() -> Api.as(stack, username, oneTime), "the one-time password no longer works");

        // A plan and a first set: My progress shows its table in a scroll region a keyboard reaches.
        Api.as(stack, "clara")
                .postToPlanner(
                        "/patients/" + patientId + "/plans",
                        "{\"templateId\": \"" + Api.BUILT_IN_TEMPLATE + "\", \"startDate\": \"" + LocalDate.now()
                                + "\", \"weekdays\": [1,2,3,4,5,6,7]}",
                        201);
        Api own = Api.as(stack, username, password);
        JsonNode session = own.getFromPlanner("/me/sessions/today");
        own.postToPlanner("/me/sets", firstSet(session), 201);
        browser.get(stack.plannerUrl() + "/app/me/progress");
        WebElement region = wait(browser)
                .until(d -> d.findElements(By.cssSelector("[data-testid=weeks-region]")).stream()
                        .findFirst()
                        .orElse(null));
        assertEquals("0", region.getAttribute("tabindex"));
        assertEquals("region", region.getAttribute("role"));
        assertEquals(
                "The numbers",
                browser.findElement(By.id(region.getAttribute("aria-labelledby")))
                        .getText());
        List<WebElement> tabOrder =
                browser.findElements(By.cssSelector("a[href], button, input, select, textarea, [tabindex='0']"));
        int at = tabOrder.indexOf(region);
        assertTrue(at > 0, "the region is in the tab order");
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", tabOrder.get(at - 1));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals(region, browser.switchTo().activeElement(), "Tab reaches the table's scroll region");
        List<Axe.Violation> failing = Axe.check(browser).stream()
                .filter(v -> Axe.FAILING_IMPACTS.contains(v.impact()))
                .toList();
        assertTrue(failing.isEmpty(), "My progress: " + failing);
    }

    /** The first set of today's first exercise, at its dose, as the session page sends it. */
    private static String firstSet(JsonNode session) {
        JsonNode item = session.path("items").get(0);
        JsonNode dose = item.path("dose");
        StringBuilder set = new StringBuilder("{\"setId\": \"" + UUID.randomUUID() + "\", \"planId\": \""
                + session.path("planId").asText() + "\", \"itemId\": \""
                + item.path("itemId").asText()
                + "\", \"date\": \"" + LocalDate.now()
                + "\", \"setNumber\": 1, \"pain\": 1, \"beyondNormalFatigue\": false");
        if (dose.path("perSide").asBoolean()) {
            set.append(", \"side\": \"left\"");
        }
        if ("reps".equals(dose.path("kind").asText())) {
            set.append(", \"reps\": ").append(dose.path("reps").asInt()).append(", \"rir\": 2");
        } else {
            set.append(", \"seconds\": ").append(dose.path("seconds").asInt()).append(", \"rpe\": 7");
        }
        if (dose.hasNonNull("loadKg")) {
            set.append(", \"loadKg\": ").append(dose.path("loadKg").asText());
        }
        if (dose.hasNonNull("band")) {
            set.append(", \"band\": \"").append(dose.path("band").asText()).append("\"");
        }
        return set.append("}").toString();
    }

    @Test
    void anIdThatIsNoPatientOfTheClinicIsRefusedAsOneThatDoesNotExist(LocalStack stack) {
        Api clara = Api.as(stack, "clara");
        Api colin = Api.as(stack, "colin");
        JsonNode nobody = clara.postToPlanner("/patients", enrolment("\"id\": \"nina\""), 422);
        assertEquals("id", nobody.path("field").asText());
        JsonNode absent = clara.postToPlanner("/patients", enrolment("\"id\": \"" + UUID.randomUUID() + "\""), 422);
        JsonNode others = clara.postToPlanner("/patients", enrolment("\"id\": \"" + Api.PIA + "\""), 422);
        JsonNode claras = colin.postToPlanner("/patients", enrolment("\"id\": \"" + PAUL + "\""), 422);
        JsonNode staff =
                clara.postToPlanner("/patients", enrolment("\"id\": \"11111111-1111-4111-8111-000000000002\""), 422);
        assertEquals(nobody, absent);
        assertEquals(nobody, others, "colin's patient pia, to clara");
        assertEquals(nobody, claras, "clara's patient paul, to colin: not 409 already-enrolled");
        assertEquals(nobody, staff, "colin's own account");
        JsonNode byName = clara.postToPlanner("/patients", enrolment("\"username\": \"nina\""), 422);
        assertEquals(byName, clara.postToPlanner("/patients", enrolment("\"username\": \"pia\""), 422));
        clara.postToPlanner("/patients", enrolment("\"id\": \"" + PAUL + "\""), 409);
    }

    @Test
    @DesktopWindow
    void theFormRefusesColinsPatientAsItRefusesNobody(LocalStack stack, WebDriver browser) {
        AppPage.signInAs(browser, stack, "clara");
        for (String account : new String[] {"nina", "pia"}) {
            browser.get(stack.plannerUrl() + "/app/clinic");
            WebElement form = browser.findElement(By.cssSelector("form[data-testid=enrol-form]"));
            form.findElement(By.cssSelector("[data-testid=account-existing]")).click();
            form.findElement(By.id("enrol-id")).sendKeys(account);
            form.findElement(By.id("enrol-name")).sendKeys("Someone");
            form.findElement(By.cssSelector("button[data-testid=enrol]")).click();
            WebElement error = wait(browser)
                    .until(d -> d.findElements(By.cssSelector("[data-testid=field-error][data-field=id]")).stream()
                            .findFirst()
                            .orElse(null));
            assertTrue(
                    error.getText().startsWith("is not a patient account of this clinic"),
                    account + ": " + error.getText());
        }
    }

    private static String enrolment(String account) {
        return "{" + account + ", \"displayName\": \"Someone\", \"preExistingCondition\": false}";
    }

    private static void assertThrowsAssertion(Runnable call, String why) {
        try {
            call.run();
        } catch (AssertionError expected) {
            return;
        }
        throw new AssertionError(why);
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
