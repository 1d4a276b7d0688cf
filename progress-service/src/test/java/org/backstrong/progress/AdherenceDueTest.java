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
 * Adherence counts only what was due, through the broker, the database and the analysts' API, on
 * Wednesday 11 March 2026 at noon (the service's clock fixed): three patients of one clinic on
 * three-week plans (Mon, Wed, Fri; a dumbbell row of 2 sets). Anna started on 2 March and did every
 * session up to today; Ben started on Monday 9 March and did that one; Dora started then too and did
 * nothing. Friday 13 March is in the future: neither scheduled nor missed, so week 11 counts Monday
 * and Wednesday, and week 12 not at all.
 */
@QuarkusTest
class AdherenceDueTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000c5";
    private static final String ANALYST = "33333333-3333-4333-8333-0000000000a5";
    private static final Instant WEDNESDAY_NOON = Instant.parse("2026-03-11T12:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final String clinic = "clinic-due-" + UUID.randomUUID().toString().substring(0, 8);
    /** The template every patient's plan comes from, as analysts group by it. */
    final String template = UUID.randomUUID().toString();

    @BeforeEach
    void todayIsWednesdayTheEleventh() {
        QuarkusMock.installMockForType(Clock.fixed(WEDNESDAY_NOON, ZoneOffset.UTC), Clock.class);
    }

    @Test
    void countsTheWeekThatIsHalfInTheFutureOnlyUpToTodayInEveryAnswer() {
        EventStream stream = new EventStream();
        Patient anna = new Patient(stream, "2026-03-02");
        Patient ben = new Patient(stream, "2026-03-09");
        new Patient(stream, "2026-03-09");
        List.of("2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09", "2026-03-11")
                .forEach(anna::session);
        ben.session("2026-03-09");
        stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.clinician(CLINICIAN, clinic))
                        .when()
                        .get("/patients/" + ben.patient + "/timeline")
                        .then()
                        .statusCode(200));
        stream.sendTo(bootstrap, Topics.SET_EVENTS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));

        // To a day in the future: counted up to today. Week 12 is not due at all.
        analyst()
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-22")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows.key", contains("2026-W10", "2026-W11"))
                .body("rows.patients", contains(1, 3))
                .body("rows.sessionsScheduled", contains(3, 6))
                .body("rows.sessionsCompleted", contains(3, 3))
                .body("rows.sessionAdherencePercent", contains(100.0f, 50.0f))
                .body("rows.setsPrescribed", contains(6, 12))
                .body("rows.setsLogged", contains(6, 6));
        // Without a to, today; the same rows.
        analyst()
                .queryParam("from", "2026-03-02")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows.sessionsScheduled", contains(3, 6));
        // To Monday: only Monday of week 11, what was done on Wednesday included neither.
        analyst()
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-09")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows.key", contains("2026-W10", "2026-W11"))
                .body("rows.sessionsScheduled", contains(3, 3))
                .body("rows.sessionsCompleted", contains(3, 2))
                .body("rows.setsPrescribed", contains(6, 6))
                .body("rows.setsLogged", contains(6, 4));
        // The totals, per template, per patient and per exercise.
        analyst()
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-22")
                .queryParam("groupBy", "template")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows.key", contains(template))
                .body("rows[0].patients", equalTo(3))
                .body("rows[0].sessionsScheduled", equalTo(9))
                .body("rows[0].sessionsCompleted", equalTo(6))
                .body("rows[0].setsPrescribed", equalTo(18));
        analyst()
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-22")
                .queryParam("groupBy", "patient")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows.sessionsScheduled.sort()", contains(2, 2, 5))
                .body("rows.sessionsCompleted.sort()", contains(0, 1, 5));
        analyst()
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-22")
                .queryParam("groupBy", "exercise")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body("rows.key", contains("dumbbell-row"))
                .body("rows[0].patients", equalTo(3))
                .body("rows[0].setsPrescribed", equalTo(18))
                .body("rows[0].setsLogged", equalTo(12));
        // The CSV gives the same rows.
        analyst()
                .accept("text/csv")
                .queryParam("from", "2026-03-02")
                .queryParam("to", "2026-03-22")
                .when()
                .get("/adherence")
                .then()
                .statusCode(200)
                .body(equalTo(
                        "week,patients,sessionsScheduled,sessionsCompleted,sessionAdherencePercent,setsPrescribed,"
                                + "setsLogged,setAdherencePercent,meanPain,peakPain\r\n"
                                + "2026-W10,1,3,3,100.0,6,6,100.0,2.0,2\r\n"
                                + "2026-W11,3,6,3,50.0,12,6,50.0,2.0,2\r\n"));
        // At risk today: Dora (none of 2), not Ben (1 of 2 is not under half); Friday is not missed yet.
        analyst()
                .when()
                .get("/adherence/at-risk")
                .then()
                .statusCode(200)
                .body("rows.size()", equalTo(1))
                .body("rows[0].sessionsScheduled", equalTo(2))
                .body("rows[0].sessionsCompleted", equalTo(0))
                .body("rows[0].adherencePercent", equalTo(0.0f))
                .body(not(containsString(ben.patient)));
        analyst()
                .queryParam("asOf", "2026-03-22")
                .when()
                .get("/adherence/at-risk")
                .then()
                .statusCode(200)
                .body("rows.size()", equalTo(1));
    }

    private RequestSpecification analyst() {
        return given().auth().oauth2(TestTokens.analyst(ANALYST, clinic)).queryParam("clinic", clinic);
    }

    /** A patient of the clinic on a three-week plan from {@code start} (Mon, Wed, Fri) of one dumbbell row of 2 sets. */
    private final class Patient {

        final String patient = UUID.randomUUID().toString();
        final String plan = UUID.randomUUID().toString();
        final String row = UUID.randomUUID().toString();
        final EventStream stream;

        Patient(EventStream stream, String start) {
            this.stream = stream;
            stream.add(
                    Topics.PLAN_EVENTS,
                    EventTypes.PLAN_ASSIGNED,
                    patient,
                    start + "T06:00:00Z",
                    data(
                            "planId",
                            plan,
                            "patientId",
                            patient,
                            "clinicId",
                            clinic,
                            "templateId",
                            template,
                            "name",
                            "Due",
                            "startDate",
                            start,
                            "weeks",
                            3,
                            "weekdays",
                            List.of(1, 3, 5),
                            "status",
                            "active",
                            "items",
                            List.of(EventStream.dumbbellRowItem(row))));
        }

        /** Both sets at pain 2, and the session completed. */
        void session(String date) {
            for (int n = 1; n <= 2; n++) {
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
                            2,
                            "completedAt",
                            at));
        }
    }
}
