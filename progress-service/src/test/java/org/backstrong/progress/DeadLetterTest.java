package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.progress.service.InvalidEventException;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.Scrape;
import org.backstrong.testinfra.TestTokens;

/** What cannot be applied goes to the dead-letter topic with the reason; the patient's next event still applies. */
@QuarkusTest
class DeadLetterTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000d1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void parksAPoisonMessageWithItsReasonAndKeepsConsuming() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200));

        EventStream poison = new EventStream()
                .addInvalid(
                        Topics.SET_EVENTS,
                        EventTypes.SET_COMPLETED,
                        scenario.patient,
                        "2026-03-02T07:00:00Z",
                        data("setId", "not-a-uuid", "patientId", scenario.patient))
                .addInvalid(
                        Topics.SET_EVENTS,
                        EventTypes.MORNING_CHECK_IN,
                        scenario.patient,
                        "2026-03-03T06:45:00Z",
                        data(
                                "checkInId",
                                UUID.randomUUID().toString(),
                                "patientId",
                                scenario.patient,
                                "clinicId",
                                scenario.clinic,
                                "planId",
                                scenario.plan,
                                "date",
                                "2026-03-03",
                                "pain",
                                11,
                                "loggedAt",
                                "2026-03-03T06:45:00Z"))
                .add(
                        Topics.SET_EVENTS,
                        EventTypes.MORNING_CHECK_IN,
                        scenario.patient,
                        "2026-03-04T06:45:00Z",
                        data(
                                "checkInId",
                                UUID.randomUUID().toString(),
                                "patientId",
                                scenario.patient,
                                "clinicId",
                                scenario.clinic,
                                "planId",
                                scenario.plan,
                                "date",
                                "2026-03-04",
                                "pain",
                                2,
                                "loggedAt",
                                "2026-03-04T06:45:00Z"));
        poison.sendTo(bootstrap);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked =
                    KafkaProbe.read(bootstrap, Topics.deadLetter(Topics.SET_EVENTS), 1000, Duration.ofSeconds(3))
                            .stream()
                            .filter(record -> scenario.patient.equals(record.key()))
                            .toList();
            assertEquals(2, parked.size());
            assertEquals(poison.records().get(0).id(), EventReplayTest.header(parked.get(0), "ce_id"));
            assertNotNull(EventReplayTest.header(parked.get(0), "dead-letter-reason"));
            org.hamcrest.MatcherAssert.assertThat(
                    EventReplayTest.header(parked.get(1), "dead-letter-reason"),
                    org.hamcrest.Matchers.containsString("pain must be from 0 to 10"));
        });
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("checkIns.date", contains("2026-03-04")));
    }

    /**
     * Records whose data is JSON null, an array, a number, a string, lacks a required field or has a
     * field of the wrong type, written in one produce request with good records between them (so they
     * arrive in one poll): each is parked alone as an invalid event, and the rest of the poll is
     * applied, the STOP flag of a set at pain 7 included.
     */
    @Test
    void parksEachUnreadableRecordAloneAndAppliesTheRestOfItsPollStopFlagsIncluded() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200));
        String patient = scenario.patient;
        String at = "2026-03-02T07:05:00Z";

        EventStream poll = new EventStream()
                .addRaw(Topics.SET_EVENTS, EventTypes.SET_COMPLETED, patient, at, "null")
                .add(Topics.SET_EVENTS, EventTypes.SET_COMPLETED, patient, at, set(scenario, scenario.row, 1, 7))
                .addRaw(Topics.SET_EVENTS, EventTypes.SET_COMPLETED, patient, at, "[]")
                .addRaw(Topics.SET_EVENTS, EventTypes.SET_COMPLETED, patient, at, "42")
                .addInvalid(
                        Topics.SET_EVENTS,
                        EventTypes.SET_COMPLETED,
                        patient,
                        at,
                        without(set(scenario, scenario.row, 2, 2), "pain"))
                .add(Topics.SET_EVENTS, EventTypes.SET_COMPLETED, patient, at, set(scenario, scenario.plank, 1, 2))
                .addInvalid(
                        Topics.SET_EVENTS,
                        EventTypes.SET_COMPLETED,
                        patient,
                        at,
                        with(set(scenario, scenario.plank, 2, 2), "pain", "high"))
                .addRaw(Topics.SET_EVENTS, EventTypes.SESSION_COMPLETED, patient, at, "null")
                .addRaw(Topics.SET_EVENTS, EventTypes.MORNING_CHECK_IN, patient, at, "\"fine\"")
                .add(
                        Topics.SET_EVENTS,
                        EventTypes.MORNING_CHECK_IN,
                        patient,
                        "2026-03-03T06:45:00Z",
                        data(
                                "checkInId",
                                UUID.randomUUID().toString(),
                                "patientId",
                                patient,
                                "clinicId",
                                scenario.clinic,
                                "planId",
                                scenario.plan,
                                "date",
                                "2026-03-03",
                                "pain",
                                2,
                                "loggedAt",
                                "2026-03-03T06:45:00Z"));
        Map<Integer, String> unreadable = Map.of(
                0,
                "data is not a valid SetCompleted: it is null",
                2,
                "data is not a valid SetCompleted",
                3,
                "data is not a valid SetCompleted",
                4,
                "data is not a valid SetCompleted at pain",
                6,
                "data is not a valid SetCompleted",
                7,
                "data is not a valid SessionCompleted: it is null",
                8,
                "data is not a valid MorningCheckInLogged");
        poll.sendTogether(bootstrap);

        EventStream plans = new EventStream()
                .addRaw(Topics.PLAN_EVENTS, EventTypes.PLAN_CHANGED, patient, at, "null")
                .addRaw(Topics.PLAN_EVENTS, EventTypes.PLAN_PAUSED, patient, at, "[1, 2]")
                .addInvalid(
                        Topics.PLAN_EVENTS,
                        EventTypes.PLAN_CHANGED,
                        patient,
                        at,
                        with(planSnapshot(scenario), "items", Arrays.asList((Object) null)));
        plans.sendTogether(bootstrap);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked = parked(Topics.SET_EVENTS, patient);
            assertEquals(
                    unreadable.keySet().stream()
                            .sorted()
                            .map(i -> poll.records().get(i).id())
                            .toList(),
                    parked.stream()
                            .map(record -> EventReplayTest.header(record, "ce_id"))
                            .toList());
            for (ConsumerRecord<String, String> record : parked) {
                int sent = poll.records().stream()
                        .map(EventStream.Sent::id)
                        .toList()
                        .indexOf(EventReplayTest.header(record, "ce_id"));
                assertEquals(
                        InvalidEventException.class.getName(),
                        EventReplayTest.header(record, "dead-letter-exception-class-name"));
                org.hamcrest.MatcherAssert.assertThat(
                        EventReplayTest.header(record, "dead-letter-reason"),
                        org.hamcrest.Matchers.containsString(unreadable.get(sent)));
            }
            List<ConsumerRecord<String, String>> parkedPlans = parked(Topics.PLAN_EVENTS, patient);
            assertEquals(
                    plans.records().stream().map(EventStream.Sent::id).toList(),
                    parkedPlans.stream()
                            .map(record -> EventReplayTest.header(record, "ce_id"))
                            .toList());
            parkedPlans.forEach(record -> assertEquals(
                    InvalidEventException.class.getName(),
                    EventReplayTest.header(record, "dead-letter-exception-class-name")));
        });
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + patient + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("flags.rule", contains("PAIN_ABOVE_FIVE"))
                        .body("flags.severity", contains("STOP"))
                        .body("flags[0].evidence", equalTo("pain 7 during set 1 (above 5)"))
                        .body("sessions.date", contains("2026-03-02"))
                        .body("sessions[0].sets.exerciseId", containsInAnyOrder("dumbbell-row", "side-plank"))
                        .body("checkIns.date", contains("2026-03-03")));
    }

    private List<ConsumerRecord<String, String>> parked(String topic, String patient) {
        return KafkaProbe.read(bootstrap, Topics.deadLetter(topic), 1000, Duration.ofSeconds(3)).stream()
                .filter(record -> patient.equals(record.key()))
                .toList();
    }

    private static Map<String, Object> set(ThreeWeekScenario scenario, String itemId, int number, int pain) {
        boolean row = itemId.equals(scenario.row);
        return data(
                "setId",
                UUID.randomUUID().toString(),
                "patientId",
                scenario.patient,
                "clinicId",
                scenario.clinic,
                "planId",
                scenario.plan,
                "itemId",
                itemId,
                "exerciseId",
                row ? "dumbbell-row" : "side-plank",
                "sessionDate",
                "2026-03-02",
                "setNumber",
                number,
                "side",
                null,
                "reps",
                row ? 12 : null,
                "seconds",
                row ? null : 40,
                "loadKg",
                row ? 10.0 : null,
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
                "2026-03-02T07:05:00Z");
    }

    /** The scenario's plan as a PlanChanged would carry it. */
    private static Map<String, Object> planSnapshot(ThreeWeekScenario scenario) {
        return data(
                "planId",
                scenario.plan,
                "patientId",
                scenario.patient,
                "clinicId",
                scenario.clinic,
                "templateId",
                "lower-back-basics",
                "name",
                "Lower back basics",
                "startDate",
                "2026-03-02",
                "weeks",
                3,
                "weekdays",
                List.of(1, 3, 5),
                "status",
                "active",
                "items",
                List.of());
    }

    private static Map<String, Object> with(Map<String, Object> data, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(data);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> data, String field) {
        Map<String, Object> changed = new LinkedHashMap<>(data);
        changed.remove(field);
        return changed;
    }

    /**
     * A status change of a plan never assigned is valid by the contract yet can never apply: the batch
     * refuses it and it is parked, while the patient's next plan event still applies.
     */
    @Test
    void parksAStatusChangeOfAPlanNeverAssigned() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        String unknownPlan = UUID.randomUUID().toString();
        EventStream paused = new EventStream()
                .add(
                        Topics.PLAN_EVENTS,
                        EventTypes.PLAN_PAUSED,
                        scenario.patient,
                        "2026-03-02T06:00:00Z",
                        data(
                                "planId",
                                unknownPlan,
                                "patientId",
                                scenario.patient,
                                "clinicId",
                                scenario.clinic,
                                "date",
                                "2026-03-02",
                                "reason",
                                "Away for a week"));
        paused.sendTo(bootstrap);
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked = parked(Topics.PLAN_EVENTS, scenario.patient);
            assertEquals(
                    List.of(paused.records().get(0).id()),
                    parked.stream()
                            .map(record -> EventReplayTest.header(record, "ce_id"))
                            .toList());
            assertEquals(
                    InvalidEventException.class.getName(),
                    EventReplayTest.header(parked.get(0), "dead-letter-exception-class-name"));
            org.hamcrest.MatcherAssert.assertThat(
                    EventReplayTest.header(parked.get(0), "dead-letter-reason"),
                    org.hamcrest.Matchers.containsString("plan " + unknownPlan + " is not known"));
        });
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200));
    }

    @Test
    void parksARecordWithoutAnEventId() {
        String patient = UUID.randomUUID().toString();
        EventStream.Sent withoutId = new EventStream.Sent(
                Topics.SET_EVENTS, patient, null, EventTypes.SET_COMPLETED, "2026-03-02T07:00:00Z", "{}");
        EventStream.send(bootstrap, withoutId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked =
                    KafkaProbe.read(bootstrap, Topics.deadLetter(Topics.SET_EVENTS), 1000, Duration.ofSeconds(3))
                            .stream()
                            .filter(record -> patient.equals(record.key()))
                            .toList();
            assertEquals(1, parked.size());
            org.hamcrest.MatcherAssert.assertThat(
                    EventReplayTest.header(parked.get(0), "dead-letter-reason"),
                    org.hamcrest.Matchers.containsString("ce_id is required"));
        });
    }

    @Test
    void countsEveryParkedRecordByTopicAndReason() {
        double before = parkedCount(Topics.SET_EVENTS, "invalid-event");
        String patient = UUID.randomUUID().toString();
        EventStream.send(
                bootstrap,
                new EventStream.Sent(
                        Topics.SET_EVENTS,
                        patient,
                        UUID.randomUUID().toString(),
                        EventTypes.SET_COMPLETED,
                        "2026-03-02T07:00:00Z",
                        "{\"setId\":\"not-a-uuid\"}"));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(before + 1, parkedCount(Topics.SET_EVENTS, "invalid-event")));
    }

    /** backstrong_dead_letters_total of one topic and reason, as Prometheus scrapes it. */
    private double parkedCount(String topic, String reason) {
        String scraped =
                given().when().get(metrics).then().statusCode(200).extract().asString();
        return new Scrape(scraped).sum("backstrong_dead_letters_total", Map.of("topic", topic, "reason", reason));
    }
}
