package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.path.xml.config.XmlPathConfig;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.testinfra.TestTokens;

/** GET /plans/{id}/print: the plan on paper, warm-up first, with the how-to, the article's tips and a weekly log. */
@QuarkusTest
class PrintablePlanTest {

    /** The built-in template's exercises, in the order a session does them. */
    private static final List<String> IN_ORDER =
            CatalogStub.ARTICLE.stream().map(exercise -> (String) exercise[1]).toList();

    @Inject
    @CacheName("catalog-versions")
    Cache catalogVersions;

    private static String print(String token, String planId) {
        return given().auth()
                .oauth2(token)
                .accept(ContentType.HTML)
                .when()
                .get("/plans/" + planId + "/print")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .extract()
                .asString();
    }

    /** The page is well-formed (polyglot HTML), so it is read strictly: a stray tag fails the test. */
    private static XmlPath html(String page) {
        return new XmlPath(page).using(XmlPathConfig.xmlPathConfig().allowDocTypeDeclaration(true));
    }

    private static List<String> texts(XmlPath html, String element, String cssClass) {
        return html.getList(
                "html.body.'**'.findAll { it.name() == '" + element + "' && it.@class == '" + cssClass
                        + "' }*.text()*.trim()",
                String.class);
    }

    @Test
    void printsTheWarmUpFirstThenTheMainExercisesInOrderWithTheirCatalogSteps() {
        String patient = Clinic.enrolNewPatient();
        String planId = Clinic.assignBuiltIn(patient, 0).getString("id");
        XmlPath html = html(print(Clinic.clara(), planId));

        assertEquals(
                List.of("Tips to remember", "Warm-up", "Main exercises", "Weekly log"),
                html.getList("html.body.'**'.findAll { it.name() == 'h2' }*.text()*.trim()", String.class));
        assertEquals(IN_ORDER, texts(html, "span", "name"));
        assertEquals(
                List.of("Light Cardio Warm-Up", "Resistance Band Pull-Apart"),
                html.getList(
                        "html.body.'**'.find { it.name() == 'section' && it.@id == 'warm-up' }.'**'.findAll { it.@class == 'name' }*.text()",
                        String.class));
        List<String> steps = html.getList(
                "html.body.'**'.findAll { it.name() == 'ol' && it.@class == 'steps' }"
                        + ".collectMany { it.li.collect { it.text().trim() } }",
                String.class);
        assertEquals(
                IN_ORDER.stream()
                        .flatMap(name -> Stream.of("First step of " + name + ".", "Second step of " + name + "."))
                        .toList(),
                steps);
    }

    @Test
    void printsEachDoseInWordsWithLoadRestAndTheArticlesTips() {
        String patient = Clinic.enrolNewPatient();
        String planId = Clinic.assignBuiltIn(patient, 0).getString("id");
        String page = print(Clinic.clara(), planId);

        List<String> doses = html(page)
                .getList(
                        "html.body.'**'.findAll { it.name() == 'article' }.collect { it.'**'.find { it.@class == 'amount' }.text() }",
                        String.class);
        assertEquals(
                List.of(
                        "5–10 minutes — first week: 5 minutes",
                        "2 sets of 15–20 reps — first week: 15 reps",
                        "1 set of 8–12 reps — first week: 8 reps",
                        "1 set of 8–12 reps — first week: 8 reps",
                        "1 set of 8–12 reps — first week: 8 reps",
                        "1 set of 8–12 reps each side — first week: 8 reps",
                        "1 set of 8–12 reps — first week: 8 reps",
                        "1 set of 8–12 reps — first week: 8 reps",
                        "1 set of 8–12 reps, hold 1 s at the top — first week: 8 reps",
                        "1 set of 10 reps each side"),
                doses);
        List<String> loads = html(page)
                .getList(
                        "html.body.'**'.findAll { it.name() == 'article' }.collect { it.'**'.find { it.@class == 'load' }.text() }",
                        String.class);
        assertEquals(
                List.of(
                        "bodyweight",
                        "yellow band",
                        "15 kg",
                        "bodyweight",
                        "4 kg",
                        "4 kg",
                        "bodyweight",
                        "bodyweight",
                        "bodyweight",
                        "3 kg"),
                loads);
        List<String> rests = html(page)
                .getList(
                        "html.body.'**'.findAll { it.name() == 'article' }.collect { it.'**'.find { it.@class == 'rest' }?.text() ?: '' }",
                        String.class);
        assertEquals(
                List.of(
                        "",
                        "30 s between sets",
                        "90 s between sets",
                        "90 s between sets",
                        "90 s between sets",
                        "1 min between sets",
                        "90 s between sets",
                        "90 s between sets",
                        "1 min between sets",
                        "90 s between sets"),
                rests);
        assertTrue(page.contains("Bodyweight until the hinge is solid"), "the item's note");
        for (String tip : List.of(
                "Start light and build slowly",
                "Focus on form over reps",
                "Stop if you feel pain beyond normal muscle fatigue",
                "If you have pre-existing back issues, consult a professional before starting")) {
            assertTrue(page.contains("<li>" + tip + "</li>"), tip);
        }
        assertFalse(page.contains("Printed without the how-to steps"));
    }

    @Test
    void logsEachWeekOnItsSessionDatesWithARowPerSet() {
        String patient = Clinic.enrolNewPatient();
        LocalDate start = LocalDate.of(2026, 3, 2); // a Monday
        String planId = given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "templateId", Clinic.BUILT_IN, "startDate", start.toString(), "weekdays", List.of(5, 1, 3)))
                .when()
                .post("/patients/" + patient + "/plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String page = print(Clinic.patient(patient), planId);
        XmlPath html = html(page);

        assertTrue(page.contains("Monday 2 March 2026"), "start date in words");
        assertTrue(page.contains("Sunday 29 March 2026"), "end date in words");
        assertTrue(page.contains("Mondays, Wednesdays and Fridays"), "weekdays in words");
        assertEquals(
                List.of("1", "2", "3", "4"),
                html.getList("html.body.'**'.findAll { it.name() == 'table' }*.@'data-week'", String.class));
        for (int week = 1; week <= 4; week++) {
            LocalDate monday = start.plusWeeks(week - 1L);
            List<String> expected = List.of(monday, monday.plusDays(2), monday.plusDays(4)).stream()
                    .map(LocalDate::toString)
                    .toList();
            assertEquals(
                    expected,
                    html.getList(
                            "html.body.'**'.find { it.name() == 'table' && it.@'data-week' == '" + week
                                    + "' }.thead.tr.th.findAll { it.@'data-date' != '' }*.@'data-date'",
                            String.class),
                    "week " + week);
        }
        assertTrue(page.contains(">Mon 2 Mar<") && page.contains(">Fri 27 Mar<"), "column headings in words");
        // Every set a session logs (per-side sets twice), then the next morning's pain.
        List<String> sets = html.getList(
                "html.body.'**'.find { it.name() == 'table' && it.@'data-week' == '1' }.tbody.tr.collect { it.td.find { it.@class == 'set' }?.text() ?: it.th.text() }",
                String.class);
        assertEquals(
                List.of(
                        "Time",
                        "Set 1",
                        "Set 2",
                        "Set 1",
                        "Set 1",
                        "Set 1",
                        "Set 1, left",
                        "Set 1, right",
                        "Set 1",
                        "Set 1",
                        "Set 1",
                        "Set 1, left",
                        "Set 1, right",
                        "Next morning: pain 0–10"),
                sets);
        assertEquals(
                13 * 3,
                html.getInt(
                        "html.body.'**'.find { it.name() == 'table' && it.@'data-week' == '1' }.tbody.'**'.findAll { it.name() == 'td' && it.@class == 'entry' && it.small.size() > 0 }.size()"),
                "a box for reps or load and one for pain on every set of every session");
    }

    @Test
    void printsForAPrintedPageWithoutAnyExternalAsset() {
        String patient = Clinic.enrolNewPatient();
        String page = print(Clinic.clara(), Clinic.assignBuiltIn(patient, 0).getString("id"));

        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("@page { size: auto; margin: 15mm; }"), "paper size from the printer: A4 or Letter");
        assertTrue(
                page.contains(".exercise {") && page.contains("break-inside: avoid;"),
                "an exercise never splits across pages");
        assertFalse(page.contains("<script"), "no scripts");
        assertFalse(page.contains("<link"), "no external stylesheets or fonts");
        assertFalse(
                page.contains("http://") || page.contains("https://") || page.contains("url("), "no external assets");
    }

    @Test
    void aCliniciansCopyNamesThePatientAndThePatientsOwnSaysYourPlan() {
        String patient = UUID.randomUUID().toString();
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("id", patient, "displayName", "<b>Bo</b> \"Tables\" & Co", "preExistingCondition", false))
                .when()
                .post("/patients")
                .then()
                .statusCode(201);
        String planId = Clinic.assignBuiltIn(patient, 0).getString("id");

        String clinicians = print(Clinic.clara(), planId);
        assertTrue(
                clinicians.contains("Plan for <strong>&lt;b&gt;Bo&lt;/b&gt; &quot;Tables&quot; &amp; Co</strong>"),
                "the display name, escaped");
        assertFalse(clinicians.contains("<b>Bo</b>"));
        String patients = print(Clinic.patient(patient), planId);
        assertTrue(patients.contains("Your plan"));
        assertFalse(patients.contains("Tables"), "the patient's copy does not need their name");
    }

    @Test
    void marksAPausedExerciseWithItsReasonAndLeavesItOutOfTheLog() {
        String patient = Clinic.enrolNewPatient();
        JsonPath plan = Clinic.assignBuiltIn(patient, 0);
        String planId = plan.getString("id");
        publishStopFlag(patient, planId, plan.getString("items[2].id"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Clinic.clara())
                        .when()
                        .get("/plans/" + planId)
                        .then()
                        .body("items[2].paused", equalTo(true)));

        XmlPath html = html(print(Clinic.patient(patient), planId));
        String paused = html.getString(
                "html.body.'**'.find { it.name() == 'article' && it.@class == 'exercise paused' }.text()");
        assertTrue(paused.contains("Lat Pulldown"), paused);
        assertTrue(paused.contains("Paused: do not do this exercise for now."), paused);
        assertTrue(paused.contains("pain 7 in set 1"), "the reason: " + paused);
        assertEquals(
                List.of("paused"),
                html.getList(
                        "html.body.'**'.find { it.name() == 'table' && it.@'data-week' == '1' }"
                                + ".tbody.tr.findAll { it.@class.text().contains('paused') }.td.findAll { it.@class == 'set' }*.text()",
                        String.class));
    }

    @Test
    void printsWithoutTheStepsAndSaysSoWhenTheCatalogIsDown() {
        String patient = Clinic.enrolNewPatient();
        String planId = Clinic.assignBuiltIn(patient, 0).getString("id");
        StubMapping down = CatalogStub.server()
                .stubFor(get(urlPathMatching("/exercises/.*/versions/.*"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        catalogVersions.invalidateAll().await().indefinitely();
        try {
            given().auth()
                    .oauth2(Clinic.clara())
                    .when()
                    .get("/plans/" + planId + "/print")
                    .then()
                    .statusCode(200)
                    .body(containsString("Printed without the how-to steps."))
                    .body(containsString("Resistance Band Pull-Apart"))
                    .body(containsString("1 set of 8–12 reps — first week: 8 reps"))
                    .body(containsString("Start light and build slowly"))
                    .body(containsString("data-week=\"4\""))
                    .body(not(containsString("First step of")));
        } finally {
            CatalogStub.server().removeStub(down);
        }
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + planId + "/print")
                .then()
                .statusCode(200)
                .body(containsString("First step of Lat Pulldown."));
    }

    @Test
    void onlyThePlansClinicAndItsPatientMayPrintIt() {
        String patient = Clinic.enrolNewPatient();
        String planId = Clinic.assignBuiltIn(patient, 0).getString("id");

        given().when().get("/plans/" + planId + "/print").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.analyst("anna"))
                .when()
                .get("/plans/" + planId + "/print")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/plans/" + planId + "/print")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Clinic.patient(UUID.randomUUID().toString()))
                .accept(ContentType.HTML)
                .when()
                .get("/plans/" + planId + "/print")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + UUID.randomUUID() + "/print")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.patient(patient))
                .when()
                .get("/plans/" + planId + "/print")
                .then()
                .statusCode(200);
    }

    @Test
    void aPlanIdThatIsNotAUuidFindsNothing() {
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/not-a-plan/print")
                .then()
                .statusCode(404);
    }

    private static void publishStopFlag(String patientId, String planId, String itemId) {
        Map<String, Object> flag = Map.of(
                "flagId",
                UUID.randomUUID().toString(),
                "patientId",
                patientId,
                "clinicId",
                "clinic-a",
                "planId",
                planId,
                "itemId",
                itemId,
                "exerciseId",
                "lat-pulldown",
                "severity",
                "STOP",
                "rule",
                "PAIN_ABOVE_FIVE",
                "evidence",
                "pain 7 in set 1",
                "raisedAt",
                OffsetDateTime.now().toString());
        ProgressEvents.publish(patientId, UUID.randomUUID().toString(), EventTypes.PAIN_FLAGGED, flag);
    }
}
