package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.TestTokens;

/**
 * Analysts see only the clinics of their token's clinic_ids, and no group of fewer than five
 * patients (the default, which this profile keeps). On Wednesday 11 March 2026 (the clock fixed):
 * a big clinic of five patients on Mon-Wed-Fri plans from 2 March, each at one pain level (1, 2, 3,
 * 5, 7), three of them at 2 of 5 sessions due (at risk), two at 4 of 5; and a small clinic of two
 * patients at 2 of 5.
 */
@QuarkusTest
@TestProfile(AnalystScopeTest.DefaultMinimumGroupSize.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystScopeTest {

    /** The service as deployed: groups of fewer than five are suppressed. */
    public static final class DefaultMinimumGroupSize implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backstrong.adherence.minimum-group-size", "5");
        }
    }

    private static final String ANALYST = "33333333-3333-4333-8333-0000000000b7";
    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000b7";
    private static final Instant WEDNESDAY_NOON = Instant.parse("2026-03-11T12:00:00Z");
    private static final String SUPPRESSED_WEEKS =
            "2 weeks are not shown: groups of fewer than 5 patients are suppressed";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String big = "big-" + suffix;
    final String small = "small-" + suffix;
    final String template = UUID.randomUUID().toString();
    final List<String> patientIds = new ArrayList<>();

    private boolean applied;

    @BeforeEach
    void todayIsWednesdayTheEleventh() throws Exception {
        QuarkusMock.installMockForType(Clock.fixed(WEDNESDAY_NOON, ZoneOffset.UTC), Clock.class);
        // Once for the class (one instance): REST Assured knows the service's port only from here on.
        if (!applied) {
            twoClinicsApplied();
            applied = true;
        }
    }

    private void twoClinicsApplied() throws Exception {
        EventStream stream = new EventStream();
        List<String> lessOften = List.of("2026-03-02", "2026-03-09");
        List<String> often = List.of("2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09");
        int[] pains = {1, 2, 3, 5, 7};
        String last = null;
        for (int i = 0; i < pains.length; i++) {
            last = patient(stream, big, pains[i], i < 3 ? lessOften : often);
        }
        for (int i = 0; i < 2; i++) {
            patient(stream, small, 2, lessOften);
        }
        stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        String known = last;
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, big))
                        .when()
                        .get("/patients/" + known + "/timeline")
                        .then()
                        .statusCode(200));
        stream.sendTo(bootstrap, Topics.SET_EVENTS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token).queryParam("from", "2026-03-02").queryParam("to", "2026-03-11");
    }

    private String bothClinics() {
        return TestTokens.analyst(ANALYST, small, big);
    }

    @Test
    void aGroupOfFivePatientsIsShown() {
        as(bothClinics())
                .queryParam("clinic", big)
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("clinics", contains(big))
                .body("rows.key", contains("2026-W10", "2026-W11"))
                .body("rows.patients", contains(5, 5))
                .body("suppressed", equalTo(0))
                .body("minimumGroupSize", equalTo(5))
                .body("note", nullValue());
    }

    @Test
    void aGroupOfTwoIsSuppressedAndTheAnswerSaysSo() {
        as(bothClinics())
                .queryParam("clinic", small)
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows", empty())
                .body("suppressed", equalTo(2))
                .body("note", equalTo(SUPPRESSED_WEEKS));
        as(bothClinics())
                .queryParam("clinic", small)
                .queryParam("groupBy", "template")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows", empty())
                .body("suppressed", equalTo(1));
        as(bothClinics())
                .queryParam("clinic", small)
                .queryParam("groupBy", "exercise")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows", empty())
                .body("suppressed", equalTo(1));
        as(bothClinics())
                .accept("text/csv")
                .queryParam("clinic", small)
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body(equalTo(
                        "week,patients,sessionsScheduled,sessionsCompleted,sessionAdherencePercent,setsPrescribed,"
                                + "setsLogged,setAdherencePercent,meanPain,peakPain\r\n"
                                + SUPPRESSED_WEEKS + ",,,,,,,,,\r\n"));
    }

    @Test
    void allClinicsAreAllOfTheAnalysts() {
        as(bothClinics())
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("clinic", nullValue())
                .body("clinics", contains(big, small))
                .body("rows.patients", contains(7, 7));
        as(TestTokens.analyst(ANALYST, big))
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("clinics", contains(big))
                .body("rows.patients", contains(5, 5));
        // An analyst of no clinic reads none.
        as(TestTokens.analyst(ANALYST))
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("clinics", empty())
                .body("rows", empty())
                .body("suppressed", equalTo(0));
    }

    @Test
    void anotherClinicIsNotFoundInEveryAnswer() {
        String bigOnly = TestTokens.analyst(ANALYST, big);
        for (String path : List.of("/adherence", "/adherence/at-risk", "/adherence/pain-improvement")) {
            for (String token : List.of(bigOnly, TestTokens.analyst(ANALYST))) {
                String other = token.equals(bigOnly) ? small : big;
                given().auth()
                        .oauth2(token)
                        .queryParam("clinic", other)
                        .when()
                        .get(path)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("status", equalTo(404));
            }
        }
        given().auth()
                .oauth2(bigOnly)
                .accept("text/csv")
                .queryParam("clinic", small)
                .when()
                .get("/adherence")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(bigOnly)
                .queryParam("clinic", "clinic-nobody-has")
                .when()
                .get("/adherence")
                .then()
                .statusCode(404);
    }

    @Test
    void patientRowsCarryNoClinicAndPainOnlyAsBands() {
        String answer = as(bothClinics())
                .queryParam("clinic", big)
                .queryParam("groupBy", "patient")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows", hasSize(5))
                .body("rows.meanPain", everyItem(nullValue()))
                .body("rows.peakPain", everyItem(nullValue()))
                .body("rows.meanPainBand", containsInAnyOrder("0-2", "0-2", "3-5", "3-5", "6-10"))
                .body("rows.peakPainBand", containsInAnyOrder("0-2", "0-2", "3-5", "3-5", "6-10"))
                .body("rows.sessionsScheduled", everyItem(equalTo(5)))
                .body("rows[0]", not(org.hamcrest.Matchers.hasKey("clinicId")))
                .body("suppressed", equalTo(0))
                .extract()
                .asString();
        assertNoPatientId(answer);
        String csv = as(bothClinics())
                .accept("text/csv")
                .queryParam("clinic", big)
                .queryParam("groupBy", "patient")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body(
                        org.hamcrest.Matchers.startsWith(
                                "patient,patients,sessionsScheduled,sessionsCompleted,"
                                        + "sessionAdherencePercent,setsPrescribed,setsLogged,setAdherencePercent,meanPainBand,peakPainBand\r\n"))
                .body(containsString(",6-10,6-10\r\n"))
                .extract()
                .asString();
        assertEquals(6, csv.split("\r\n").length, csv);
        assertNoPatientId(csv);
        assertFalse(csv.contains(big), "the clinic in " + csv);
    }

    @Test
    void patientRowsOfFewerThanFiveAreAllSuppressed() {
        as(bothClinics())
                .queryParam("clinic", small)
                .queryParam("groupBy", "patient")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows", empty())
                .body("suppressed", equalTo(1))
                .body(
                        "note",
                        equalTo(
                                "1 group of single patients is not shown: groups of fewer than 5 patients are suppressed"));
        String csv = as(bothClinics())
                .accept("text/csv")
                .queryParam("clinic", small)
                .queryParam("groupBy", "patient")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                List.of(
                        "patient,patients,sessionsScheduled,sessionsCompleted,sessionAdherencePercent,setsPrescribed,"
                                + "setsLogged,setAdherencePercent,meanPainBand,peakPainBand",
                        "1 group of single patients is not shown: groups of fewer than 5 patients are suppressed,,,,,,,,,"),
                List.of(csv.split("\r\n")));
    }

    @Test
    void atRiskPatientsAreShownOnlyWhenDrawnFromFiveOrMore() {
        String answer = given().auth()
                .oauth2(bothClinics())
                .queryParam("clinic", big)
                .when()
                .get("/adherence/at-risk")
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2026-03-11"))
                .body("rows", hasSize(3))
                .body("rows.sessionsScheduled", everyItem(equalTo(5)))
                .body("rows.sessionsCompleted", everyItem(equalTo(2)))
                .body("rows[0]", not(org.hamcrest.Matchers.hasKey("clinicId")))
                .body("suppressed", equalTo(0))
                .extract()
                .asString();
        assertNoPatientId(answer);
        given().auth()
                .oauth2(bothClinics())
                .queryParam("clinic", small)
                .when()
                .get("/adherence/at-risk")
                .then()
                .statusCode(200)
                .body("rows", empty())
                .body("suppressed", equalTo(1))
                .body(
                        "note",
                        equalTo(
                                "1 group of single patients is not shown: groups of fewer than 5 patients are suppressed"));
        // Both clinics: seven patients with sessions due, five of them at risk.
        given().auth()
                .oauth2(bothClinics())
                .when()
                .get("/adherence/at-risk")
                .then()
                .statusCode(200)
                .body("rows", hasSize(5))
                .body("suppressed", equalTo(0));
    }

    @Test
    void painImprovementOfFewerThanFiveIsSuppressed() {
        given().auth()
                .oauth2(bothClinics())
                .queryParam("clinic", big)
                .when()
                .get("/adherence/pain-improvement")
                .then()
                .statusCode(200)
                .body("patients", equalTo(5))
                .body("improved", equalTo(0))
                .body("improvedPercent", equalTo(0.0f))
                .body("suppressed", equalTo(false));
        given().auth()
                .oauth2(bothClinics())
                .queryParam("clinic", small)
                .when()
                .get("/adherence/pain-improvement")
                .then()
                .statusCode(200)
                .body("patients", nullValue())
                .body("improved", nullValue())
                .body("improvedPercent", nullValue())
                .body("suppressed", equalTo(true))
                .body("note", equalTo("1 share is not shown: groups of fewer than 5 patients are suppressed"));
    }

    private void assertNoPatientId(String answer) {
        for (String id : patientIds) {
            assertFalse(answer.contains(id), "a patient id in " + answer);
        }
    }

    /** A patient of the clinic on a three-week Mon-Wed-Fri plan from 2 March (a dumbbell row of 2 sets), at one pain level. */
    private String patient(EventStream stream, String clinic, int pain, List<String> sessions) {
        String patient = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        String row = UUID.randomUUID().toString();
        patientIds.add(patient);
        stream.add(
                Topics.PLAN_EVENTS,
                EventTypes.PLAN_ASSIGNED,
                patient,
                "2026-03-02T06:00:00Z",
                data(
                        "planId",
                        plan,
                        "patientId",
                        patient,
                        "clinicId",
                        clinic,
                        "templateId",
                        template,
                        "name",
                        "Scope",
                        "startDate",
                        "2026-03-02",
                        "weeks",
                        3,
                        "weekdays",
                        List.of(1, 3, 5),
                        "status",
                        "active",
                        "items",
                        List.of(EventStream.dumbbellRowItem(row))));
        for (String date : sessions) {
            for (int n = 1; n <= 2; n++) {
                String at = date + "T07:0" + n + ":00Z";
                stream.add(
                        Topics.SET_EVENTS,
                        EventTypes.SET_COMPLETED,
                        patient,
                        at,
                        data(
                                "setId",
                                UUID.randomUUID().toString(),
                                "patientId",
                                patient,
                                "clinicId",
                                clinic,
                                "planId",
                                plan,
                                "itemId",
                                row,
                                "exerciseId",
                                "dumbbell-row",
                                "sessionDate",
                                date,
                                "setNumber",
                                n,
                                "side",
                                null,
                                "reps",
                                10,
                                "seconds",
                                null,
                                "loadKg",
                                10.0,
                                "band",
                                null,
                                "rir",
                                2,
                                "rpe",
                                null,
                                "pain",
                                pain,
                                "beyondNormalFatigue",
                                false,
                                "loggedAt",
                                at));
            }
            String at = date + "T07:30:00Z";
            stream.add(
                    Topics.SET_EVENTS,
                    EventTypes.SESSION_COMPLETED,
                    patient,
                    at,
                    data(
                            "patientId",
                            patient,
                            "clinicId",
                            clinic,
                            "planId",
                            plan,
                            "sessionDate",
                            date,
                            "setsPrescribed",
                            2,
                            "setsLogged",
                            2,
                            "completedAt",
                            at));
        }
        return patient;
    }
}
