package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.TestTokens;

/**
 * One patient's weeks for their clinician, on Wednesday 25 March 2026 at noon (the clock fixed): a
 * four-week plan from Monday 2 March (Mon, Wed, Fri; a dumbbell row of 2 sets). Week 10: Monday done,
 * Wednesday missed, Friday one set of two (under 80 %, not completed). Week 11 paused (from Monday 9,
 * resumed Monday 16): nothing scheduled. Week 12: all three done. Week 13: Monday done, Wednesday
 * (today) not yet, Friday in the future: neither scheduled nor missed.
 */
@QuarkusTest
class PatientAdherenceTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000d7";
    private static final Instant WEDNESDAY_NOON = Instant.parse("2026-03-25T12:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final String clinic = "clinic-weeks-" + UUID.randomUUID().toString().substring(0, 8);
    final String patient = UUID.randomUUID().toString();
    final String plan = UUID.randomUUID().toString();
    final String row = UUID.randomUUID().toString();
    final EventStream stream = new EventStream();

    @BeforeEach
    void todayIsWednesdayTheTwentyFifth() {
        QuarkusMock.installMockForType(Clock.fixed(WEDNESDAY_NOON, ZoneOffset.UTC), Clock.class);
    }

    @Test
    void answersEachWeekAsFarAsItWasDueWithThePausedWeekEmpty() {
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
                        "Weeks",
                        "startDate",
                        "2026-03-02",
                        "weeks",
                        4,
                        "weekdays",
                        List.of(1, 3, 5),
                        "status",
                        "active",
                        "items",
                        List.of(EventStream.dumbbellRowItem(row))));
        stream.add(
                Topics.PLAN_EVENTS,
                EventTypes.PLAN_PAUSED,
                patient,
                "2026-03-08T18:00:00Z",
                data("planId", plan, "patientId", patient, "clinicId", clinic, "date", "2026-03-09", "reason", "Away"));
        stream.add(
                Topics.PLAN_EVENTS,
                EventTypes.PLAN_RESUMED,
                patient,
                "2026-03-15T18:00:00Z",
                data("planId", plan, "patientId", patient, "clinicId", clinic, "date", "2026-03-16", "reason", "Back"));
        session("2026-03-02", 2);
        session("2026-03-06", 1);
        List.of("2026-03-16", "2026-03-18", "2026-03-20", "2026-03-23").forEach(day -> session(day, 2));
        stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> clinician(clinic)
                        .when()
                        .get("/patients/" + patient + "/adherence")
                        .then()
                        .statusCode(200));
        stream.sendTo(bootstrap, Topics.SET_EVENTS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));

        clinician(clinic)
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-29")
                .when()
                .get("/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("patientId", equalTo(patient))
                .body("from", equalTo("2026-03-02"))
                .body("to", equalTo("2026-03-29"))
                .body("weeks.weekStart", contains("2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"))
                .body("weeks.sessionsScheduled", contains(3, 0, 3, 2))
                .body("weeks.sessionsCompleted", contains(1, 0, 3, 1))
                .body("weeks.setsPrescribed", contains(6, 0, 6, 4))
                .body("weeks.setsLogged", contains(3, 0, 6, 2));
        // To Monday 16 March: the third week only as far as that day.
        clinician(clinic)
                .queryParam("from", "2026-03-09")
                .queryParam("to", "2026-03-16")
                .when()
                .get("/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("weeks.weekStart", contains("2026-03-09", "2026-03-16"))
                .body("weeks.sessionsScheduled", contains(0, 1))
                .body("weeks.sessionsCompleted", contains(0, 1));
        // Without a range: the twelve weeks up to today, the plan's weeks the last four of them.
        clinician(clinic)
                .when()
                .get("/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("to", equalTo("2026-03-25"))
                .body("weeks.size()", equalTo(13))
                .body("weeks[-1].sessionsScheduled", equalTo(2));
        // A range wholly in the future: nothing was due.
        clinician(clinic)
                .queryParam("from", "2026-04-06")
                .queryParam("to", "2026-04-12")
                .when()
                .get("/patients/" + patient + "/adherence")
                .then()
                .statusCode(200)
                .body("weeks.size()", equalTo(0));
        // Another clinic's clinician: not found, and the id is not echoed.
        clinician("clinic-elsewhere")
                .when()
                .get("/patients/" + patient + "/adherence")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body(not(containsString(patient)));
    }

    private static RequestSpecification clinician(String clinic) {
        return given().auth().oauth2(TestTokens.clinician(CLINICIAN, clinic));
    }

    /** {@code logged} of the 2 prescribed sets at pain 2, and the session completed. */
    private void session(String date, int logged) {
        for (int n = 1; n <= logged; n++) {
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
                        logged,
                        "completedAt",
                        at));
    }
}
