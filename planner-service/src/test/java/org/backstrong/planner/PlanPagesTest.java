package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/**
 * The clinician's plan management pages: a prescription changed with a reason, the plan paused,
 * resumed and ended, the screening and clearance recorded; each form's refusals beside its fields.
 */
@QuarkusTest
class PlanPagesTest {

    /** The built-in plan's Lat Pulldown: reps 8–12, 1 to 3 sets, 15 kg. */
    static final int LAT_PULLDOWN = 2;
    /** The built-in plan's warm-up cardio, done for 300–600 seconds. */
    static final int CARDIO = 0;

    /** Clara's token as Keycloak gives it, with her name, so the audit trail can show who changed what. */
    static String claraByName() {
        return Jwt.claims(Map.of(
                        "realm_access",
                        Map.of("roles", List.of("clinician")),
                        "clinic_id",
                        "clinic-a",
                        "name",
                        "Clara Clinician"))
                .subject(Clinic.CLARA)
                .preferredUserName("clara")
                .issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .expiresIn(300)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }

    @Test
    void changesAPrescriptionWithAReasonAndTheHistoryNamesTheClinician() {
        String patient = Clinic.enrolNewPatient();
        JsonPath plan = Clinic.assignBuiltIn(patient, 0);
        String planId = plan.getString("id");
        String itemId = plan.getString("items[" + LAT_PULLDOWN + "].id");
        String path = "/app/clinic/plans/" + planId + "/items/" + itemId;

        Document form = Pages.page(Clinic.clara(), path);
        Element fields = form.selectFirst("form[data-testid=prescription-form]");
        assertEquals("reps", fields.attr("data-dose-kind"));
        assertEquals("8", form.selectFirst("#repsMin").val());
        assertEquals("12", form.selectFirst("#repsMax").val());
        assertTrue(form.select("#secondsMin, #secondsMax").isEmpty(), "a reps exercise asks for no seconds");
        assertFalse(fields.selectFirst("input[type=hidden][name=csrf]").val().isBlank());
        Pages.assertEveryInputHasALabel(form);
        assertTrue(form.select("script:not([src]), style, [style]").isEmpty(), "nothing inline: the CSP forbids it");

        given().auth()
                .oauth2(claraByName())
                .redirects()
                .follow(false)
                .formParams(latPulldown("2", "3", "10", "15", "kg", "17.5", "Stronger than expected at the review"))
                .when()
                .post(path)
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/clinic/plans/" + planId + "?flash=edited"));

        JsonPath after = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String item = "items[" + LAT_PULLDOWN + "].prescription.";
        assertEquals(2, after.getInt(item + "sets"));
        assertEquals(10, after.getInt(item + "repsMin"));
        assertEquals(15, after.getInt(item + "repsMax"));
        assertEquals(17.5f, after.getFloat(item + "loadKg"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId + "/audit")
                .then()
                .statusCode(200)
                .body("find { it.itemId == '" + itemId + "' }.changedBy", equalTo(Clinic.CLARA))
                .body("find { it.itemId == '" + itemId + "' }.changedByName", equalTo("Clara Clinician"))
                .body("find { it.itemId == '" + itemId + "' }.reason", equalTo("Stronger than expected at the review"));

        Document page = Pages.page(Clinic.clara(), "/app/clinic/plans/" + planId + "?flash=edited");
        assertEquals(
                "Prescription changed.", page.selectFirst("[data-testid=flash]").text());
        Element latest = page.selectFirst("tr[data-testid=history-entry]");
        assertEquals(
                "Clara Clinician",
                latest.selectFirst("[data-testid=history-who]").text());
        assertTrue(
                latest.text().contains("Lat Pulldown") && latest.text().contains("Stronger than expected"),
                latest.text());
        assertTrue(
                latest.text().matches(".*\\d{2}:\\d{2} (CET|CEST).*"),
                "the time in the clinic's zone: " + latest.text());
        assertTrue(
                page.selectFirst("tr[data-testid=plan-item][data-item-id=" + itemId + "]")
                        .text()
                        .contains("2 sets of 10–15 reps"),
                "the new dose in words");
        Document patientPage = Pages.page(Clinic.clara(), "/app/clinic/patients/" + patient);
        assertNotNull(patientPage.selectFirst("a[data-testid=manage-plan][href=/app/clinic/plans/" + planId + "]"));
        assertTrue(
                patientPage.select("[data-testid=change-who]").eachText().contains("Clara Clinician"),
                "the patient's page names her too");
    }

    @Test
    void aTimedExerciseAsksForSecondsNotReps() {
        String patient = Clinic.enrolNewPatient();
        JsonPath plan = Clinic.assignBuiltIn(patient, 0);
        Document form = Pages.page(
                Clinic.clara(),
                "/app/clinic/plans/" + plan.getString("id") + "/items/" + plan.getString("items[" + CARDIO + "].id"));
        assertEquals(
                "duration",
                form.selectFirst("form[data-testid=prescription-form]").attr("data-dose-kind"));
        assertEquals("300", form.selectFirst("#secondsMin").val());
        assertEquals("600", form.selectFirst("#secondsMax").val());
        assertTrue(form.select("#repsMin, #repsMax, #holdSeconds").isEmpty(), "a timed exercise asks for no reps");
    }

    @Test
    void aRefusedPrescriptionSaysWhyInPlainWordsBesideTheFieldAndChangesNothing() {
        String patient = Clinic.enrolNewPatient();
        JsonPath plan = Clinic.assignBuiltIn(patient, 0);
        String planId = plan.getString("id");
        String path = "/app/clinic/plans/" + planId + "/items/" + plan.getString("items[" + LAT_PULLDOWN + "].id");

        Document range = refused(path, latPulldown("1", "3", "12", "8", "kg", "15", "Narrower range"));
        Element error =
                range.selectFirst("form[data-testid=prescription-form] [data-testid=field-error][data-field=repsMax]");
        assertEquals("Highest reps must be at least the lowest (12)", error.text());
        assertEquals("true", range.selectFirst("#repsMax").attr("aria-invalid"));
        assertEquals("8", range.selectFirst("#repsMax").val(), "what was typed is kept");
        Element summary = range.selectFirst("[data-testid=form-errors] a[href=#" + error.id() + "]");
        assertEquals("Highest reps must be at least the lowest (12)", summary.text(), "no API field names");

        Document noReason = refused(path, latPulldown("1", "3", "8", "12", "kg", "20", " "));
        assertNotNull(noReason.selectFirst("[data-testid=field-error][data-field=reason]"));
        assertEquals("20", noReason.selectFirst("#loadKg").val());

        Document noKg = refused(path, latPulldown("1", "3", "8", "12", "kg", "", "Heavier"));
        assertEquals(
                "Give the load in kg (0 or more)",
                noKg.selectFirst("[data-testid=field-error][data-field=loadKg]").text());

        Document notANumber = refused(path, latPulldown("two", "3", "8", "12", "kg", "15", "More sets"));
        assertEquals(
                "Sets must be a whole number",
                notANumber
                        .selectFirst("[data-testid=field-error][data-field=sets]")
                        .text());

        Document tooMany = refused(path, latPulldown("11", "11", "8", "12", "kg", "15", "More sets"));
        assertEquals(
                "Sets must be at most 10",
                tooMany.selectFirst("[data-testid=field-error][data-field=sets]")
                        .text());

        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId)
                .then()
                .statusCode(200)
                .body("items[" + LAT_PULLDOWN + "].prescription.repsMin", equalTo(8))
                .body("items[" + LAT_PULLDOWN + "].prescription.sets", equalTo(1))
                .body("items[" + LAT_PULLDOWN + "].prescription.loadKg", equalTo(15.0f));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId + "/audit")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void aBandChosenWithAKgLeftTypedCountsOnlyTheBand() {
        String patient = Clinic.enrolNewPatient();
        JsonPath plan = Clinic.assignBuiltIn(patient, 0);
        String planId = plan.getString("id");
        given().auth()
                .oauth2(Clinic.clara())
                .redirects()
                .follow(false)
                .formParams(latPulldown("1", "3", "8", "12", "band", "15", "No machine at home: a band instead"))
                .formParam("band", "green")
                .when()
                .post("/app/clinic/plans/" + planId + "/items/" + plan.getString("items[" + LAT_PULLDOWN + "].id"))
                .then()
                .statusCode(303);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId)
                .then()
                .statusCode(200)
                .body("items[" + LAT_PULLDOWN + "].prescription.loadKind", equalTo("band"))
                .body("items[" + LAT_PULLDOWN + "].prescription.band", equalTo("green"))
                .body("items[" + LAT_PULLDOWN + "].prescription.loadKg", equalTo(null));
    }

    @Test
    void pausesResumesAndEndsThePlanWithReasons() {
        String patient = Clinic.enrolNewPatient();
        String planId = Clinic.assignBuiltIn(patient, 0).getString("id");
        String plan = "/app/clinic/plans/" + planId;

        Document active = Pages.page(Clinic.clara(), plan);
        assertEquals("active", active.selectFirst("[data-testid=plan]").attr("data-status"));
        assertNotNull(active.selectFirst("form[data-testid=pause-form] input[type=hidden][name=csrf]"));
        assertTrue(active.select("form[data-testid=resume-form]").isEmpty(), "an active plan is not resumed");
        Pages.assertEveryInputHasALabel(active);

        given().auth()
                .oauth2(claraByName())
                .redirects()
                .follow(false)
                .formParam("reason", "Travelling for two weeks")
                .when()
                .post(plan + "/pause")
                .then()
                .statusCode(303)
                .header("Location", endsWith(plan + "?flash=paused"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId)
                .then()
                .body("status", equalTo("paused"));
        Document paused = Pages.page(Clinic.clara(), plan + "?flash=paused");
        assertEquals("Plan paused.", paused.selectFirst("[data-testid=flash]").text());
        assertNotNull(paused.selectFirst("form[data-testid=resume-form]"));
        assertTrue(paused.select("form[data-testid=pause-form]").isEmpty());
        assertTrue(paused.selectFirst("[data-testid=plan]").text().contains("Travelling for two weeks"));

        given().auth()
                .oauth2(claraByName())
                .redirects()
                .follow(false)
                .formParam("reason", "Back home")
                .when()
                .post(plan + "/resume")
                .then()
                .statusCode(303)
                .header("Location", endsWith(plan + "?flash=resumed"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId)
                .then()
                .body("status", equalTo("active"));

        given().auth()
                .oauth2(claraByName())
                .redirects()
                .follow(false)
                .formParam("reason", "Goals reached")
                .when()
                .post(plan + "/end")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/clinic/patients/" + patient + "?flash=ended"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId)
                .then()
                .body("status", equalTo("completed"));
        Document patientPage = Pages.page(Clinic.clara(), "/app/clinic/patients/" + patient + "?flash=ended");
        assertEquals(
                "Plan ended.", patientPage.selectFirst("[data-testid=flash]").text());
        assertNotNull(patientPage.selectFirst("form[data-testid=assign-form]"), "a new plan may be assigned");

        Document ended = Pages.page(Clinic.clara(), plan);
        assertTrue(
                ended.select("form[data-testid=pause-form], form[data-testid=resume-form], form[data-testid=end-form],"
                                + " a[data-testid=edit-item]")
                        .isEmpty(),
                "an ended plan no longer changes");
        List<String> history = ended.select("tr[data-testid=history-entry]").eachText();
        assertTrue(
                history.get(0).contains("Clara Clinician") && history.get(0).contains("Goals reached"), history.get(0));
        assertTrue(
                history.get(1).contains("Back home") && history.get(2).contains("Travelling for two weeks"),
                history.toString());
    }

    @Test
    void aStatusChangeWithoutAReasonOrThatTheStateForbidsChangesNothing() {
        String patient = Clinic.enrolNewPatient();
        String planId = Clinic.assignBuiltIn(patient, 0).getString("id");
        String plan = "/app/clinic/plans/" + planId;

        Document noReason = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("reason", "  ")
                .when()
                .post(plan + "/pause")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        Element error =
                noReason.selectFirst("form[data-testid=pause-form] [data-testid=field-error][data-field=reason]");
        assertEquals("Say why you pause the plan: it is kept in the plan's history", error.text());
        assertEquals("true", noReason.selectFirst("#pause-reason").attr("aria-invalid"));

        Document tooLong = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("reason", "x".repeat(501))
                .when()
                .post(plan + "/end")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertNotNull(tooLong.selectFirst("form[data-testid=end-form] [data-testid=field-error][data-field=reason]"));

        Document notPaused = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("reason", "Back again")
                .when()
                .post(plan + "/resume")
                .then()
                .statusCode(409)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        assertTrue(
                notPaused.selectFirst("[data-testid=status-conflict]").text().contains("is active, not paused"),
                notPaused.selectFirst("[data-testid=status-conflict]").text());
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId)
                .then()
                .body("status", equalTo("active"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId + "/audit")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void anotherClinicsPlanIsNotFoundAndAPatientMayNotManageIt() {
        String patient = Clinic.enrolNewPatient();
        JsonPath plan = Clinic.assignBuiltIn(patient, 0);
        String path = "/app/clinic/plans/" + plan.getString("id");
        String item = path + "/items/" + plan.getString("items[2].id");
        given().auth().oauth2(Clinic.colin()).when().get(path).then().statusCode(404);
        given().auth().oauth2(Clinic.colin()).when().get(item).then().statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .formParam("reason", "Not mine")
                .when()
                .post(path + "/end")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .formParams(latPulldown("1", "3", "8", "12", "kg", "15", "Not mine"))
                .when()
                .post(item)
                .then()
                .statusCode(404);
        given().auth().oauth2(Clinic.patient(patient)).when().get(path).then().statusCode(403);
        given().auth()
                .oauth2(Clinic.patient(patient))
                .formParam("reason", "Bored")
                .when()
                .post(path + "/end")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get(path + "/items/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().redirects().follow(false).when().get(path).then().statusCode(302);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + plan.getString("id"))
                .then()
                .body("status", equalTo("active"));
    }

    @Test
    void recordsTheClearanceSoThePlanCanStart() {
        String patient = UUID.randomUUID().toString();
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("id", patient, "displayName", "Needs Clearance", "preExistingCondition", true))
                .when()
                .post("/patients")
                .then()
                .statusCode(201);
        Document refused = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("templateId", Clinic.BUILT_IN.toString())
                .formParam("startDate", LocalDate.now().toString())
                .formParam("weekdays", "2")
                .when()
                .post("/app/clinic/patients/" + patient + "/plans")
                .then()
                .statusCode(409)
                .extract()
                .asString());
        assertEquals(
                "/app/clinic/patients/" + patient + "/screening",
                refused.selectFirst("[data-testid=assign-conflict] a[data-testid=record-clearance]")
                        .attr("href"));

        Document form = Pages.page(Clinic.clara(), "/app/clinic/patients/" + patient + "/screening");
        assertNotNull(form.selectFirst("input[name=preExistingCondition][value=yes][checked]"));
        assertNotNull(form.selectFirst("form[data-testid=screening-form] input[type=hidden][name=csrf]"));
        Pages.assertEveryInputHasALabel(form);

        String cleared = LocalDate.now().minusDays(1).toString();
        given().auth()
                .oauth2(Clinic.clara())
                .redirects()
                .follow(false)
                .formParam("preExistingCondition", "yes")
                .formParam("clearedOn", cleared)
                .formParam("clearedBy", "Dr Rivera, physiotherapist")
                .when()
                .post("/app/clinic/patients/" + patient + "/screening")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/clinic/patients/" + patient + "?flash=screened"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + patient)
                .then()
                .statusCode(200)
                .body("clearedOn", equalTo(cleared))
                .body("clearedBy", equalTo("Dr Rivera, physiotherapist"));
        Document page = Pages.page(Clinic.clara(), "/app/clinic/patients/" + patient + "?flash=screened");
        assertEquals("Screening saved.", page.selectFirst("[data-testid=flash]").text());
        assertTrue(page.selectFirst("[data-testid=screening]").text().contains("cleared on"));

        given().auth()
                .oauth2(Clinic.clara())
                .redirects()
                .follow(false)
                .formParam("templateId", Clinic.BUILT_IN.toString())
                .formParam("startDate", LocalDate.now().toString())
                .formParam("weekdays", "2")
                .when()
                .post("/app/clinic/patients/" + patient + "/plans")
                .then()
                .statusCode(303);
    }

    @Test
    void aRefusedScreeningSaysWhyBesideTheFieldAndStoresNothing() {
        String patient = UUID.randomUUID().toString();
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("id", patient, "displayName", "Screened Later", "preExistingCondition", true))
                .when()
                .post("/patients")
                .then()
                .statusCode(201);
        String path = "/app/clinic/patients/" + patient + "/screening";

        Document future =
                screeningRefused(path, "yes", LocalDate.now().plusDays(2).toString());
        assertEquals(
                "The clearance cannot be dated in the future",
                future.selectFirst("[data-testid=field-error][data-field=clearedOn]")
                        .text());
        assertEquals("true", future.selectFirst("#clearedOn").attr("aria-invalid"));

        Document withoutCondition = screeningRefused(path, "no", LocalDate.now().toString());
        assertTrue(withoutCondition
                .selectFirst("[data-testid=field-error][data-field=clearedOn]")
                .text()
                .startsWith("A clearance is recorded only for a pre-existing condition"));

        Document notADate = screeningRefused(path, "yes", "last tuesday");
        assertNotNull(notADate.selectFirst("[data-testid=field-error][data-field=clearedOn]"));
        assertEquals("last tuesday", notADate.selectFirst("#clearedOn").val());

        Document noAnswer = screeningRefused(path, "maybe", "");
        assertEquals(
                "Answer yes or no",
                noAnswer.selectFirst("[data-testid=field-error][data-field=preExistingCondition]")
                        .text());

        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + patient)
                .then()
                .statusCode(200)
                .body("preExistingCondition", equalTo(true))
                .body("clearedOn", equalTo(null));
        given().auth().oauth2(Clinic.colin()).when().get(path).then().statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .formParam("preExistingCondition", "no")
                .when()
                .post(path)
                .then()
                .statusCode(404);
        given().auth().oauth2(Clinic.patient(patient)).when().get(path).then().statusCode(403);
        given().redirects().follow(false).when().get(path).then().statusCode(302);
    }

    private static Map<String, String> latPulldown(
            String sets,
            String setsMax,
            String repsMin,
            String repsMax,
            String loadKind,
            String loadKg,
            String reason) {
        Map<String, String> form = new HashMap<>();
        form.put("doseKind", "reps");
        form.put("sets", sets);
        form.put("setsMax", setsMax);
        form.put("repsMin", repsMin);
        form.put("repsMax", repsMax);
        form.put("loadKind", loadKind);
        form.put("loadKg", loadKg);
        form.put("restSeconds", "90");
        form.put("loadStepPercent", "5");
        form.put("reason", reason);
        return form;
    }

    private static Document refused(String path, Map<String, String> form) {
        RequestSpecification request = given().auth().oauth2(Clinic.clara()).formParams(form);
        return Jsoup.parse(request.when()
                .post(path)
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
    }

    private static Document screeningRefused(String path, String condition, String clearedOn) {
        return Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("preExistingCondition", condition)
                .formParam("clearedOn", clearedOn)
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
    }
}
