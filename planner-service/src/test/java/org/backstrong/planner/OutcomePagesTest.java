package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The patient's questionnaire page: a labelled form per measure due, inputs named as the API names a refused
 * answer, and a response sent by the page's outbox (again after a lost answer) stored once.
 */
@QuarkusTest
class OutcomePagesTest {

    @Test
    void theBaselinePageHasALabelledFormPerMeasureDue() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Document page = Pages.page(patient.token(), "/app/me/outcomes");
        List<String> measures = page.select("form[data-testid=outcome-form]").eachAttr("data-measure");
        assertEquals(List.of("NPRS", "PSFS", "RMDQ"), measures);
        Pages.assertEveryInputHasALabel(page);
        assertNotNull(page.selectFirst("nav a[data-testid=nav-outcomes][aria-current=page]"));

        Element rmdq = page.selectFirst("form[data-measure=RMDQ]");
        assertEquals(24, rmdq.select("input[type=checkbox]").size());
        assertEquals(
                "I stay at home most of the time because of my back.",
                page.selectFirst("label[for=outcome-rmdq-1]").text());
        assertTrue(rmdq.text().contains("only tick the sentence if you are sure it describes you today"));
        Element nprs = page.selectFirst("form[data-measure=NPRS]");
        Element pain = nprs.selectFirst("input[name=answers.pain]");
        assertTrue(pain.hasAttr("required"));
        assertTrue(!pain.hasAttr("value"), "no pain is filled in for the patient");
        Element psfs = page.selectFirst("form[data-measure=PSFS]");
        assertEquals(5, psfs.select("input[type=text]").size(), "up to 5 activities to name");
        assertEquals(3, psfs.select("input[type=text][required]").size(), "at least 3");
    }

    @Test
    void aResponseTheOutboxSendsAgainIsStoredOnceAndLeavesThePage() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Element form = Pages.page(patient.token(), "/app/me/outcomes").selectFirst("form[data-measure=NPRS]");
        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("id", "planId", "measure", "occasion", "dueOn")) {
            body.put(field, form.selectFirst("input[name=" + field + "]").val());
        }
        body.put("answers", Map.of("pain", 4));
        // The answer to the first send was lost (the connection dropped): the outbox sends the entry again.
        for (int status : new int[] {201, 200}) {
            given().auth()
                    .oauth2(patient.token())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/app/api/me/outcomes")
                    .then()
                    .statusCode(status);
        }
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + patient.id() + "/outcomes")
                .then()
                .statusCode(200)
                .body("", hasSize(1));
        Document page = Pages.page(patient.token(), "/app/me/outcomes");
        assertNull(page.selectFirst("form[data-measure=NPRS]"));
        assertNotNull(page.selectFirst("form[data-measure=RMDQ]"));
    }

    @Test
    void aPsfsFollowUpAsksForTheActivitiesNamedAtTheBaselineByName() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(15);
        OutcomeMeasuresTest.submit(
                        patient,
                        OutcomeMeasuresTest.psfsBaseline(
                                patient, LocalDate.now().minusDays(15)))
                .statusCode(201);
        Element psfs = Pages.page(patient.token(), "/app/me/outcomes").selectFirst("form[data-measure=PSFS]");
        assertEquals("FOLLOW_UP", psfs.selectFirst("input[name=occasion]").val());
        assertEquals(
                List.of("Lifting the shopping", "Gardening", "Walking 30 minutes"),
                psfs.select("legend").eachText());
        assertEquals(0, psfs.select("input[type=text]").size(), "the names are not asked again");
        assertEquals(3, psfs.select("input[type=number][required]").size());
    }

    @Test
    void withoutAPlanNothingIsDue() {
        Document page = Pages.page(Clinic.patient(UUID.randomUUID().toString()), "/app/me/outcomes");
        assertNull(page.selectFirst("form[data-testid=outcome-form]"));
        assertNotNull(page.selectFirst("[data-testid=outcomes-none]"));
    }
}
