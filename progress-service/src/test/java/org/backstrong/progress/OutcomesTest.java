package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;

/**
 * Outcome measures through the real broker and consumer: stored once per response, judged per measure for
 * the patient's clinicians and the patient, unknown fields ignored, an invalid one parked; and the analysts'
 * responder share per clinic, template and measure without groups of fewer than five patients.
 */
@QuarkusTest
@TestProfile(AnalystScopeTest.DefaultMinimumGroupSize.class)
class OutcomesTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000e1";
    private static final String ANALYST = "11111111-1111-4111-8111-0000000000e2";
    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void storesEachResponseOnceAndJudgesTheLatestFollowUpAgainstTheBaseline() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        String followUp = UUID.randomUUID().toString();
        EventStream outcomes = new EventStream();
        outcome(
                outcomes,
                scenario.patient,
                scenario.clinic,
                scenario.plan,
                UUID.randomUUID().toString(),
                "RMDQ",
                "BASELINE",
                0,
                14);
        outcome(outcomes, scenario.patient, scenario.clinic, scenario.plan, followUp, "RMDQ", "FOLLOW_UP", 14, 8);
        // The same response sent again under a new event id: stored once.
        outcome(outcomes, scenario.patient, scenario.clinic, scenario.plan, followUp, "RMDQ", "FOLLOW_UP", 14, 8);
        outcomes.addWithFieldsAdded(
                Topics.SET_EVENTS,
                EventTypes.OUTCOME_RECORDED,
                scenario.patient,
                "2026-03-02T18:10:00Z",
                outcomeData(
                        scenario.patient,
                        scenario.clinic,
                        scenario.plan,
                        UUID.randomUUID().toString(),
                        "NPRS",
                        "BASELINE",
                        0,
                        6),
                data -> data.put("language", Map.of("code", "en", "translated", false)));
        outcomes.addInvalid(
                Topics.SET_EVENTS,
                EventTypes.OUTCOME_RECORDED,
                scenario.patient,
                "2026-03-02T18:20:00Z",
                outcomeData(
                        scenario.patient,
                        scenario.clinic,
                        scenario.plan,
                        UUID.randomUUID().toString(),
                        "SF36",
                        "BASELINE",
                        0,
                        40));
        outcomes.sendTo(bootstrap, Topics.SET_EVENTS);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/outcomes")
                        .then()
                        .statusCode(200)
                        .body("measures.measure", contains("NPRS", "RMDQ"))
                        .body("measures[1].followUps", hasSize(1)));
        given().auth()
                .oauth2(TestTokens.patient(scenario.patient, scenario.clinic))
                .when()
                .get("/patients/" + scenario.patient + "/outcomes")
                .then()
                .statusCode(200)
                .body("patientId", equalTo(scenario.patient))
                .body("measures[0].rule", equalTo("NO_FOLLOW_UP_YET"))
                .body("measures[0].clinicallyImportant", nullValue())
                .body("measures[0].latest", nullValue())
                .body("measures[0].reason", equalTo("NPRS 6 at baseline: no follow-up yet"))
                .body("measures[1].baseline.score", equalTo(14))
                .body("measures[1].baseline.occasion", equalTo("BASELINE"))
                .body("measures[1].latest.outcomeId", equalTo(followUp))
                .body("measures[1].latest.completedOn", equalTo("2026-03-16"))
                .body("measures[1].rule", equalTo("IMPROVED_BY_POINTS"))
                .body("measures[1].clinicallyImportant", equalTo(true))
                .body("measures[1].numbers.change", equalTo(-6))
                .body("measures[1].numbers.improvement", equalTo(6))
                .body("measures[1].numbers.percent", equalTo(42.9f))
                .body("measures[1].numbers.pointsThreshold", equalTo(5))
                .body("measures[1].numbers.percentThreshold", equalTo(30))
                .body(
                        "measures[1].reason",
                        equalTo("RMDQ 14 → 8: improved by 6 points (43 %), clinically important (≥ 5 points)"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked =
                    KafkaProbe.read(bootstrap, Topics.deadLetter(Topics.SET_EVENTS), 10_000, Duration.ofSeconds(3))
                            .stream()
                            .filter(record -> scenario.patient.equals(record.key()))
                            .toList();
            assertEquals(1, parked.size());
            assertEquals(outcomes.records().get(4).id(), EventReplayTest.header(parked.get(0), "ce_id"));
        });
    }

    @Test
    void showsAPatientsOutcomesOnlyToTheirClinicAndThemselves() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        EventStream outcomes = new EventStream();
        outcome(
                outcomes,
                scenario.patient,
                scenario.clinic,
                scenario.plan,
                UUID.randomUUID().toString(),
                "ODI",
                "BASELINE",
                0,
                40);
        outcomes.sendTo(bootstrap, Topics.SET_EVENTS);
        // Known to the clinic by its response alone (no plan event yet).
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/outcomes")
                        .then()
                        .statusCode(200)
                        .body("measures.measure", contains("ODI")));
        String path = "/patients/" + scenario.patient + "/outcomes";
        given().when().get(path).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, "another-clinic"))
                .when()
                .get(path)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID().toString(), scenario.clinic))
                .when()
                .get(path)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.analyst(ANALYST, scenario.clinic))
                .when()
                .get(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                .when()
                .get("/patients/not a patient/outcomes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String stranger = UUID.randomUUID().toString();
        given().auth()
                .oauth2(TestTokens.patient(stranger, scenario.clinic))
                .when()
                .get("/patients/" + stranger + "/outcomes")
                .then()
                .statusCode(200)
                .body("measures", hasSize(0));
    }

    /**
     * Seven patients of one clinic: five on one template (three reach the RMDQ's important change, one does
     * not, one is worse) and two on another (a group of two, left out); one more has a baseline only and
     * counts nowhere.
     */
    @Test
    void analystsSeeTheResponderSharePerClinicTemplateAndMeasureWithoutSmallGroups() {
        String clinic = "clinic-outcomes-" + UUID.randomUUID().toString().substring(0, 8);
        String big = UUID.randomUUID().toString();
        String small = UUID.randomUUID().toString();
        EventStream plans = new EventStream();
        EventStream outcomes = new EventStream();
        int[][] rmdq = {{14, 8}, {12, 8}, {20, 10}, {10, 9}, {10, 14}};
        for (int[] scores : rmdq) {
            patient(plans, outcomes, clinic, big, scores[0], scores[1]);
        }
        patient(plans, outcomes, clinic, small, 14, 4);
        patient(plans, outcomes, clinic, small, 14, 13);
        String baselineOnly = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        plan(plans, baselineOnly, clinic, plan, big);
        outcome(outcomes, baselineOnly, clinic, plan, UUID.randomUUID().toString(), "RMDQ", "BASELINE", 0, 16);
        plans.sendTo(bootstrap, Topics.PLAN_EVENTS);
        outcomes.sendTo(bootstrap, Topics.SET_EVENTS);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.analyst(ANALYST, clinic))
                        .when()
                        .get("/adherence/responders")
                        .then()
                        .statusCode(200)
                        .body("clinics", contains(clinic))
                        .body("rows", hasSize(1))
                        .body("rows[0].clinic", equalTo(clinic))
                        .body("rows[0].template", equalTo(big))
                        .body("rows[0].measure", equalTo("RMDQ"))
                        .body("rows[0].patients", equalTo(5))
                        .body("rows[0].responders", equalTo(3))
                        .body("rows[0].responderPercent", equalTo(60.0f))
                        .body("suppressed", equalTo(1))
                        .body("minimumGroupSize", equalTo(5))
                        .body("note", containsString("1 group is not shown")));
        String csv = given().auth()
                .oauth2(TestTokens.analyst(ANALYST, clinic))
                .accept("text/csv")
                .queryParam("clinic", clinic)
                .when()
                .get("/adherence/responders")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                "clinic,template,measure,patients,responders,responderPercent\r\n"
                        + clinic + "," + big + ",RMDQ,5,3,60.0\r\n"
                        + "1 group is not shown: groups of fewer than 5 patients are suppressed,,,,,\r\n",
                csv);
        given().when().get("/adherence/responders").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, clinic))
                .when()
                .get("/adherence/responders")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.analyst(ANALYST, clinic))
                .queryParam("clinic", "another-clinic")
                .when()
                .get("/adherence/responders")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.analyst(ANALYST, clinic))
                .queryParam("clinic", "not a clinic")
                .when()
                .get("/adherence/responders")
                .then()
                .statusCode(400);
    }

    private static void patient(
            EventStream plans, EventStream outcomes, String clinic, String template, int baseline, int latest) {
        String patient = UUID.randomUUID().toString();
        String plan = UUID.randomUUID().toString();
        plan(plans, patient, clinic, plan, template);
        outcome(outcomes, patient, clinic, plan, UUID.randomUUID().toString(), "RMDQ", "BASELINE", 0, baseline);
        outcome(
                outcomes,
                patient,
                clinic,
                plan,
                UUID.randomUUID().toString(),
                "RMDQ",
                "FOLLOW_UP",
                14,
                (baseline + latest) / 2);
        outcome(outcomes, patient, clinic, plan, UUID.randomUUID().toString(), "RMDQ", "END_OF_PLAN", 28, latest);
    }

    private static void plan(EventStream plans, String patient, String clinic, String plan, String template) {
        plans.add(
                Topics.PLAN_EVENTS,
                EventTypes.PLAN_ASSIGNED,
                patient,
                "2026-03-01T18:00:00Z",
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
                        "Outcomes",
                        "startDate",
                        START.toString(),
                        "weeks",
                        4,
                        "weekdays",
                        List.of(1, 3, 5),
                        "status",
                        "active",
                        "items",
                        List.of(EventStream.dumbbellRowItem(UUID.randomUUID().toString()))));
    }

    private static void outcome(
            EventStream stream,
            String patient,
            String clinic,
            String plan,
            String outcomeId,
            String measure,
            String occasion,
            int day,
            double score) {
        stream.add(
                Topics.SET_EVENTS,
                EventTypes.OUTCOME_RECORDED,
                patient,
                START.plusDays(day) + "T18:05:00Z",
                outcomeData(patient, clinic, plan, outcomeId, measure, occasion, day, score));
    }

    /** OutcomeRecorded's data as planner-service sends it, for a measure of the contract (or, for the tests of refusals, not). */
    static Map<String, Object> outcomeData(
            String patient,
            String clinic,
            String plan,
            String outcomeId,
            String measure,
            String occasion,
            int day,
            double score) {
        int scaleMax = switch (measure) {
            case "RMDQ" -> 24;
            case "ODI" -> 100;
            default -> 10;
        };
        List<Object> scored = new ArrayList<>();
        scored.add(score == Math.rint(score) ? (Object) (int) score : (Object) score);
        return data(
                "outcomeId",
                outcomeId,
                "patientId",
                patient,
                "clinicId",
                clinic,
                "planId",
                plan,
                "measure",
                measure,
                "occasion",
                occasion,
                "dueOn",
                START.plusDays(day).toString(),
                "completedOn",
                START.plusDays(day).toString(),
                "score",
                scored.get(0),
                "scaleMax",
                scaleMax,
                "higherIsBetter",
                "PSFS".equals(measure),
                "itemsAnswered",
                scaleMax == 24 ? 24 : 10,
                "itemsTotal",
                scaleMax == 24 ? 24 : 10,
                "questionnaire",
                "https://backstrong.org/fhir/Questionnaire/" + measure.toLowerCase() + "|1.0.0",
                "loggedAt",
                START.plusDays(day) + "T18:05:00Z");
    }
}
