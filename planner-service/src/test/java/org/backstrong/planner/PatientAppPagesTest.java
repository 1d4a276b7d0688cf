package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.event.EventTypes;

/** The patient's pages in the details a patient meets: pain asked, not assumed; the check-in when it is due; charts and changes a phone can read. */
@QuarkusTest
class PatientAppPagesTest {

    private static final Pattern AN_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void painHasNoDefaultAndThePageSaysAChoiceIsRequired() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Document page = Pages.page(patient.token(), "/app/me/today");
        List<Element> pains = page.select("form[data-testid=set-form] input[name=pain]");
        assertFalse(pains.isEmpty());
        for (Element pain : pains) {
            assertFalse(pain.hasAttr("value"), "no pain is filled in for the patient: " + pain);
            assertTrue(pain.hasAttr("required"));
            Element hint = page.getElementById(pain.attr("aria-describedby"));
            assertNotNull(hint, "the field is described by its hint");
            assertTrue(hint.text().startsWith("Required"), hint.text());
        }
        Pages.assertEveryInputHasALabel(page);
    }

    @Test
    void aSetWithoutPainIsRefusedNamingPain() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> set = SetLoggingTest.set(patient, 2, 1);
        set.remove("pain");
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/app/api/me/sets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("pain"));
        Document page = Pages.page(patient.token(), "/app/me/today");
        assertTrue(page.select("[data-testid=logged-set]").isEmpty(), "nothing was stored");
    }

    @Test
    void theCheckInIsNotOfferedTheMorningAfterADayWithoutASession() {
        // The plan starts today: yesterday was no session day.
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Document page = Pages.page(patient.token(), "/app/me/check-in");
        assertNull(page.selectFirst("form[data-testid=check-in-form]"), "no form to send");
        Element closed = page.selectFirst("[data-testid=check-in-closed]");
        assertTrue(closed.text().startsWith("There was no session yesterday ("), closed.text());
        assertTrue(closed.text().contains("the morning after each session day"), closed.text());

        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "date",
                        LocalDate.now().toString(),
                        "pain",
                        1))
                .when()
                .post("/app/api/me/check-ins")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("date"))
                .body("detail", containsString("There was no session the day before ("))
                .body("detail", containsString("the morning check-in is for the morning after a session"));
    }

    @Test
    void theCheckInIsOfferedTheMorningAfterASessionDayAndOnceOnly() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(1);
        Document page = Pages.page(patient.token(), "/app/me/check-in");
        Element form = page.selectFirst("form[data-testid=check-in-form]");
        Element pain = form.selectFirst("input[name=pain]");
        assertFalse(pain.hasAttr("value"), "no pain is filled in for the patient");
        assertTrue(page.getElementById(pain.attr("aria-describedby")).text().startsWith("Required"));
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        form.selectFirst("input[name=id]").val(),
                        "date",
                        LocalDate.now().toString(),
                        "pain",
                        2))
                .when()
                .post("/app/api/me/check-ins")
                .then()
                .statusCode(201);

        page = Pages.page(patient.token(), "/app/me/check-in");
        assertNull(page.selectFirst("form[data-testid=check-in-form]"), "one check-in a morning");
        assertTrue(page.selectFirst("[data-testid=check-in-closed]").text().contains("is stored"));
    }

    @Test
    void aPatientWithoutAPlanHasNoCheckInToSend() {
        Document page = Pages.page(Clinic.patient(UUID.randomUUID().toString()), "/app/me/check-in");
        assertNull(page.selectFirst("form[data-testid=check-in-form]"));
        assertTrue(page.selectFirst("[data-testid=check-in-closed]").text().contains("no current plan"));
    }

    @Test
    void oneWeekOfProgressIsDrawnAsBarsWithTheirNumbersNeverALoneDot() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> set = SetLoggingTest.set(patient, 2, 1);
        set.put("pain", 2);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/app/api/me/sets")
                .then()
                .statusCode(201);
        Document page = Pages.page(patient.token(), "/app/me/progress");
        List<Element> charts = page.select("svg.chart[role=img]");
        assertEquals(2, charts.size());
        for (Element chart : charts) {
            assertTrue(chart.select("circle").isEmpty(), "no lone dot: " + chart);
            assertEquals(1, chart.select("rect.bar").size(), chart.toString());
            assertFalse(chart.select("text.value").isEmpty(), "the week's number is written on the chart");
            // Narrow enough that 14-unit labels stay above 12 px in the ~294 px a 360 px phone leaves.
            String[] viewBox = chart.attr("viewBox").split(" ");
            assertTrue(Integer.parseInt(viewBox[2]) <= 14 * 294 / 12, chart.attr("viewBox"));
        }
        assertEquals("2", charts.get(0).selectFirst("text.value").text(), "mean pain 2");
        assertEquals("1", charts.get(1).selectFirst("text.value").text(), "one set");
    }

    @Test
    void whatChangedNamesTheExerciseAndTheDoseInPlainWordsWithoutIds() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(7);
        Map<String, Object> decision = ProgressEvents.decision(
                patient,
                patient.item(2),
                "ADD_SET",
                "You did all sets at 12 reps with reps to spare, so we added a set.",
                ProgressEvents.prescription(1, 15),
                ProgressEvents.prescription(2, 15));
        ProgressEvents.publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PROGRESSION_ADJUSTED, decision);
        Map<String, Object> suggestion = ProgressEvents.decision(
                patient,
                patient.item(2),
                "HARDER_VARIANT",
                "You did all 2 sets at 12 reps and the most this exercise asks.",
                ProgressEvents.prescription(2, 15),
                ProgressEvents.prescription(2, 15));
        suggestion.put("suggestedVariantId", "suspended-row");
        ProgressEvents.publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PROGRESSION_ADJUSTED, suggestion);
        Map<String, Object> flag = ProgressEvents.stopFlag(patient, patient.item(3), "suspended-row");
        flag.put("evidence", "pain 7 during set 1 (above 5), STOP flag " + flag.get("flagId"));
        ProgressEvents.publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PAIN_FLAGGED, flag);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        3,
                        given().auth()
                                .oauth2(Clinic.clara())
                                .get("/plans/" + patient.planId() + "/audit")
                                .jsonPath()
                                .getList("findAll { it.changedBy == 'automatic' }")
                                .size()));
        JsonPath plan = given().auth()
                .oauth2(Clinic.clara())
                .get("/plans/" + patient.planId())
                .jsonPath();

        Document page = Pages.page(patient.token(), "/app/me/progress");
        // The plan's assignment, then the three automatic changes.
        List<Element> changes = page.select("[data-testid=change]");
        assertEquals(4, changes.size(), changes.toString());
        assertEquals(
                3,
                changes.stream()
                        .filter(c -> c.text().contains(": your plan was adjusted."))
                        .count(),
                changes.toString());
        String text = page.selectFirst("[data-testid=changes]").text();
        assertFalse(AN_ID.matcher(text).find(), "no ids: " + text);
        assertFalse(text.contains("suspended-row"), "no catalog slug: " + text);
        assertFalse(text.contains("ADD_SET") || text.contains("PAIN_ABOVE_FIVE"), "no rule codes: " + text);
        Element added = changes.stream()
                .filter(c -> c.text().contains("added a set"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                added.text().contains(plan.getString("items[2].exerciseName") + ": your plan was adjusted."),
                added.text());
        assertEquals(
                "1 set of 8–12 reps, 15 kg → 2 sets of 8–12 reps, 15 kg.",
                added.selectFirst("[data-testid=change-dose]").text());
        Element suggested = changes.stream()
                .filter(c -> c.text().contains("the most this exercise asks"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                suggested.text().contains("Your clinician may move you on to a harder version of this exercise."),
                suggested.text());
        assertNull(suggested.selectFirst("[data-testid=change-dose]"), "the dose stayed as it was");
        Element paused = changes.stream()
                .filter(c -> c.text().contains("Paused because of pain"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                paused.text().contains(plan.getString("items[3].exerciseName") + ": your plan was adjusted."),
                paused.text());
        assertTrue(paused.text().contains("pain 7 during set 1 (above 5)"), paused.text());
    }

    @Test
    void thePatientPagesAreAnAppWithAManifestAndAWorkerScopedToThem() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Document page = Pages.page(patient.token(), "/app/me/today");
        assertEquals(
                "/assets/patient.webmanifest",
                page.selectFirst("link[rel=manifest]").attr("href"));
        assertEquals(
                List.of("/assets/outbox.js", "/assets/session.js", "/assets/patient-app.js"),
                page.select("script[src]").eachAttr("src"));
        assertTrue(page.select("script:not([src])").isEmpty(), "no inline script: the CSP forbids it");

        JsonPath manifest = JsonPath.from(given().when()
                .get("/assets/patient.webmanifest")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals("/app/me/", manifest.getString("scope"));
        assertEquals("/app/me/today", manifest.getString("start_url"));
        given().when().get(manifest.getString("icons[0].src")).then().statusCode(200);

        String worker = given().when()
                .get("/assets/patient-sw.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("Service-Worker-Allowed", equalTo("/app/me/"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract()
                .asString();
        assertTrue(worker.contains("importScripts('/assets/outbox.js')"), "same-origin scripts only");
        given().when().get("/assets/outbox.js").then().statusCode(200);
        given().when().get("/assets/patient-app.js").then().statusCode(200);
    }
}
