package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/** The clinicians' patient pages (/app/clinic/...), called with bearer tokens as the hybrid web tenant allows. */
@QuarkusTest
class ClinicianPagesTest {

    @Test
    void listsTheClinicsPatientsWithAnEnrolmentFormForClara() {
        String id = Clinic.enrolNewPatient();
        Document page = Pages.page(Clinic.clara(), "/app/clinic");
        assertEquals("Patients — Backstrong", page.title());
        assertNotNull(page.selectFirst("tr[data-testid=patient-row][data-patient-id=" + id + "]"));
        Element form = page.selectFirst("form[data-testid=enrol-form]");
        assertEquals("post", form.attr("method"));
        assertFalse(form.selectFirst("input[type=hidden][name=csrf]").val().isBlank());
        Pages.assertEveryInputHasALabel(page);
        assertTrue(page.select("script:not([src]), style, [style]").isEmpty(), "nothing inline: the CSP forbids it");
    }

    @Test
    void enrolsAPatientThroughTheForm() {
        String id = UUID.randomUUID().toString();
        given().auth()
                .oauth2(Clinic.clara())
                .redirects()
                .follow(false)
                .formParam("id", id)
                .formParam("displayName", "Form Patient")
                .formParam("preExistingCondition", "yes")
                .formParam("clearedOn", LocalDate.now().minusDays(3).toString())
                .formParam("clearedBy", "Dr Who")
                .when()
                .post("/app/clinic/patients")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/clinic/patients/" + id + "?flash=enrolled"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id)
                .then()
                .statusCode(200)
                .body("displayName", org.hamcrest.Matchers.equalTo("Form Patient"))
                .body("preExistingCondition", org.hamcrest.Matchers.equalTo(true))
                .body(
                        "clearedOn",
                        org.hamcrest.Matchers.equalTo(
                                LocalDate.now().minusDays(3).toString()));
        Document page = Pages.page(Clinic.clara(), "/app/clinic/patients/" + id + "?flash=enrolled");
        assertEquals(
                "Patient enrolled.", page.selectFirst("[data-testid=flash]").text());
        assertTrue(page.selectFirst("[data-testid=screening]").text().contains("cleared on"));
    }

    @Test
    void aBadEnrolmentFieldComesBackNamedAndNothingIsStored() {
        String id = UUID.randomUUID().toString();
        Document page = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("id", id)
                .formParam("displayName", " ")
                .formParam("preExistingCondition", "no")
                .when()
                .post("/app/clinic/patients")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        Element error =
                page.selectFirst("form[data-testid=enrol-form] [data-testid=field-error][data-field=displayName]");
        assertNotNull(error, "the message sits next to the display name");
        assertEquals("true", page.selectFirst("#enrol-name").attr("aria-invalid"));
        assertEquals(id, page.selectFirst("#enrol-id").val(), "what was typed is kept");
        assertNotNull(page.selectFirst("[data-testid=form-errors] a[href=#" + error.id() + "]"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id)
                .then()
                .statusCode(404);

        Document clearance = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("id", id)
                .formParam("displayName", "Someone")
                .formParam("preExistingCondition", "no")
                .formParam("clearedOn", LocalDate.now().toString())
                .when()
                .post("/app/clinic/patients")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertNotNull(clearance.selectFirst("[data-testid=field-error][data-field=clearedOn]"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void assignsAPlanThroughTheFormAndShowsItWithItsPrescriptions() {
        String id = Clinic.enrolNewPatient();
        Document before = Pages.page(Clinic.clara(), "/app/clinic/patients/" + id);
        assertNotNull(before.selectFirst("form[data-testid=assign-form] option[value=" + Clinic.BUILT_IN + "]"));
        Pages.assertEveryInputHasALabel(before);

        given().auth()
                .oauth2(Clinic.clara())
                .redirects()
                .follow(false)
                .formParam("templateId", Clinic.BUILT_IN.toString())
                .formParam("startDate", LocalDate.now().toString())
                .formParam("weekdays", "1", "3", "5")
                .when()
                .post("/app/clinic/patients/" + id + "/plans")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/clinic/patients/" + id + "?flash=assigned"));
        List<Map<String, Object>> plans = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id + "/plans")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(1, plans.size());
        assertEquals(List.of(1, 3, 5), plans.get(0).get("weekdays"));

        Document page = Pages.page(Clinic.clara(), "/app/clinic/patients/" + id);
        Element plan = page.selectFirst("[data-testid=current-plan]");
        assertEquals(plans.get(0).get("id"), plan.attr("data-plan-id"));
        assertEquals(
                ((List<?>) plans.get(0).get("items")).size(),
                plan.select("tr[data-testid=plan-item]").size());
        assertTrue(
                plan.selectFirst("tr[data-testid=plan-item]").text().contains("Light Cardio Warm-Up"), "warm-up first");
        assertEquals(
                "/app/clinic/plans/" + plans.get(0).get("id") + "/print",
                plan.selectFirst("a[data-testid=print-plan]").attr("href"));
        assertTrue(page.select("form[data-testid=assign-form]").isEmpty(), "one plan at a time");
        assertEquals(
                1, page.select("svg.chart[role=img]").size(), "adherence, and no pain chart before anything is logged");
    }

    @Test
    void aPreExistingConditionWithoutClearanceIsToldClearlyAndNoPlanStarts() {
        String id = UUID.randomUUID().toString();
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "displayName", "Not Cleared", "preExistingCondition", true))
                .when()
                .post("/patients")
                .then()
                .statusCode(201);
        Document page = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("templateId", Clinic.BUILT_IN.toString())
                .formParam("startDate", LocalDate.now().toString())
                .formParam("weekdays", "2")
                .when()
                .post("/app/clinic/patients/" + id + "/plans")
                .then()
                .statusCode(409)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        Element conflict = page.selectFirst("[data-testid=assign-conflict]");
        assertTrue(conflict.text().contains("no professional clearance on record"), conflict.text());
        assertEquals("alert", conflict.attr("role"));
        assertTrue(
                page.selectFirst("#templateId option[selected]").val().equals(Clinic.BUILT_IN.toString()),
                "the form keeps the choice");
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id + "/plans")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aBadAssignmentFieldComesBackNamedAndNothingIsStored() {
        String id = Clinic.enrolNewPatient();
        Document noDays = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("templateId", Clinic.BUILT_IN.toString())
                .formParam("startDate", LocalDate.now().toString())
                .when()
                .post("/app/clinic/patients/" + id + "/plans")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertNotNull(noDays.selectFirst("[data-testid=field-error][data-field=weekdays]"));
        Document badDate = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("templateId", Clinic.BUILT_IN.toString())
                .formParam("startDate", "next monday")
                .formParam("weekdays", "1")
                .when()
                .post("/app/clinic/patients/" + id + "/plans")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertNotNull(badDate.selectFirst("[data-testid=field-error][data-field=startDate]"));
        Document unknownTemplate = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("templateId", UUID.randomUUID().toString())
                .formParam("startDate", LocalDate.now().toString())
                .formParam("weekdays", "1")
                .when()
                .post("/app/clinic/patients/" + id + "/plans")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertNotNull(unknownTemplate.selectFirst("[data-testid=field-error][data-field=templateId]"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id + "/plans")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void thePatientPageShowsDecisionsAndFlagsFromProgressWithTheCliniciansToken() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(SetLoggingTest.set(patient, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);
        String flagId = UUID.randomUUID().toString();
        String exerciseId = patient.plan().getString("items[2].exerciseId");
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/timeline"))
                        .willReturn(ProgressStub.json(200, """
                        {"patientId": "%s", "sessions": [], "checkIns": [],
                         "decisions": [{"id": "%s", "sessionDate": "%s", "itemId": "%s", "exerciseId": "%s",
                           "outcome": "HOLD", "rule": "pain-4-5", "reason": "Pain was 4 in the last session: holding.",
                           "inputs": {"pain": 4}, "before": null, "after": null, "suggestedVariantId": null,
                           "decidedAt": "2026-11-20T10:00:00Z"}],
                         "flags": [{"id": "%s", "itemId": "%s", "exerciseId": "%s", "severity": "STOP",
                           "status": "OPEN", "rule": "pain-above-5", "evidence": "Pain 7 in set 2", "raisedAt":
                           "2026-11-20T10:05:00Z", "resolutionNote": null}]}
                        """.formatted(
                                        patient.id(),
                                        UUID.randomUUID(),
                                        LocalDate.now(),
                                        patient.item(2),
                                        exerciseId,
                                        flagId,
                                        patient.item(2),
                                        exerciseId))));

        String clara = Clinic.clara();
        Document page = Pages.page(clara, "/app/clinic/patients/" + patient.id());
        Element decision = page.selectFirst("tr[data-testid=decision]");
        assertTrue(decision.text().contains("Pain was 4 in the last session: holding."), decision.text());
        assertTrue(decision.text().contains(patient.plan().getString("items[2].exerciseName")), "the exercise by name");
        Element flag = page.selectFirst("tr[data-testid=patient-flag][data-flag-id=" + flagId + "]");
        assertTrue(flag.text().contains("STOP") && flag.text().contains("Pain 7 in set 2"), flag.text());
        assertEquals(2, page.select("svg.chart[role=img]").size(), "pain and adherence");
        assertNotNull(page.selectFirst("table[data-testid=weeks] tbody tr"));
        ProgressStub.server()
                .verify(getRequestedFor(urlPathEqualTo("/patients/" + patient.id() + "/timeline"))
                        .withHeader("Authorization", equalTo("Bearer " + clara)));
    }

    @Test
    void thePatientPageShowsRecentSessionsSetBySetWithEachNoteUnderItsSet() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(1);
        Map<String, Object> hurt = SetLoggingTest.set(patient, 2, 1);
        hurt.put("date", LocalDate.now().minusDays(1).toString());
        hurt.put("pain", 7);
        hurt.put("note", "sharp pain in my left side");
        Map<String, Object> plain = SetLoggingTest.set(patient, 2, 1);
        Map<String, Object> side = SetLoggingTest.set(patient, 5, 1);
        side.put("side", "left");
        side.put("reps", 10);
        side.put("rir", null);
        side.put("rpe", 7.5);
        side.put("note", "  <script>alert('x')</script> & \"fine\"  ");
        for (Map<String, Object> set : List.of(hurt, plain, side)) {
            given().auth()
                    .oauth2(patient.token())
                    .contentType(ContentType.JSON)
                    .body(set)
                    .when()
                    .post("/me/sets")
                    .then()
                    .statusCode(201);
        }

        String html = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/clinic/patients/" + patient.id())
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        Document page = Jsoup.parse(html);
        List<Element> sessions = page.select("[data-testid=recent-sessions] table[data-testid=session]");
        assertEquals(
                List.of(LocalDate.now().toString(), LocalDate.now().minusDays(1).toString()),
                sessions.stream().map(table -> table.attr("data-date")).toList(),
                "newest first");

        Element today = sessions.get(0);
        assertEquals(2, today.select("tr[data-testid=logged-set]").size());
        Element first = row(today, plain);
        assertEquals(
                List.of(
                        patient.plan().getString("items[2].exerciseName"),
                        "1",
                        "–",
                        "8 reps",
                        "15 kg",
                        "RIR 3",
                        "1/10"),
                first.select("td").eachText(),
                "in the plan's order: the lat pulldown first");
        assertTrue(
                first.nextElementSibling() == null
                        || !"set-note".equals(first.nextElementSibling().attr("data-testid")),
                "no note, no note row");
        Element second = row(today, side);
        assertEquals(
                List.of(patient.plan().getString("items[5].exerciseName"), "1", "left", "10 reps"),
                second.select("td").eachText().subList(0, 4));
        assertEquals("RPE 7.5", second.select("td").get(5).text());
        Element note = second.nextElementSibling();
        assertEquals("set-note", note.attr("data-testid"));
        assertEquals(side.get("setId"), note.attr("data-set-id"));
        assertEquals(
                "<script>alert('x')</script> & \"fine\"",
                note.selectFirst("[data-testid=note-text]").text(),
                "shown as the patient wrote it, as text");
        assertTrue(note.select("script").isEmpty(), "never markup");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;fine&quot;"), "escaped");
        assertTrue(page.select("script:not([src])").isEmpty(), "nothing inline: the CSP forbids it");

        Element yesterday = sessions.get(1);
        Element stop = row(yesterday, hurt);
        assertTrue(stop.selectFirst(".badge.stop").text().equals("7/10"), stop.text());
        assertEquals(
                "sharp pain in my left side",
                stop.nextElementSibling().selectFirst("[data-testid=note-text]").text());
    }

    private static Element row(Element session, Map<String, Object> set) {
        Element row = session.selectFirst("tr[data-testid=logged-set][data-set-id=" + set.get("setId") + "]");
        assertNotNull(row, "set " + set.get("setId") + " is listed");
        return row;
    }

    @Test
    void anotherClinicsClinicianSeesNeitherThePatientsSetsNorNotes() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> set = SetLoggingTest.set(patient, 2, 1);
        set.put("note", "only for clinic-a");
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/app/clinic/patients/" + patient.id())
                .then()
                .statusCode(404)
                .body(org.hamcrest.Matchers.not(containsString("only for clinic-a")));
        Document own = Pages.page(Clinic.clara(), "/app/clinic/patients/" + patient.id());
        assertEquals(
                "only for clinic-a",
                own.selectFirst("[data-testid=set-note] [data-testid=note-text]")
                        .text());
        Document fresh = Pages.page(Clinic.clara(), "/app/clinic/patients/" + Clinic.enrolNewPatient());
        assertTrue(fresh.selectFirst("[data-testid=recent-sessions]").text().contains("No sets logged yet."));
    }

    /** The chart draws progress-service's weeks, whatever planner's own sessions would say. */
    @Test
    void thePatientPageChartsProgresssAdherenceWithTheCliniciansToken() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        LocalDate thisMonday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = thisMonday.minusWeeks(1);
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/adherence"))
                        .willReturn(ProgressStub.json(200, """
                        {"patientId": "%s", "from": "%s", "to": "%s", "weeks": [
                          {"weekStart": "%s", "sessionsScheduled": 0, "sessionsCompleted": 0, "setsPrescribed": 0,
                           "setsLogged": 0},
                          {"weekStart": "%s", "sessionsScheduled": 3, "sessionsCompleted": 1, "setsPrescribed": 30,
                           "setsLogged": 14},
                          {"weekStart": "%s", "sessionsScheduled": 2, "sessionsCompleted": 2, "setsPrescribed": 20,
                           "setsLogged": 20, "somethingNew": true}]}
                        """.formatted(
                                        patient.id(),
                                        thisMonday.minusWeeks(11),
                                        LocalDate.now(),
                                        lastMonday.minusWeeks(1),
                                        lastMonday,
                                        thisMonday))));

        String clara = Clinic.clara();
        Document page = Pages.page(clara, "/app/clinic/patients/" + patient.id());
        Element chart = page.selectFirst("svg.chart[aria-label=Sessions completed of those scheduled per week (%)]");
        assertNotNull(chart, page.select("svg.chart").toString());
        assertEquals(
                List.of(week(lastMonday) + ": 33.3", week(thisMonday) + ": 100"),
                chart.select("rect.bar > title").eachText(),
                "from the first week with a session scheduled");
        assertTrue(page.select("[data-testid=adherence-unavailable]").isEmpty());
        ProgressStub.server()
                .verify(getRequestedFor(urlPathEqualTo("/patients/" + patient.id() + "/adherence"))
                        .withQueryParam(
                                "from", equalTo(thisMonday.minusWeeks(11).toString()))
                        .withQueryParam("to", equalTo(LocalDate.now().toString()))
                        .withHeader("Authorization", equalTo("Bearer " + clara)));
    }

    private static String week(LocalDate monday) {
        return "W" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    @Test
    void thePatientPageStillShowsWhenProgressIsUnavailable() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/timeline"))
                        .willReturn(aResponse().withStatus(503)));
        ProgressStub.server()
                .stubFor(get(urlPathEqualTo("/patients/" + patient.id() + "/adherence"))
                        .willReturn(aResponse().withStatus(503)));
        Document page = Pages.page(Clinic.clara(), "/app/clinic/patients/" + patient.id());
        assertNotNull(page.selectFirst("[data-testid=progress-unavailable]"));
        assertNotNull(page.selectFirst("[data-testid=adherence-unavailable]"), "the chart says so");
        assertTrue(page.select("svg.chart[aria-label^=Sessions completed]").isEmpty());
        assertNotNull(page.selectFirst("[data-testid=current-plan]"));

        Document unknown = Pages.page(Clinic.clara(), "/app/clinic/patients/" + Clinic.enrolNewPatient());
        assertNotNull(
                unknown.selectFirst("[data-testid=progress-empty]"), "progress knows nothing of a new patient: 404");
    }

    @Test
    void anotherClinicsPatientAnswers404() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/app/clinic/patients/" + patient.id())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .formParam("templateId", Clinic.BUILT_IN.toString())
                .formParam("startDate", LocalDate.now().toString())
                .formParam("weekdays", "1")
                .when()
                .post("/app/clinic/patients/" + patient.id() + "/plans")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/app/clinic/plans/" + patient.planId() + "/print")
                .then()
                .statusCode(404);
        Document colins = Pages.page(Clinic.colin(), "/app/clinic");
        assertTrue(colins.select("tr[data-patient-id=" + patient.id() + "]").isEmpty());
    }

    @Test
    void clinicianPagesAreForCliniciansOnly() {
        String patient = Clinic.patient(UUID.randomUUID().toString());
        for (String path : List.of(
                "/app/clinic",
                "/app/clinic/patients/x",
                "/app/flags",
                "/app/templates",
                "/app/templates/new",
                "/app/catalog")) {
            given().auth().oauth2(patient).when().get(path).then().statusCode(403);
        }
        given().auth()
                .oauth2(TestTokens.analyst("analyst-1"))
                .when()
                .get("/app/clinic")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin("admin-1"))
                .when()
                .get("/app/clinic")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(patient)
                .formParam("id", "x")
                .formParam("displayName", "x")
                .formParam("preExistingCondition", "no")
                .when()
                .post("/app/clinic/patients")
                .then()
                .statusCode(403);
        given().redirects().follow(false).when().get("/app/clinic").then().statusCode(302);
    }

    @Test
    void printsThePlanWithItsStyleSheetLinkedNotInline() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        String html = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/clinic/plans/" + patient.planId() + "/print")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .extract()
                .asString();
        Document page = Jsoup.parse(html);
        assertEquals(
                "/assets/print.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
        assertTrue(page.select("style, [style], script").isEmpty(), "no inline style or script: the CSP forbids it");
        assertTrue(page.selectFirst("p.for").text().contains("Plan for Test Patient"));
        given().when()
                .get("/assets/print.css")
                .then()
                .statusCode(200)
                .body(containsString("@page { size: auto; margin: 15mm; }"));

        Document own = Jsoup.parse(given().auth()
                .oauth2(patient.token())
                .when()
                .get("/app/me/plans/" + patient.planId() + "/print")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals("Your plan", own.selectFirst("p.for").text());
        assertTrue(own.select("style, [style]").isEmpty());
        given().auth()
                .oauth2(Clinic.patient(UUID.randomUUID().toString()))
                .when()
                .get("/app/me/plans/" + patient.planId() + "/print")
                .then()
                .statusCode(404);
        Document today = Pages.page(patient.token(), "/app/me/today");
        assertEquals(
                "/app/me/plans/" + patient.planId() + "/print",
                today.selectFirst("a[data-testid=print-plan]").attr("href"));
    }
}
