package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.EventContract;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;

/**
 * What progress-service publishes keeps its contract: every event the scenarios make it emit (each
 * kind of dose and load, per side, with and without a suggested variant, flags on an item and on the
 * whole plan, and their resolutions), as it reaches Kafka, validates against its type's schema.
 */
@QuarkusTest
class PublishedEventsContractTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000f1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyEventPublishedInEveryVariantValidatesAgainstItsSchema() throws Exception {
        ThreeWeekScenario threeWeeks = new ThreeWeekScenario();
        StepBackScenario stepBack = new StepBackScenario();
        EveryVariantScenario variants = new EveryVariantScenario();
        List<EventStream> streams = List.of(threeWeeks.stream, stepBack.stream, variants.stream);
        // As in life, each plan is known before its patient logs anything.
        streams.forEach(stream -> stream.sendTo(bootstrap, Topics.PLAN_EVENTS));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));
        streams.forEach(stream -> stream.sendTo(bootstrap, Topics.SET_EVENTS));
        published(threeWeeks.patient, 4);
        published(stepBack.patient, 2);
        published(variants.patient, 5);

        resolveEveryOpenFlag(threeWeeks.clinic, "Checked form by video; lighter dumbbell from Monday.");
        resolveEveryOpenFlag(variants.clinic, "Talked it through; the row stays paused a week.");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        records.addAll(published(threeWeeks.patient, 6));
        records.addAll(published(stepBack.patient, 2));
        records.addAll(published(variants.patient, 6));

        for (ConsumerRecord<String, String> record : records) {
            String type = KafkaProbe.header(record, "ce_type");
            EventContract.assertValid(type, record.value());
            assertEquals(record.key(), KafkaProbe.header(record, "ce_subject"));
            assertEquals(record.key(), JsonPath.from(record.value()).getString("patientId"));
            assertEquals(EventTypes.SOURCE, KafkaProbe.header(record, "ce_source"));
            assertEquals("application/json", KafkaProbe.header(record, "content-type"));
            assertTrue(
                    EventContract.messagesOn(record.topic()).containsKey(type),
                    type + " is not a message of " + record.topic() + " in " + EventContract.ASYNCAPI);
        }

        List<JsonPath> adjusted = data(records, EventTypes.PROGRESSION_ADJUSTED);
        assertEquals(
                Set.of(
                        "ADD_SET",
                        "LONGER_HOLD",
                        "STEP_BACK_LOAD",
                        "HARDER_VARIANT",
                        "NEXT_BAND",
                        "HOLD_LONGER_IN_EACH_REP",
                        "MORE_REPS"),
                seen(adjusted, data -> data.getString("rule")));
        assertEquals(Set.of("reps", "hold", "duration"), seen(adjusted, data -> data.getString("after.doseKind")));
        assertEquals(Set.of("kg", "band", "bodyweight"), seen(adjusted, data -> data.getString("after.loadKind")));
        assertEquals(Set.of("false", "true"), seen(adjusted, data -> data.getString("after.perSide")));
        assertEquals(
                Set.of("false", "true"),
                seen(adjusted, data -> String.valueOf(data.getString("after.holdSeconds") != null)));
        assertEquals(
                Set.of("bird-dog-weighted", "brisk-walk", "none"),
                seen(
                        adjusted,
                        data -> data.getString("suggestedVariantId") == null
                                ? "none"
                                : data.getString("suggestedVariantId")));
        for (String type : List.of(EventTypes.PAIN_FLAGGED, EventTypes.PAIN_FLAG_RESOLVED)) {
            assertEquals(
                    Set.of("STOP on an item", "WATCH on the plan"),
                    seen(
                            data(records, type),
                            data -> data.getString("severity")
                                    + (data.getString("itemId") == null ? " on the plan" : " on an item")),
                    type);
        }
    }

    /** Every record progress-service published for a patient, once at least {@code expected} are there. */
    private List<ConsumerRecord<String, String>> published(String patient, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            found.clear();
            KafkaProbe.read(bootstrap, Topics.PROGRESS_EVENTS, 10_000, Duration.ofSeconds(2)).stream()
                    .filter(record -> patient.equals(record.key()))
                    .forEach(found::add);
            assertTrue(found.size() >= expected, found.size() + " of " + expected + " events for " + patient);
        });
        return found;
    }

    private static void resolveEveryOpenFlag(String clinic, String note) {
        String clinician = TestTokens.clinician(CLINICIAN, clinic);
        List<String> open = given().auth()
                .oauth2(clinician)
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        for (String flag : open) {
            given().auth()
                    .oauth2(clinician)
                    .contentType(ContentType.JSON)
                    .body(Map.of("note", note))
                    .when()
                    .post("/pain-flags/" + flag + "/resolve")
                    .then()
                    .statusCode(200);
        }
    }

    private static List<JsonPath> data(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream()
                .filter(record -> type.equals(KafkaProbe.header(record, "ce_type")))
                .map(record -> JsonPath.from(record.value()))
                .toList();
    }

    private static Set<String> seen(List<JsonPath> events, Function<JsonPath, String> what) {
        Set<String> seen = new TreeSet<>();
        events.forEach(event -> seen.add(what.apply(event)));
        return seen;
    }
}
