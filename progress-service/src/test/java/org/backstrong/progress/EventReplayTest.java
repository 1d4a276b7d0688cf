package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;

/** A known event stream gives exactly the expected decisions, flags and adherence, once and after a replay. */
@QuarkusTest
class EventReplayTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000c1";
    private static final String ANALYST = "33333333-3333-4333-8333-0000000000a1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aKnownStreamGivesTheExpectedDecisionsFlagsAndAdherenceAndAReplayChangesNothing() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        planFirst(scenario);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> timeline(scenario).body("decisions", hasSize(8)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));
        assertEverything(scenario);

        scenario.stream.sendTo(bootstrap);
        // Offsets are committed only after an event's transaction: once nothing is behind, the replay was applied.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));
        assertEverything(scenario);
    }

    private void assertEverything(ThreeWeekScenario scenario) {
        timeline(scenario)
                .body(
                        "decisions.sessionDate",
                        contains(
                                "2026-03-02",
                                "2026-03-02",
                                "2026-03-09",
                                "2026-03-09",
                                "2026-03-11",
                                "2026-03-11",
                                "2026-03-13",
                                "2026-03-13"))
                .body(
                        "decisions.findAll { it.exerciseId == 'dumbbell-row' }.rule",
                        contains("FIRST_WEEK_START_LIGHT", "ADD_SET", "WATCH_FLAG_OPEN", "STOP_FLAG_OPEN"))
                .body(
                        "decisions.findAll { it.exerciseId == 'side-plank' }.rule",
                        contains("FIRST_WEEK_START_LIGHT", "LONGER_HOLD", "WATCH_FLAG_OPEN", "WATCH_FLAG_OPEN"))
                .body(
                        "decisions[2].reason",
                        equalTo("You did all 2 sets at 12 reps with reps to spare, so we added a set (3 sets)."))
                .body("decisions[2].after.sets", equalTo(3))
                .body("decisions[2].inputs.setsLogged", equalTo(2))
                .body(
                        "decisions[3].reason",
                        equalTo(
                                "You did all 2 sets at 40 seconds with effort to spare, so you now hold 25–45 seconds."))
                .body("decisions[3].after.secondsMin", equalTo(25))
                .body("decisions[3].after.secondsMax", equalTo(45))
                .body("flags.rule", contains("MORNING_PAIN_ROSE", "PAIN_ABOVE_FIVE"))
                .body("flags.severity", contains("WATCH", "STOP"))
                .body(
                        "flags[0].evidence",
                        equalTo("morning pain 4 on 2026-03-10 after a pre-session level of 1 (up 3; 2 or more flags)"))
                .body("flags[1].evidence", equalTo("pain 7 during set 1 (above 5)"))
                .body("flags[1].exerciseId", equalTo("dumbbell-row"))
                .body("checkIns.settled", contains(true, false))
                .body("sessions.counted", contains(true, true, true, false));

        given().auth()
                .oauth2(TestTokens.analyst(ANALYST, scenario.clinic))
                .queryParam("clinic", scenario.clinic)
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-22")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows.key", contains("2026-W10", "2026-W11", "2026-W12"))
                .body("rows.sessionsScheduled", contains(3, 3, 3))
                .body("rows.sessionsCompleted", contains(1, 2, 0))
                .body("rows.sessionAdherencePercent", contains(33.3f, 66.7f, 0.0f))
                .body("rows.setsPrescribed", contains(15, 17, 18))
                .body("rows.setsLogged", contains(5, 13, 0))
                .body("rows[1].setAdherencePercent", equalTo(76.5f))
                .body("rows[0].meanPain", equalTo(1.8f))
                .body("rows[1].meanPain", equalTo(2.3f))
                .body("rows[1].peakPain", equalTo(7));

        given().auth()
                .oauth2(TestTokens.analyst(ANALYST, scenario.clinic))
                .queryParam("clinic", scenario.clinic)
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-22")
                .queryParam("groupBy", "exercise")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows.key", contains("band-pull-apart", "dumbbell-row", "side-plank"))
                .body("rows.setsPrescribed", contains(9, 23, 18))
                .body("rows.setsLogged", contains(4, 8, 6))
                .body("rows.sessionsScheduled", contains(null, null, null));

        given().auth()
                .oauth2(TestTokens.analyst(ANALYST, scenario.clinic))
                .queryParam("clinic", scenario.clinic)
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-22")
                .queryParam("groupBy", "template")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows.key", contains(scenario.template))
                .body("rows[0].sessionsScheduled", equalTo(9))
                .body("rows[0].sessionsCompleted", equalTo(3));

        given().auth()
                .oauth2(TestTokens.analyst(ANALYST, scenario.clinic))
                .queryParam("clinic", scenario.clinic)
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-22")
                .queryParam("groupBy", "patient")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].key", not(equalTo(scenario.patient)))
                .body(not(containsString(scenario.patient)));
    }

    /** As in life, the plan is known before the patient logs anything (the topics are not ordered with each other). */
    private void planFirst(ThreeWeekScenario scenario) {
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200));
        scenario.stream.sendTo(bootstrap, Topics.SET_EVENTS);
    }

    private static ValidatableResponse timeline(ThreeWeekScenario scenario) {
        return given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                .when()
                .get("/patients/" + scenario.patient + "/timeline")
                .then()
                .statusCode(200);
    }

    @Test
    void publishesTheAdjustmentsAndFlagsToProgressEventsThroughTheOutbox() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        planFirst(scenario);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> published =
                    KafkaProbe.read(bootstrap, Topics.PROGRESS_EVENTS, 1000, Duration.ofSeconds(3)).stream()
                            .filter(record -> scenario.patient.equals(record.key()))
                            .toList();
            assertEquals(
                    List.of(
                            EventTypes.PROGRESSION_ADJUSTED,
                            EventTypes.PROGRESSION_ADJUSTED,
                            EventTypes.PAIN_FLAGGED,
                            EventTypes.PAIN_FLAGGED),
                    published.stream().map(r -> header(r, "ce_type")).toList());
            ConsumerRecord<String, String> added = published.get(0);
            assertEquals("1.0", header(added, "ce_specversion"));
            assertEquals("/progress-service", header(added, "ce_source"));
            assertEquals(scenario.patient, header(added, "ce_subject"));
            assertEquals("application/json", header(added, "content-type"));
            assertEquals(36, header(added, "ce_id").length());
            org.hamcrest.MatcherAssert.assertThat(added.value(), containsString("\"rule\":\"ADD_SET\""));
            org.hamcrest.MatcherAssert.assertThat(
                    added.value(), containsString("\"after\":{\"doseKind\":\"reps\",\"sets\":3"));
        });
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null
                ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
