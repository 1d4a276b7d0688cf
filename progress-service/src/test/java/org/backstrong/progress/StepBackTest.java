package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;

/**
 * Through the broker and the database: two sessions in a row below the range step the load back
 * (not below where the item started, which a clinician's later change does not move), published as
 * ProgressionAdjusted like any automatic change; the harder variant is suggested once.
 */
@QuarkusTest
class StepBackTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000c2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void stepsBackAfterTwoSessionsBelowTheRangeAndSuggestsTheHarderVariantOnce() throws Exception {
        StepBackScenario scenario = new StepBackScenario();
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        // Both plan events applied (the clinician's change too) before any session arrives.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));
        scenario.stream.sendTo(bootstrap, Topics.SET_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> timeline(scenario).body("decisions", hasSize(8)));

        timeline(scenario)
                .body(
                        "decisions.findAll { it.exerciseId == 'dumbbell-row' }.rule",
                        contains("FIRST_WEEK_START_LIGHT", "BELOW_THE_RANGE", "STEP_BACK_LOAD", "BELOW_THE_RANGE"))
                .body(
                        "decisions.findAll { it.exerciseId == 'dumbbell-row' }.outcome",
                        contains("HOLD", "HOLD", "REGRESS", "HOLD"))
                .body(
                        "decisions.findAll { it.exerciseId == 'bird-dog' }.rule",
                        contains(
                                "FIRST_WEEK_START_LIGHT",
                                "HARDER_VARIANT",
                                "HARDER_VARIANT_ALREADY_SUGGESTED",
                                "HARDER_VARIANT_ALREADY_SUGGESTED"))
                .body("decisions.find { it.rule == 'STEP_BACK_LOAD' }.sessionDate", equalTo("2026-03-11"))
                .body(
                        "decisions.find { it.rule == 'STEP_BACK_LOAD' }.reason",
                        equalTo(
                                "A set stayed below 8 reps (the "
                                        + "fewest was 6), as after your session of 2026-03-09, so we lowered the load from 12 kg to 11.5 kg."))
                .body("decisions.find { it.rule == 'STEP_BACK_LOAD' }.after.loadKg", equalTo(11.5f))
                .body("decisions.find { it.rule == 'STEP_BACK_LOAD' }.after.sets", equalTo(3))
                .body(
                        "decisions.find { it.rule == 'STEP_BACK_LOAD' }.inputs.previousSessionBelowTheRange",
                        equalTo("2026-03-09"))
                .body("decisions.find { it.rule == 'STEP_BACK_LOAD' }.inputs.startingDose.loadKg", equalTo(10.0f))
                .body("decisions.find { it.rule == 'STEP_BACK_LOAD' }.inputs.startingDose.sets", equalTo(2))
                .body(
                        "decisions.findAll { it.rule == 'HARDER_VARIANT_ALREADY_SUGGESTED' }.inputs.harderVariantSuggestedAfter",
                        contains("2026-03-09", "2026-03-09"))
                .body(
                        "decisions.findAll { it.sessionDate == '2026-03-13' && it.exerciseId == 'dumbbell-row' }.before.loadKg",
                        contains(11.5f));

        // Published like any automatic change: one suggestion, one step back, in the fields planner reads.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> published =
                    KafkaProbe.read(bootstrap, Topics.PROGRESS_EVENTS, 1000, Duration.ofSeconds(3)).stream()
                            .filter(record -> scenario.patient.equals(record.key()))
                            .toList();
            assertEquals(
                    List.of(EventTypes.PROGRESSION_ADJUSTED, EventTypes.PROGRESSION_ADJUSTED),
                    published.stream()
                            .map(r -> EventReplayTest.header(r, "ce_type"))
                            .toList());
            JsonNode suggestion = JSON.readTree(published.get(0).value());
            assertEquals("HARDER_VARIANT", suggestion.get("rule").asText());
            assertEquals(
                    "bird-dog-weighted", suggestion.get("suggestedVariantId").asText());
            JsonNode stepBack = JSON.readTree(published.get(1).value());
            assertEquals("STEP_BACK_LOAD", stepBack.get("rule").asText());
            assertEquals(scenario.plan, stepBack.get("planId").asText());
            assertEquals(scenario.row, stepBack.get("itemId").asText());
            assertEquals(12.0, stepBack.get("before").get("loadKg").asDouble());
            assertEquals(11.5, stepBack.get("after").get("loadKg").asDouble());
            assertEquals(3, stepBack.get("after").get("sets").asInt());
            assertEquals(8, stepBack.get("after").get("repsMin").asInt());
            assertEquals(12, stepBack.get("after").get("repsMax").asInt());
            assertEquals("kg", stepBack.get("after").get("loadKind").asText());
            assertEquals(true, stepBack.get("suggestedVariantId").isNull());
        });
    }

    private static ValidatableResponse timeline(StepBackScenario scenario) {
        return given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                .when()
                .get("/patients/" + scenario.patient + "/timeline")
                .then()
                .statusCode(200);
    }
}
