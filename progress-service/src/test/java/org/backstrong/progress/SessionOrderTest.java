package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * Through the broker and the database: a session is decided once, in date order, against the dose
 * it was done at. A plan from Monday 2 March 2026 (Mon, Wed, Fri) with a dumbbell row (2 of at most
 * 3 sets of 8–12 with 10 kg): week 1 starts light; the plan is paused on 10 March and a session of
 * 11 March arrives while it is (a hold for good, also after the plan resumes on 12 March and a
 * clinician raises the row to 12 kg); 16 March qualifies (an extra set short of the range does not
 * count) and gains a set; then the session of 13 March arrives late and changes nothing.
 */
@QuarkusTest
class SessionOrderTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000c3";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final String clinic = "clinic-order-" + UUID.randomUUID().toString().substring(0, 8);
    final String patient = UUID.randomUUID().toString();
    final String plan = UUID.randomUUID().toString();
    final String row = UUID.randomUUID().toString();

    @Test
    void aPausedSessionHoldsForGoodAndALateEarlierSessionChangesNothing() throws Exception {
        send(new EventStream()
                .add(
                        Topics.PLAN_EVENTS,
                        EventTypes.PLAN_ASSIGNED,
                        patient,
                        "2026-03-01T18:00:00Z",
                        plan(10.0, Map.of())));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> timeline().statusCode(200));

        EventStream week1 = new EventStream();
        session(week1, "2026-03-02", 10.0, 12, 12);
        checkIn(week1, "2026-03-03");
        send(week1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> timeline().body("decisions", hasSize(1)));

        send(new EventStream()
                .add(
                        Topics.PLAN_EVENTS,
                        EventTypes.PLAN_PAUSED,
                        patient,
                        "2026-03-10T09:00:00Z",
                        status("2026-03-10", "holiday")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));

        EventStream whilePaused = new EventStream();
        session(whilePaused, "2026-03-11", 10.0, 12, 12);
        checkIn(whilePaused, "2026-03-12");
        send(whilePaused);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> timeline().body("decisions", hasSize(2)));

        // Resumed, and the clinician's change replays the sessions known before the plan: the paused one stays decided.
        send(new EventStream()
                .add(
                        Topics.PLAN_EVENTS,
                        EventTypes.PLAN_RESUMED,
                        patient,
                        "2026-03-12T09:00:00Z",
                        status("2026-03-12", "back from holiday"))
                .add(
                        Topics.PLAN_EVENTS,
                        EventTypes.PLAN_CHANGED,
                        patient,
                        "2026-03-12T12:00:00Z",
                        plan(12.0, Map.of("changedItemIds", List.of(row), "changedBy", "clinician-3"))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));
        timeline().body("decisions", hasSize(2));

        EventStream monday = new EventStream();
        session(monday, "2026-03-16", 12.0, 12, 12, 5);
        send(monday);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> timeline().body("decisions", hasSize(3)));

        EventStream lateFriday = new EventStream();
        session(lateFriday, "2026-03-13", 12.0, 12, 12);
        send(lateFriday);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> timeline().body("decisions", hasSize(4)));

        timeline()
                .body("decisions.sessionDate", contains("2026-03-02", "2026-03-11", "2026-03-13", "2026-03-16"))
                .body(
                        "decisions.rule",
                        contains("FIRST_WEEK_START_LIGHT", "PLAN_PAUSED", "LATER_SESSION_DECIDED", "ADD_SET"))
                .body("decisions.outcome", contains("HOLD", "HOLD", "HOLD", "PROGRESS"))
                .body("decisions[1].inputs.planStatus", equalTo("paused"))
                .body("decisions[1].before.loadKg", equalTo(10.0f))
                .body("decisions[1].after.sets", equalTo(2))
                .body("decisions[2].inputs.laterSessionDecided", equalTo("2026-03-16"))
                .body("decisions[2].before.sets", equalTo(3))
                .body("decisions[2].after.sets", equalTo(3))
                .body("decisions[3].before.loadKg", equalTo(12.0f))
                .body("decisions[3].after.sets", equalTo(3))
                .body("decisions[3].inputs.setsLogged", equalTo(2))
                .body("decisions[3].inputs.extraSetsNotCounted", equalTo(1));

        // Only the session of 16 March changed the plan.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> published =
                    KafkaProbe.read(bootstrap, Topics.PROGRESS_EVENTS, 1000, Duration.ofSeconds(3)).stream()
                            .filter(record -> patient.equals(record.key()))
                            .toList();
            assertEquals(
                    List.of(EventTypes.PROGRESSION_ADJUSTED),
                    published.stream()
                            .map(r -> EventReplayTest.header(r, "ce_type"))
                            .toList());
            org.hamcrest.MatcherAssert.assertThat(
                    published.get(0).value(), org.hamcrest.Matchers.containsString("\"rule\":\"ADD_SET\""));
        });
    }

    private void send(EventStream stream) {
        stream.sendTo(bootstrap);
    }

    private ValidatableResponse timeline() {
        return given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, clinic))
                .when()
                .get("/patients/" + patient + "/timeline")
                .then();
    }

    private Map<String, Object> plan(double rowKg, Map<String, Object> change) {
        Map<String, Object> data = data(
                "planId",
                plan,
                "patientId",
                patient,
                "clinicId",
                clinic,
                "templateId",
                UUID.randomUUID().toString(),
                "name",
                "Session order",
                "startDate",
                "2026-03-02",
                "weeks",
                3,
                "weekdays",
                List.of(1, 3, 5),
                "status",
                "active",
                "items",
                List.of(data(
                        "itemId",
                        row,
                        "exerciseId",
                        "dumbbell-row",
                        "exerciseVersion",
                        1,
                        "exerciseName",
                        "dumbbell-row",
                        "block",
                        "main",
                        "position",
                        1,
                        "doseKind",
                        "reps",
                        "sets",
                        2,
                        "setsMax",
                        3,
                        "repsMin",
                        8,
                        "repsMax",
                        12,
                        "secondsMin",
                        null,
                        "secondsMax",
                        null,
                        "holdSeconds",
                        null,
                        "perSide",
                        false,
                        "loadKind",
                        "kg",
                        "loadKg",
                        rowKg,
                        "band",
                        null,
                        "loadStepPercent",
                        5,
                        "restSeconds",
                        60,
                        "harderVariantId",
                        null,
                        "paused",
                        false)));
        data.putAll(change);
        return data;
    }

    private Map<String, Object> status(String date, String reason) {
        return data("planId", plan, "patientId", patient, "clinicId", clinic, "date", date, "reason", reason);
    }

    /** The row's sets, one per number of reps given (set 3 is beyond the prescription's two), then the session. */
    private void session(EventStream stream, String date, double kg, int... reps) {
        for (int n = 1; n <= reps.length; n++) {
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
                            reps[n - 1],
                            "seconds",
                            null,
                            "loadKg",
                            kg,
                            "band",
                            null,
                            "rir",
                            2,
                            "rpe",
                            null,
                            "pain",
                            2,
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
                        reps.length,
                        "completedAt",
                        at));
    }

    private void checkIn(EventStream stream, String date) {
        String at = date + "T06:45:00Z";
        stream.add(
                Topics.SET_EVENTS,
                EventTypes.MORNING_CHECK_IN,
                patient,
                at,
                data(
                        "checkInId",
                        UUID.randomUUID().toString(),
                        "patientId",
                        patient,
                        "clinicId",
                        clinic,
                        "planId",
                        plan,
                        "date",
                        date,
                        "pain",
                        2,
                        "loggedAt",
                        at));
    }
}
