package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.TestTokens;

/** Every endpoint: 401 without a token, 403 for the wrong role, 400 naming the field for bad input; analysts never see ids. */
@QuarkusTest
class AccessAndInputTest {

    private static final String CLARA = "11111111-1111-4111-8111-0000000000f1";
    private static final String ANNA = "33333333-3333-4333-8333-0000000000f1";
    private static final String PAUL = "22222222-2222-4222-8222-0000000000f1";
    private static final String FLAG = "/pain-flags/" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    record Call(String method, String path, Map<String, Object> body) {

        int send(RequestSpecification request) {
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            return request.request(method, path).statusCode();
        }
    }

    static Stream<Arguments> endpoints() {
        Map<String, Object> note = Map.of("note", "ok");
        return Stream.of(
                Arguments.of(new Call("GET", "/pain-flags", null), "analyst"),
                Arguments.of(new Call("GET", "/pain-flags/count", null), "analyst"),
                Arguments.of(new Call("POST", FLAG + "/acknowledge", null), "analyst"),
                Arguments.of(new Call("POST", FLAG + "/resolve", note), "analyst"),
                Arguments.of(new Call("GET", "/patients/" + PAUL + "/timeline", null), "analyst"),
                Arguments.of(new Call("GET", "/patients/" + PAUL + "/adherence", null), "analyst"),
                Arguments.of(new Call("GET", "/adherence", null), "clinician"),
                Arguments.of(new Call("GET", "/adherence/at-risk", null), "clinician"),
                Arguments.of(new Call("GET", "/adherence/pain-improvement", null), "clinician"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answers401WithoutAToken(Call call, String wrongRole) {
        org.junit.jupiter.api.Assertions.assertEquals(401, call.send(given()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void answers403ToAPatientAndToTheWrongRole(Call call, String wrongRole) {
        org.junit.jupiter.api.Assertions.assertEquals(
                403, call.send(given().auth().oauth2(TestTokens.patient(PAUL, "clinic-a"))));
        String token = "analyst".equals(wrongRole) ? TestTokens.analyst(ANNA) : TestTokens.clinician(CLARA, "clinic-a");
        org.junit.jupiter.api.Assertions.assertEquals(
                403, call.send(given().auth().oauth2(token)));
    }

    static Stream<Arguments> badInput() {
        String clinician = "clinician";
        String analyst = "analyst";
        return Stream.of(
                Arguments.of(
                        "a flag id that is no UUID",
                        clinician,
                        new Call("POST", "/pain-flags/42/acknowledge", null),
                        "id"),
                Arguments.of(
                        "a resolution without a note",
                        clinician,
                        new Call("POST", FLAG + "/resolve", Map.of("comment", "x")),
                        "note"),
                Arguments.of(
                        "a blank note", clinician, new Call("POST", FLAG + "/resolve", Map.of("note", "  ")), "note"),
                Arguments.of(
                        "a 3000 character note",
                        clinician,
                        new Call("POST", FLAG + "/resolve", Map.of("note", "x".repeat(3000))),
                        "note"),
                Arguments.of(
                        "a note that is a number list",
                        clinician,
                        new Call("POST", FLAG + "/resolve", Map.of("note", java.util.List.of(1, 2))),
                        "note"),
                Arguments.of("a negative page", clinician, new Call("GET", "/pain-flags?page=-1", null), "page"),
                Arguments.of(
                        "a timeline from no date",
                        clinician,
                        new Call("GET", "/patients/" + PAUL + "/timeline?from=yesterday", null),
                        "from"),
                Arguments.of(
                        "a timeline ending before it starts",
                        clinician,
                        new Call("GET", "/patients/" + PAUL + "/timeline?from=2026-03-10&to=2026-03-01", null),
                        "to"),
                Arguments.of(
                        "a patient id with spaces",
                        clinician,
                        new Call("GET", "/patients/paul%20p/timeline", null),
                        "id"),
                Arguments.of(
                        "a patient's adherence from no date",
                        clinician,
                        new Call("GET", "/patients/" + PAUL + "/adherence?from=yesterday", null),
                        "from"),
                Arguments.of(
                        "a patient's adherence ending before it starts",
                        clinician,
                        new Call("GET", "/patients/" + PAUL + "/adherence?from=2026-03-10&to=2026-03-01", null),
                        "to"),
                Arguments.of(
                        "a patient's adherence over ten years",
                        clinician,
                        new Call("GET", "/patients/" + PAUL + "/adherence?from=2016-03-01&to=2026-03-01", null),
                        "from"),
                Arguments.of(
                        "a patient's adherence of an id with spaces",
                        clinician,
                        new Call("GET", "/patients/paul%20p/adherence", null),
                        "id"),
                Arguments.of(
                        "an unknown grouping", analyst, new Call("GET", "/adherence?groupBy=month", null), "groupBy"),
                Arguments.of(
                        "a date that does not exist",
                        analyst,
                        new Call("GET", "/adherence?from=2026-02-30", null),
                        "from"),
                Arguments.of(
                        "a range ending before it starts",
                        analyst,
                        new Call("GET", "/adherence?from=2026-03-10&to=2026-03-01", null),
                        "to"),
                Arguments.of(
                        "a range of ten years",
                        analyst,
                        new Call("GET", "/adherence?from=2016-03-01&to=2026-03-01", null),
                        "from"),
                Arguments.of(
                        "a clinic id with a quote", analyst, new Call("GET", "/adherence?clinic=a'b", null), "clinic"),
                Arguments.of(
                        "an at-risk date that is no date",
                        analyst,
                        new Call("GET", "/adherence/at-risk?asOf=2026-13-01", null),
                        "asOf"),
                Arguments.of(
                        "an at-risk clinic with spaces",
                        analyst,
                        new Call("GET", "/adherence/at-risk?clinic=a%20b", null),
                        "clinic"),
                Arguments.of(
                        "a pain-improvement clinic with spaces",
                        analyst,
                        new Call("GET", "/adherence/pain-improvement?clinic=a%20b", null),
                        "clinic"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void rejectsBadInputNamingTheField(String what, String role, Call call, String field) {
        String token = "analyst".equals(role) ? TestTokens.analyst(ANNA) : TestTokens.clinician(CLARA, "clinic-a");
        RequestSpecification request = given().auth().oauth2(token);
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        request.request(call.method(), call.path())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", startsWith("https://backstrong.org/problems/"))
                .body("field", equalTo(field));
    }

    @Test
    void rejectsMalformedJsonAndAMissingBody() {
        String clara = TestTokens.clinician(CLARA, "clinic-a");
        given().auth()
                .oauth2(clara)
                .contentType(ContentType.JSON)
                .body("{\"note\": ")
                .when()
                .post(FLAG + "/resolve")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("body"));
        given().auth()
                .oauth2(clara)
                .contentType(ContentType.JSON)
                .when()
                .post(FLAG + "/resolve")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("body"));
    }

    @Test
    void answers404ForAnotherClinicsPatientsTimeline() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLARA, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200));
        given().auth()
                .oauth2(TestTokens.clinician(CLARA, "clinic-elsewhere"))
                .when()
                .get("/patients/" + scenario.patient + "/timeline")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body(not(containsString(scenario.patient)));
    }

    /** Every analyst answer, JSON and CSV, in each grouping, after sets with notes: not a word of the notes. */
    @Test
    void neverGivesAnalystsWhatPatientsWrote() {
        NotedSetsScenario scenario = NotedSetsScenario.applied(bootstrap);
        String anna = TestTokens.analyst(ANNA, scenario.clinic);
        for (String groupBy : List.of("week", "patient", "template", "exercise")) {
            for (String accept : List.of("application/json", "text/csv")) {
                String answer = given().auth()
                        .oauth2(anna)
                        .accept(accept)
                        .queryParam("clinic", scenario.clinic)
                        .queryParam("from", "2026-03-02")
                        .queryParam("to", "2026-03-08")
                        .queryParam("groupBy", groupBy)
                        .when()
                        .get("/adherence")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                assertNoNote(answer, groupBy + " as " + accept);
            }
        }
        // The rows are there (so the check above read real answers): the session and its three sets.
        given().auth()
                .oauth2(anna)
                .queryParam("clinic", scenario.clinic)
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-08")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows[0].setsLogged", equalTo(3))
                .body("rows[0].peakPain", equalTo(7));
        assertNoNote(
                given().auth()
                        .oauth2(anna)
                        .queryParam("clinic", scenario.clinic)
                        .queryParam("asOf", "2026-03-08")
                        .when()
                        .get("/adherence/at-risk")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                "at-risk");
        assertNoNote(
                given().auth()
                        .oauth2(anna)
                        .queryParam("clinic", scenario.clinic)
                        .when()
                        .get("/adherence/pain-improvement")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString(),
                "pain-improvement");
        // Where the notes are, analysts may not go.
        given().auth()
                .oauth2(anna)
                .when()
                .get("/patients/" + scenario.patient + "/timeline")
                .then()
                .statusCode(403);
        given().auth().oauth2(anna).when().get("/pain-flags").then().statusCode(403);
    }

    private static void assertNoNote(String answer, String what) {
        for (String words : List.of("felt easy", "<b>no</b>", "sharp pain", "left side", "patient wrote")) {
            assertFalse(answer.contains(words), what + " shows \"" + words + "\": " + answer);
        }
    }

    @Test
    void givesAnalystsCsvWithPseudonymsOnly() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.analyst(ANNA, scenario.clinic))
                        .accept("text/csv")
                        .queryParam("clinic", scenario.clinic)
                        .queryParam("from", "2026-03-02")
                        .queryParam("to", "2026-03-22")
                        .queryParam("groupBy", "patient")
                        .when()
                        .get("/adherence")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith("text/csv"))
                        .body(startsWith(
                                "patient,patients,sessionsScheduled,sessionsCompleted,sessionAdherencePercent,"))
                        .body(containsString(",1,9,0,0.0,45,0,0.0,,\r\n"))
                        .body(not(containsString(scenario.patient))));
        given().auth()
                .oauth2(TestTokens.analyst(ANNA, scenario.clinic))
                .queryParam("clinic", scenario.clinic)
                .queryParam("asOf", "2026-03-22")
                .when()
                .get("/adherence/at-risk")
                .then()
                .statusCode(200)
                .body("rows.size()", equalTo(1))
                .body("rows[0].adherencePercent", equalTo(0.0f))
                .body(not(containsString(scenario.patient)));
        given().auth()
                .oauth2(TestTokens.analyst(ANNA, scenario.clinic))
                .queryParam("clinic", scenario.clinic)
                .when()
                .get("/adherence/pain-improvement")
                .then()
                .statusCode(200)
                .body("patients", equalTo(0))
                .body("improved", equalTo(0));
    }
}
