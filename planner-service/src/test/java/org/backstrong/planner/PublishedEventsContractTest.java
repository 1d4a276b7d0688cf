package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.testinfra.EventContract;
import org.backstrong.testinfra.KafkaProbe;

/**
 * What planner-service publishes keeps its contract: one patient's plan goes through everything
 * that publishes (assigned, edited by a clinician, changed automatically by a progression, a STOP
 * flag and its resolution, paused, resumed, ended; sets of every kind of dose and load, per side,
 * a session, a morning check-in, an outcome measure of each shipped kind), and every record that reaches Kafka validates against its
 * type's schema.
 */
@QuarkusTest
class PublishedEventsContractTest {

    @Test
    void everyEventPublishedInEveryVariantValidatesAgainstItsSchema() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(1);
        String today = LocalDate.now().toString();
        // The superman becomes a hold on each side: the built-in plan has no hold dose.
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "prescription",
                        Map.of(
                                "doseKind",
                                "hold",
                                "sets",
                                2,
                                "setsMax",
                                2,
                                "secondsMin",
                                20,
                                "secondsMax",
                                40,
                                "perSide",
                                true,
                                "loadKind",
                                "bodyweight"),
                        "reason",
                        "Hold it still"))
                .when()
                .put("/plans/" + patient.planId() + "/items/" + patient.item(8))
                .then()
                .statusCode(200)
                .body("items[8].prescription.doseKind", equalTo("hold"));

        logSet(patient, 0, 1, set -> set.put("seconds", 300));
        logSet(patient, 1, 1, set -> {
            set.put("reps", 15);
            set.put("band", "yellow");
            set.put("rpe", 6.5);
        });
        logSet(patient, 2, 1, set -> {
            set.put("reps", 8);
            set.put("loadKg", 15);
            set.put("rir", 3);
            set.put("pain", 7);
            set.put("note", "A twinge on the last rep.");
        });
        logSet(patient, 3, 1, set -> {
            set.put("reps", 8);
            set.put("beyondNormalFatigue", true);
        });
        for (String side : List.of("left", "right")) {
            logSet(patient, 5, 1, set -> {
                set.put("side", side);
                set.put("reps", 10);
                set.put("loadKg", 4);
                set.put("rir", 2);
            });
        }
        logSet(patient, 8, 1, set -> {
            set.put("side", "left");
            set.put("seconds", 30);
        });
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of("planId", patient.planId()))
                .when()
                .post("/me/sessions/" + today + "/complete")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString(), "date", today, "pain", 2))
                .when()
                .post("/me/check-ins")
                .then()
                .statusCode(201);
        LocalDate start = LocalDate.now().minusDays(1);
        OutcomeMeasuresTest.submit(
                        patient, OutcomeMeasuresTest.response(patient, "NPRS", "BASELINE", start, Map.of("pain", 4)))
                .statusCode(201);
        OutcomeMeasuresTest.submit(patient, OutcomeMeasuresTest.psfsBaseline(patient, start))
                .statusCode(201);
        OutcomeMeasuresTest.submit(patient, OutcomeMeasuresTest.rmdq(patient, start, 14))
                .statusCode(201);

        automaticChanges(patient);
        for (String change : List.of("pause", "resume", "end")) {
            given().auth()
                    .oauth2(Clinic.clara())
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "Because " + change))
                    .when()
                    .post("/plans/" + patient.planId() + "/" + change)
                    .then()
                    .statusCode(200);
        }

        List<ConsumerRecord<String, String>> records = new ArrayList<>(Events.of(Topics.PLAN_EVENTS, patient.id(), 8));
        records.addAll(Events.of(Topics.SET_EVENTS, patient.id(), 12));
        assertEquals(20, records.size());
        for (ConsumerRecord<String, String> record : records) {
            String type = Events.type(record);
            EventContract.assertValid(type, record.value());
            assertEquals("1.0", KafkaProbe.header(record, "ce_specversion"));
            UUID.fromString(KafkaProbe.header(record, "ce_id"));
            assertEquals(EventTypes.SOURCE, KafkaProbe.header(record, "ce_source"));
            assertEquals(record.key(), KafkaProbe.header(record, "ce_subject"));
            assertEquals(record.key(), JsonPath.from(record.value()).getString("patientId"));
            OffsetDateTime.parse(KafkaProbe.header(record, "ce_time"));
            assertEquals("application/json", KafkaProbe.header(record, "content-type"));
            assertTrue(
                    EventContract.messagesOn(record.topic()).containsKey(type),
                    type + " is not a message of " + record.topic() + " in " + EventContract.ASYNCAPI);
        }

        assertEquals(
                Set.of(
                        EventTypes.PLAN_ASSIGNED,
                        EventTypes.PLAN_CHANGED,
                        EventTypes.PLAN_PAUSED,
                        EventTypes.PLAN_RESUMED,
                        EventTypes.PLAN_ENDED,
                        EventTypes.SET_COMPLETED,
                        EventTypes.SESSION_COMPLETED,
                        EventTypes.MORNING_CHECK_IN,
                        EventTypes.OUTCOME_RECORDED),
                records.stream().map(Events::type).collect(Collectors.toSet()));
        List<JsonPath> plans = Stream.concat(
                        data(records, EventTypes.PLAN_ASSIGNED).stream(),
                        data(records, EventTypes.PLAN_CHANGED).stream())
                .toList();
        assertEquals(Set.of("reps", "hold", "duration"), seenInItems(plans, "doseKind"));
        assertEquals(Set.of("kg", "band", "bodyweight"), seenInItems(plans, "loadKind"));
        assertEquals(Set.of("false", "true"), seenInItems(plans, "perSide"));
        assertEquals(Set.of("false", "true"), seenInItems(plans, "paused"));
        assertTrue(seenInItems(plans, "holdSeconds").size() > 1, "a pause in each rep, and none");
        assertTrue(seenInItems(plans, "harderVariantId").contains("null"), "an item without a harder variant");
        List<JsonPath> changes = data(records, EventTypes.PLAN_CHANGED);
        assertEquals(Set.of(Clinic.CLARA, "automatic"), seen(changes, data -> data.getString("changedBy")));
        assertEquals(
                Set.of("ADD_SET", "PAIN_ABOVE_FIVE", "none"),
                seen(changes, data -> data.getString("rule") == null ? "none" : data.getString("rule")));
        List<JsonPath> sets = data(records, EventTypes.SET_COMPLETED);
        assertEquals(
                Set.of("left", "right", "none"),
                seen(sets, data -> data.getString("side") == null ? "none" : data.getString("side")));
        assertEquals(
                Set.of("reps", "seconds"), seen(sets, data -> data.getString("reps") != null ? "reps" : "seconds"));
        assertEquals(
                Set.of("kg", "band", "none"),
                seen(
                        sets,
                        data -> data.getString("loadKg") != null
                                ? "kg"
                                : data.getString("band") != null ? "band" : "none"));
        assertEquals(
                Set.of("rir", "rpe", "none"),
                seen(
                        sets,
                        data -> data.getString("rir") != null
                                ? "rir"
                                : data.getString("rpe") != null ? "rpe" : "none"));
        assertEquals(Set.of("false", "true"), seen(sets, data -> data.getString("beyondNormalFatigue")));
        List<JsonPath> outcomes = data(records, EventTypes.OUTCOME_RECORDED);
        assertEquals(Set.of("NPRS", "PSFS", "RMDQ"), seen(outcomes, data -> data.getString("measure")));
        assertEquals(Set.of("false", "true"), seen(outcomes, data -> data.getString("higherIsBetter")));
    }

    /** A progression, a STOP flag and its resolution from progress-service, each applied as a plan change. */
    private static void automaticChanges(SetLoggingTest.Patient patient) {
        Map<String, Object> decision = ProgressEvents.decision(
                patient,
                patient.item(2),
                "ADD_SET",
                "You did your set at 12 reps with reps to spare, so we added a set (2 sets).",
                ProgressEvents.prescription(1, 15),
                ProgressEvents.prescription(2, 15));
        ProgressEvents.publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PROGRESSION_ADJUSTED, decision);

        Map<String, Object> flag = ProgressEvents.stopFlag(patient, patient.item(4), "wide-dumbbell-bent-over-row");
        ProgressEvents.publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PAIN_FLAGGED, flag);

        Map<String, Object> resolved = ProgressEvents.resolution(flag, "Form corrected; lighter load");
        // One patient's events are applied in order (one partition): the pause, then the resume.
        ProgressEvents.publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PAIN_FLAG_RESOLVED, resolved);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Events.of(Topics.PLAN_EVENTS, patient.id(), 5).size() == 5);
    }

    private static void logSet(
            SetLoggingTest.Patient patient, int item, int number, Consumer<Map<String, Object>> measured) {
        Map<String, Object> set = SetLoggingTest.set(patient, item, number);
        set.remove("reps");
        set.remove("loadKg");
        set.remove("rir");
        measured.accept(set);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);
    }

    private static List<JsonPath> data(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream()
                .filter(record -> type.equals(Events.type(record)))
                .map(record -> JsonPath.from(record.value()))
                .toList();
    }

    private static Set<String> seen(List<JsonPath> events, Function<JsonPath, String> what) {
        Set<String> seen = new TreeSet<>();
        events.forEach(event -> seen.add(what.apply(event)));
        return seen;
    }

    /** Every value a field of the plan items took, across the plans given ("null" for null). */
    private static Set<String> seenInItems(List<JsonPath> plans, String field) {
        Set<String> seen = new TreeSet<>();
        plans.forEach(plan -> plan.getList("items." + field).forEach(value -> seen.add(String.valueOf(value))));
        return seen;
    }
}
