package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.TestTokens;

/**
 * A one-exercise plan from Monday 2 March 2026 (Mon, Wed, Fri: a dumbbell row, 2 of at most 3 sets
 * of 8–12) and its first session, where the patient wrote about two of the three sets: set 1 (pain
 * 2) {@link #EASY}, set 2 (pain 7, a STOP) {@link #SHARP} over two lines, set 3 (pain 3) nothing.
 */
final class NotedSetsScenario {

    /** The clinician of the scenario's clinic. */
    static final String CLINICIAN = "11111111-1111-4111-8111-0000000000d1";

    static final String EASY = "felt easy, <b>no</b> problem";
    static final String SHARP = "sharp pain in my\nleft side";
    /** SHARP as the evidence quotes it: on one line. */
    static final String SHARP_QUOTED = "the patient wrote: \"sharp pain in my left side\"";

    final String clinic = "clinic-notes-" + UUID.randomUUID().toString().substring(0, 8);
    final String patient = UUID.randomUUID().toString();
    final String plan = UUID.randomUUID().toString();
    final String row = UUID.randomUUID().toString();
    final EventStream stream = new EventStream();

    NotedSetsScenario() {
        stream.add(
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
                        UUID.randomUUID().toString(),
                        "name",
                        "Lower back basics",
                        "startDate",
                        "2026-03-02",
                        "weeks",
                        1,
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
                                "Dumbbell Row",
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
                                10.0,
                                "band",
                                null,
                                "loadStepPercent",
                                5,
                                "restSeconds",
                                60,
                                "harderVariantId",
                                null,
                                "paused",
                                false))));
        set(1, 2, EASY, "07:05");
        set(2, 7, SHARP, "07:08");
        set(3, 3, null, "07:11");
        stream.add(
                Topics.SET_EVENTS,
                EventTypes.SESSION_COMPLETED,
                patient,
                "2026-03-02T07:30:00Z",
                data(
                        "patientId",
                        patient,
                        "clinicId",
                        clinic,
                        "planId",
                        plan,
                        "sessionDate",
                        "2026-03-02",
                        "setsPrescribed",
                        2,
                        "setsLogged",
                        3,
                        "completedAt",
                        "2026-03-02T07:30:00Z"));
    }

    /** A fresh scenario sent: the plan, then (once it is known) the session; returns when all of it is applied. */
    static NotedSetsScenario applied(String bootstrap) {
        return applied(bootstrap, null);
    }

    /** The same, each set-events record carrying this traceparent header (none when null). */
    static NotedSetsScenario applied(String bootstrap, String setEventsTraceparent) {
        NotedSetsScenario scenario = new NotedSetsScenario();
        if (setEventsTraceparent != null) {
            scenario.stream.traced(Topics.SET_EVENTS, setEventsTraceparent);
        }
        String clinician = TestTokens.clinician(CLINICIAN, scenario.clinic);
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(clinician)
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200));
        scenario.stream.sendTo(bootstrap, Topics.SET_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(clinician)
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200)
                        .body("sessions[0].sets", hasSize(3))
                        .body("sessions[0].counted", equalTo(true)));
        return scenario;
    }

    private void set(int number, int pain, String note, String time) {
        String at = "2026-03-02T" + time + ":00Z";
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
                        "2026-03-02",
                        "setNumber",
                        number,
                        "side",
                        null,
                        "reps",
                        10,
                        "seconds",
                        null,
                        "loadKg",
                        10.0,
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
                        at,
                        "note",
                        note));
    }
}
