package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.TestTokens;

/**
 * Through the broker and the database (the weekly means come from the adherence rows): three
 * Mondays from 2 March 2026, one session each. A rise of exactly one point over two weeks raises a
 * WATCH for the plan with the numbers and the clause; a drift inside the safe band does not.
 */
@QuarkusTest
class WeeklyPainTrendTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000c4";
    private static final List<String> MONDAYS = List.of("2026-03-02", "2026-03-09", "2026-03-16");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRiseOfOnePointOverTwoWeeksRaisesAWatchAndADriftInTheSafeBandDoesNot() {
        Patient rising = new Patient();
        Patient drifting = new Patient();
        // Weekly means 1.0 → 1.5 → 2.0, and 1.0 → 1.3 → 1.5.
        rising.weeks(new int[] {1, 1}, new int[] {1, 2}, new int[] {2, 2});
        drifting.weeks(new int[] {1, 1, 1}, new int[] {1, 1, 2}, new int[] {1, 2, 1, 2});
        rising.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        drifting.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            rising.timeline().statusCode(200);
            drifting.timeline().statusCode(200);
        });
        rising.stream.sendTo(bootstrap, Topics.SET_EVENTS);
        drifting.stream.sendTo(bootstrap, Topics.SET_EVENTS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            rising.timeline().body("decisions", hasSize(3));
            drifting.timeline().body("decisions", hasSize(3));
        });
        rising.timeline()
                .body("flags.rule", contains("WEEKLY_PAIN_RISING"))
                .body("flags[0].severity", equalTo("WATCH"))
                .body("flags[0].exerciseId", equalTo(null))
                .body(
                        "flags[0].evidence",
                        equalTo("weekly mean pain 1.0 → 1.5 → 2.0 in the weeks from 2026-03-02 "
                                + "(rising two weeks in a row; up 1.0 in all, at least 1 point)"));
        drifting.timeline().body("flags", empty());
    }

    /** A patient with a three-week plan (Mondays) of one main exercise, a bird dog of 1 to 4 sets. */
    private static final class Patient {

        final String clinic = "clinic-trend-" + UUID.randomUUID().toString().substring(0, 8);
        final String patient = UUID.randomUUID().toString();
        final String plan = UUID.randomUUID().toString();
        final String item = UUID.randomUUID().toString();
        final EventStream stream = new EventStream();

        Patient() {
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
                            "Trend",
                            "startDate",
                            "2026-03-02",
                            "weeks",
                            3,
                            "weekdays",
                            List.of(1),
                            "status",
                            "active",
                            "items",
                            List.of(data(
                                    "itemId",
                                    item,
                                    "exerciseId",
                                    "bird-dog",
                                    "exerciseVersion",
                                    1,
                                    "exerciseName",
                                    "bird-dog",
                                    "block",
                                    "main",
                                    "position",
                                    1,
                                    "doseKind",
                                    "reps",
                                    "sets",
                                    1,
                                    "setsMax",
                                    4,
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
                                    "bodyweight",
                                    "loadKg",
                                    null,
                                    "band",
                                    null,
                                    "loadStepPercent",
                                    5,
                                    "restSeconds",
                                    45,
                                    "harderVariantId",
                                    null,
                                    "paused",
                                    false))));
        }

        /** One session a week, a set per pain given. */
        void weeks(int[]... painsPerWeek) {
            for (int week = 0; week < painsPerWeek.length; week++) {
                String date = MONDAYS.get(week);
                int[] pains = painsPerWeek[week];
                for (int n = 1; n <= pains.length; n++) {
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
                                    item,
                                    "exerciseId",
                                    "bird-dog",
                                    "sessionDate",
                                    date,
                                    "setNumber",
                                    n,
                                    "side",
                                    null,
                                    "reps",
                                    10,
                                    "seconds",
                                    null,
                                    "loadKg",
                                    null,
                                    "band",
                                    null,
                                    "rir",
                                    2,
                                    "rpe",
                                    null,
                                    "pain",
                                    pains[n - 1],
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
                                1,
                                "setsLogged",
                                pains.length,
                                "completedAt",
                                at));
            }
        }

        ValidatableResponse timeline() {
            return given().auth()
                    .oauth2(TestTokens.clinician(CLINICIAN, clinic))
                    .when()
                    .get("/patients/" + patient + "/timeline")
                    .then();
        }
    }
}
