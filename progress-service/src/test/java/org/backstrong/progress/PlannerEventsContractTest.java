package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.progress.service.IncomingEventReader;
import org.backstrong.testinfra.EventContract;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;

/**
 * progress-service reads what planner-service's schemas describe: every example of them is read and
 * checked by the consumer's own code, keeping every field it uses; an event with fields the schema
 * does not name yet is applied; and the AsyncAPI document carries on each topic what it reads.
 */
@QuarkusTest
class PlannerEventsContractTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000f2";
    /** Fields of planner's events progress-service leaves aside on purpose. */
    private static final Map<String, Set<String>> NOT_KEPT = Map.of(
            // The patient's own words stay in planner-service: analytics have no use for free text.
            EventTypes.SET_COMPLETED, Set.of("note"));

    @Inject
    IncomingEventReader reader;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static Stream<String> plannerTypes() {
        return Stream.of(
                EventTypes.PLAN_ASSIGNED,
                EventTypes.PLAN_CHANGED,
                EventTypes.PLAN_PAUSED,
                EventTypes.PLAN_RESUMED,
                EventTypes.PLAN_ENDED,
                EventTypes.SET_COMPLETED,
                EventTypes.SESSION_COMPLETED,
                EventTypes.MORNING_CHECK_IN,
                EventTypes.OUTCOME_RECORDED);
    }

    @ParameterizedTest
    @MethodSource("plannerTypes")
    void readsEveryExampleOfPlannerServicesSchemasKeepingEveryFieldItUses(String type) throws Exception {
        List<String> examples = EventContract.examples(type);
        assertFalse(examples.isEmpty(), type + " has no examples");
        for (String example : examples) {
            JsonNode sent = json.readTree(example);
            Envelope event = new Envelope(
                    UUID.randomUUID().toString(),
                    type,
                    sent.path("patientId").asText(),
                    OffsetDateTime.now(),
                    type.contains(".plan.") ? Topics.PLAN_EVENTS : Topics.SET_EVENTS,
                    example,
                    null);
            Object read = reader.read(event).data();
            Set<String> dropped = fields(sent, "");
            dropped.removeAll(fields(json.valueToTree(read), ""));
            dropped.removeAll(NOT_KEPT.getOrDefault(type, Set.of()));
            assertEquals(Set.of(), dropped, read.getClass().getSimpleName() + " drops fields of " + example);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void appliesEventsCarryingFieldsItDoesNotKnowAtTheTopAndInsideAPlanItem() throws Exception {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        EventStream.Sent assigned = scenario.stream.records().get(0);
        EventStream.Sent checkIn = scenario.stream.records().stream()
                .filter(sent -> EventTypes.MORNING_CHECK_IN.equals(sent.type()))
                .findFirst()
                .orElseThrow();
        EventStream newer = new EventStream()
                .addWithFieldsAdded(
                        assigned.topic(),
                        assigned.type(),
                        assigned.key(),
                        assigned.time(),
                        map(assigned.value()),
                        plan -> {
                            plan.put("programme", Map.of("name", "Spring intake", "cohort", 3));
                            ((List<Map<String, Object>>) plan.get("items"))
                                    .get(1)
                                    .put("tempoSeconds", 3);
                        })
                .addWithFieldsAdded(
                        checkIn.topic(),
                        checkIn.type(),
                        checkIn.key(),
                        checkIn.time(),
                        map(checkIn.value()),
                        data -> data.put("sleptWell", true));
        newer.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200));
        newer.sendTo(bootstrap, Topics.SET_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("checkIns.date", contains("2026-03-03")));
        assertEquals(
                List.of(),
                KafkaProbe.read(bootstrap, Topics.deadLetter(Topics.SET_EVENTS), 10_000, Duration.ofSeconds(2)).stream()
                        .filter(record -> scenario.patient.equals(record.key()))
                        .toList());
    }

    @Test
    void theAsyncApiDocumentCarriesOnEachTopicWhatTheConsumerReads() {
        assertEquals(
                List.of(
                        EventTypes.PLAN_ASSIGNED,
                        EventTypes.PLAN_CHANGED,
                        EventTypes.PLAN_PAUSED,
                        EventTypes.PLAN_RESUMED,
                        EventTypes.PLAN_ENDED),
                List.copyOf(EventContract.messagesOn(Topics.PLAN_EVENTS).keySet()));
        assertEquals(
                List.of(
                        EventTypes.SET_COMPLETED,
                        EventTypes.SESSION_COMPLETED,
                        EventTypes.MORNING_CHECK_IN,
                        EventTypes.OUTCOME_RECORDED),
                List.copyOf(EventContract.messagesOn(Topics.SET_EVENTS).keySet()));
    }

    private Map<String, Object> map(String value) throws Exception {
        return json.readValue(value, new TypeReference<>() {});
    }

    /** Every field's path in a JSON object, into nested objects and the objects of arrays ("items[].sets"). */
    private static Set<String> fields(JsonNode node, String prefix) {
        Set<String> fields = new TreeSet<>();
        node.fields().forEachRemaining(field -> {
            fields.add(prefix + field.getKey());
            if (field.getValue().isObject()) {
                fields.addAll(fields(field.getValue(), prefix + field.getKey() + "."));
            }
            field.getValue().forEach(element -> {
                if (field.getValue().isArray() && element.isObject()) {
                    fields.addAll(fields(element, prefix + field.getKey() + "[]."));
                }
            });
        });
        return fields;
    }
}
