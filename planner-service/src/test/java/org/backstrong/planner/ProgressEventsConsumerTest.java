package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.planner.service.InvalidEventException;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.Scrape;

/** progress-service's decisions, as they arrive on progress-events, change the patient's plan. */
@QuarkusTest
class ProgressEventsConsumerTest {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static void publish(String patientId, String eventId, String type, Map<String, Object> data) {
        ProgressEvents.publish(patientId, eventId, type, data);
    }

    private static Map<String, Object> prescription(int sets, double loadKg) {
        return ProgressEvents.prescription(sets, loadKg);
    }

    @Test
    void appliesAProgressionOnceAndAuditsItAsAutomatic() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(7);
        String itemId = patient.item(2);
        Map<String, Object> decision = ProgressEvents.decision(
                patient,
                itemId,
                "ADD_SET",
                "You did all sets at 12 reps with reps to spare, so we added a set.",
                prescription(1, 15),
                prescription(2, 15));
        String eventId = UUID.randomUUID().toString();
        publish(patient.id(), eventId, EventTypes.PROGRESSION_ADJUSTED, decision);
        publish(patient.id(), eventId, EventTypes.PROGRESSION_ADJUSTED, decision);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Clinic.clara())
                        .when()
                        .get("/plans/" + patient.planId())
                        .then()
                        .body("items[2].prescription.sets", equalTo(2)));
        // A third copy, then a marker event: once the marker is applied, the copies were seen.
        publish(patient.id(), eventId, EventTypes.PROGRESSION_ADJUSTED, decision);
        Map<String, Object> marker = new HashMap<>(decision);
        marker.put("before", prescription(2, 15));
        marker.put("after", prescription(2, 17.5));
        marker.put("rule", "ADD_LOAD");
        publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PROGRESSION_ADJUSTED, marker);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Clinic.clara())
                        .when()
                        .get("/plans/" + patient.planId())
                        .then()
                        .body("items[2].prescription.loadKg", equalTo(17.5f)));

        JsonPath audit = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + patient.planId() + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> rules = audit.getList("findAll { it.changedBy == 'automatic' }.rule");
        assertEquals(List.of("ADD_SET", "ADD_LOAD"), rules);
        assertEquals(
                "You did all sets at 12 reps with reps to spare, so we added a set.",
                audit.getString("find { it.rule == 'ADD_SET' }.reason"));
        List<ConsumerRecord<String, String>> changes = Events.of(Topics.PLAN_EVENTS, patient.id(), 3);
        assertEquals(
                List.of(EventTypes.PLAN_ASSIGNED, EventTypes.PLAN_CHANGED, EventTypes.PLAN_CHANGED),
                changes.stream().map(Events::type).toList());
    }

    @Test
    void keepsAHarderVariantSuggestionOnceAndLeavesThePlanAsItIs() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(7);
        Map<String, Object> suggestion = ProgressEvents.decision(
                patient,
                patient.item(2),
                "HARDER_VARIANT",
                "You did all 3 sets at 12 reps and the most this exercise asks.",
                prescription(1, 15),
                prescription(1, 15));
        suggestion.put("suggestedVariantId", "suspended-row");
        for (int session = 0; session < 3; session++) {
            suggestion.put("decisionId", UUID.randomUUID().toString());
            publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PROGRESSION_ADJUSTED, suggestion);
        }
        // A marker after the three: once it is applied, so were they.
        Map<String, Object> marker = new HashMap<>(suggestion);
        marker.put("rule", "ADD_SET");
        marker.put("after", prescription(2, 15));
        marker.put("suggestedVariantId", null);
        publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PROGRESSION_ADJUSTED, marker);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Clinic.clara())
                        .when()
                        .get("/plans/" + patient.planId())
                        .then()
                        .body("items[2].prescription.sets", equalTo(2)));

        JsonPath audit = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + patient.planId() + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of("HARDER_VARIANT", "ADD_SET"), audit.getList("findAll { it.changedBy == 'automatic' }.rule"));
        assertEquals(
                "You did all 3 sets at 12 reps and the most this exercise asks. Suggested next: suspended-row.",
                audit.getString("find { it.rule == 'HARDER_VARIANT' }.reason"));
        // Only the real change reached the plan's events: the first change published is the marker's.
        List<ConsumerRecord<String, String>> events = Events.of(Topics.PLAN_EVENTS, patient.id(), 2);
        assertEquals(
                List.of(EventTypes.PLAN_ASSIGNED, EventTypes.PLAN_CHANGED),
                events.stream().map(Events::type).toList());
        assertEquals("ADD_SET", JsonPath.from(events.get(1).value()).getString("rule"));
    }

    @Test
    void aStopFlagPausesTheExerciseUntilItIsResolved() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        String itemId = patient.item(2);
        Map<String, Object> flag = ProgressEvents.stopFlag(patient, itemId, "lat-pulldown");
        flag.put("evidence", "pain 7 in set 1");
        publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PAIN_FLAGGED, flag);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(patient.token())
                        .when()
                        .get("/me/sessions/today")
                        .then()
                        .body("items[2].paused", equalTo(true))
                        .body("items[2].pauseReason", containsString("pain 7 in set 1")));
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(SetLoggingTest.set(patient, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://backstrong.org/problems/exercise-paused"));

        publish(
                patient.id(),
                UUID.randomUUID().toString(),
                EventTypes.PAIN_FLAG_RESOLVED,
                ProgressEvents.resolution(flag, "Form corrected; lighter load"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(patient.token())
                        .when()
                        .get("/me/sessions/today")
                        .then()
                        .body("items[2].paused", equalTo(false)));
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(SetLoggingTest.set(patient, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);
    }

    @Test
    @SuppressWarnings("unchecked")
    void appliesAProgressionCarryingFieldsItDoesNotKnowAtTheTopAndInThePrescription() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(7);
        Map<String, Object> decision = ProgressEvents.decision(
                patient,
                patient.item(2),
                "ADD_SET",
                "You did all sets at 12 reps with reps to spare, so we added a set.",
                prescription(1, 15),
                prescription(2, 15));
        ProgressEvents.publishWithFieldsAdded(
                patient.id(), UUID.randomUUID().toString(), EventTypes.PROGRESSION_ADJUSTED, decision, newer -> {
                    newer.put("confidence", 0.9);
                    ((Map<String, Object>) newer.get("after")).put("timedHold", false);
                    ((Map<String, Object>) newer.get("after")).put("tempo", Map.of("down", 3, "up", 1));
                });

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(Clinic.clara())
                        .when()
                        .get("/plans/" + patient.planId())
                        .then()
                        .body("items[2].prescription.sets", equalTo(2)));
        assertEquals(
                List.of(), Events.of(Topics.deadLetter(Topics.PROGRESS_EVENTS), patient.id(), 0), "nothing parked");
    }

    @Test
    void sendsWhatItCannotApplyToTheDeadLetterTopicAndGoesOn() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        String poison = UUID.randomUUID().toString();
        KafkaProbe.send(
                Events.bootstrap(),
                Topics.PROGRESS_EVENTS,
                patient.id(),
                "{not json",
                Map.of("ce_id", poison, "ce_type", EventTypes.PROGRESSION_ADJUSTED));
        Map<String, Object> flag = ProgressEvents.stopFlag(patient, patient.item(3), "suspended-row");
        flag.put("rule", "BEYOND_NORMAL_FATIGUE");
        flag.put("evidence", "pain beyond normal fatigue in set 1");
        publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PAIN_FLAGGED, flag);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(patient.token())
                        .when()
                        .get("/me/sessions/today")
                        .then()
                        .body("items[3].paused", equalTo(true)));
        List<ConsumerRecord<String, String>> dead =
                Events.of(Topics.deadLetter(Topics.PROGRESS_EVENTS), patient.id(), 1);
        assertEquals(1, dead.size());
        assertEquals(poison, KafkaProbe.header(dead.get(0), "ce_id"));
        assertEquals("{not json", dead.get(0).value());
        org.junit.jupiter.api.Assertions.assertNotNull(KafkaProbe.header(dead.get(0), "dead-letter-reason"));
    }

    /** backstrong_dead_letters_total of progress-events and one reason, as Prometheus scrapes it. */
    private double parkedCount(String reason) {
        String scraped =
                given().when().get(metrics).then().statusCode(200).extract().asString();
        return new Scrape(scraped)
                .sum("backstrong_dead_letters_total", Map.of("reason", reason, "topic", Topics.PROGRESS_EVENTS));
    }

    @Test
    void parksAJsonNullAloneCountsItAndAppliesTheStopFlagBehindIt() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        double before = parkedCount(InvalidEventException.UNREADABLE_DATA);
        String poison = UUID.randomUUID().toString();
        KafkaProbe.send(
                Events.bootstrap(),
                Topics.PROGRESS_EVENTS,
                patient.id(),
                "null",
                Map.of("ce_id", poison, "ce_type", EventTypes.PAIN_FLAGGED, "ce_subject", patient.id()));
        publish(
                patient.id(),
                UUID.randomUUID().toString(),
                EventTypes.PAIN_FLAGGED,
                ProgressEvents.stopFlag(patient, patient.item(3), "suspended-row"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(patient.token())
                        .when()
                        .get("/me/sessions/today")
                        .then()
                        .body("items[3].paused", equalTo(true)));
        List<ConsumerRecord<String, String>> dead =
                Events.of(Topics.deadLetter(Topics.PROGRESS_EVENTS), patient.id(), 1);
        assertEquals(
                List.of(poison),
                dead.stream().map(record -> KafkaProbe.header(record, "ce_id")).toList());
        assertEquals(before + 1, parkedCount(InvalidEventException.UNREADABLE_DATA));
    }

    /**
     * The database refuses the event for a while (a trigger standing in for an outage): the event
     * waits and is tried again, never parked, and applies once the database takes it.
     */
    @Test
    void retriesAnEventTheDatabaseRefusesInsteadOfParkingIt() throws Exception {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> flag = ProgressEvents.stopFlag(patient, patient.item(2), "lat-pulldown");
        String eventId = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE refused_event (event_id uuid PRIMARY KEY)");
            ddl.execute("INSERT INTO refused_event VALUES ('" + eventId + "')");
            ddl.execute("""
                    CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF EXISTS (SELECT 1 FROM refused_event WHERE event_id = NEW.event_id)
                        THEN RAISE EXCEPTION 'refused by the test'; END IF;
                        RETURN NEW;
                    END $$""");
            ddl.execute("CREATE TRIGGER refuse_event BEFORE INSERT ON processed_event "
                    + "FOR EACH ROW EXECUTE FUNCTION refuse_event()");
        }
        try {
            publish(patient.id(), eventId, EventTypes.PAIN_FLAGGED, flag);
            // Tried several times while refused (the pause grows to 1 s in tests): not applied, not parked.
            await().pollDelay(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().auth()
                            .oauth2(patient.token())
                            .when()
                            .get("/me/sessions/today")
                            .then()
                            .body("items[2].paused", equalTo(false)));
            assertEquals(
                    0,
                    Events.of(Topics.deadLetter(Topics.PROGRESS_EVENTS), patient.id(), 0)
                            .size());

            try (Connection connection = dataSource.getConnection();
                    Statement dml = connection.createStatement()) {
                dml.execute("DELETE FROM refused_event");
            }
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> given().auth()
                            .oauth2(patient.token())
                            .when()
                            .get("/me/sessions/today")
                            .then()
                            .body("items[2].paused", equalTo(true)));
            assertEquals(
                    0,
                    Events.of(Topics.deadLetter(Topics.PROGRESS_EVENTS), patient.id(), 0)
                            .size());
        } finally {
            try (Connection connection = dataSource.getConnection();
                    Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TRIGGER refuse_event ON processed_event");
                ddl.execute("DROP FUNCTION refuse_event()");
                ddl.execute("DROP TABLE refused_event");
            }
        }
    }

    /** Sets sent together offline can raise two STOP flags on one exercise: resolving one keeps it paused. */
    @Test
    void anExerciseStaysPausedUntilItsLastStopFlagIsResolved() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> first = ProgressEvents.stopFlag(patient, patient.item(2), "lat-pulldown");
        Map<String, Object> second = ProgressEvents.stopFlag(patient, patient.item(2), "lat-pulldown");
        publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PAIN_FLAGGED, first);
        publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PAIN_FLAGGED, second);
        publish(
                patient.id(),
                UUID.randomUUID().toString(),
                EventTypes.PAIN_FLAG_RESOLVED,
                ProgressEvents.resolution(first, "Reviewed"));
        // A marker behind the resolution: once it has paused item 3, the resolution was applied.
        publish(
                patient.id(),
                UUID.randomUUID().toString(),
                EventTypes.PAIN_FLAGGED,
                ProgressEvents.stopFlag(patient, patient.item(3), "suspended-row"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(patient.token())
                        .when()
                        .get("/me/sessions/today")
                        .then()
                        .body("items[3].paused", equalTo(true)));
        given().auth()
                .oauth2(patient.token())
                .when()
                .get("/me/sessions/today")
                .then()
                .body("items[2].paused", equalTo(true));

        publish(
                patient.id(),
                UUID.randomUUID().toString(),
                EventTypes.PAIN_FLAG_RESOLVED,
                ProgressEvents.resolution(second, "Reviewed"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(patient.token())
                        .when()
                        .get("/me/sessions/today")
                        .then()
                        .body("items[2].paused", equalTo(false)));
    }

    /** A clinician changed the dose after the session: progress's decision on the old dose must not undo it. */
    @Test
    void aDecisionMadeOnAnEarlierPrescriptionDoesNotUndoTheCliniciansEdit() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(7);
        // The item asks for 1 set; the decision was made on 2 (before an edit back to 1).
        Map<String, Object> stale = ProgressEvents.decision(
                patient,
                patient.item(2),
                "ADD_SET",
                "You did all 2 sets at 12 reps with reps to spare, so we added a set (3 sets).",
                prescription(2, 15),
                prescription(3, 15));
        publish(patient.id(), UUID.randomUUID().toString(), EventTypes.PROGRESSION_ADJUSTED, stale);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        List.of("ADD_SET"),
                        given().auth()
                                .oauth2(Clinic.clara())
                                .when()
                                .get("/plans/" + patient.planId() + "/audit")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("findAll { it.changedBy == 'automatic' }.rule")));
        JsonPath audit = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + patient.planId() + "/audit")
                .then()
                .extract()
                .jsonPath();
        assertEquals(
                "Automatic change not applied: the prescription changed after the session it was decided on.",
                audit.getString("find { it.rule == 'ADD_SET' }.reason"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/plans/" + patient.planId())
                .then()
                .body("items[2].prescription.sets", equalTo(1));
    }
}
