package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;

/** What the patient wrote about a set reaches their clinician: the STOP flag it raised quotes it, the timeline carries it. */
@QuarkusTest
class PatientNoteTest {

    private static final String CLINICIAN = NotedSetsScenario.CLINICIAN;
    private static final String STOP_EVIDENCE = "pain 7 during set 2 (above 5); " + NotedSetsScenario.SHARP_QUOTED;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theStopFlagOfASetQuotesWhatThePatientWroteAboutThatSet() {
        NotedSetsScenario scenario = NotedSetsScenario.applied(bootstrap);
        given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].rule", equalTo("PAIN_ABOVE_FIVE"))
                .body("[0].evidence", equalTo(STOP_EVIDENCE))
                .body(not(containsString("felt easy")));

        // planner pauses the exercise on the PainFlagged event, which says the same.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> flagged =
                    KafkaProbe.read(bootstrap, Topics.PROGRESS_EVENTS, 1000, Duration.ofSeconds(3)).stream()
                            .filter(record -> scenario.patient.equals(record.key()))
                            .filter(record -> EventTypes.PAIN_FLAGGED.equals(EventReplayTest.header(record, "ce_type")))
                            .toList();
            assertEquals(1, flagged.size());
            assertEquals(STOP_EVIDENCE, JsonPath.from(flagged.get(0).value()).getString("evidence"));
        });
    }

    @Test
    void theTimelineCarriesEachSetsNoteForTheClinicOnly() {
        NotedSetsScenario scenario = NotedSetsScenario.applied(bootstrap);
        given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                .when()
                .get("/patients/" + scenario.patient + "/timeline")
                .then()
                .statusCode(200)
                .body("sessions", hasSize(1))
                .body("sessions[0].sets.setNumber", contains(1, 2, 3))
                .body("sessions[0].sets.note", contains(NotedSetsScenario.EASY, NotedSetsScenario.SHARP, null))
                .body("flags.evidence", contains(STOP_EVIDENCE));
        given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, "clinic-elsewhere"))
                .when()
                .get("/patients/" + scenario.patient + "/timeline")
                .then()
                .statusCode(404)
                .body(not(containsString("sharp pain")));
        given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, "clinic-elsewhere"))
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200)
                .body(not(containsString("sharp pain")));
    }
}
