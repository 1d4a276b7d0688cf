package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;

/**
 * The database refuses a set's event for a while (a trigger standing in for an outage): the set at
 * pain 7 is tried again, never parked, and its STOP flag is raised once the database takes it.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000d1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource dataSource;

    @Test
    void aSetTheDatabaseRefusesIsRetriedUntilItsStopFlagIsRaisedAndNeverParked() throws Exception {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        String token = TestTokens.clinician(CLINICIAN, scenario.clinic);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().auth()
                        .oauth2(token)
                        .when()
                        .get("/patients/" + scenario.patient + "/timeline")
                        .then()
                        .statusCode(200));

        EventStream painful = new EventStream()
                .add(
                        Topics.SET_EVENTS,
                        EventTypes.SET_COMPLETED,
                        scenario.patient,
                        "2026-03-02T07:05:00Z",
                        data(
                                "setId",
                                UUID.randomUUID().toString(),
                                "patientId",
                                scenario.patient,
                                "clinicId",
                                scenario.clinic,
                                "planId",
                                scenario.plan,
                                "itemId",
                                scenario.row,
                                "exerciseId",
                                "dumbbell-row",
                                "sessionDate",
                                "2026-03-02",
                                "setNumber",
                                1,
                                "side",
                                null,
                                "reps",
                                12,
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
                                7,
                                "beyondNormalFatigue",
                                false,
                                "loggedAt",
                                "2026-03-02T07:05:00Z"));
        String refused = painful.records().get(0).id();
        try (Connection connection = dataSource.getConnection();
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE refused_event (event_id text PRIMARY KEY)");
            ddl.execute("INSERT INTO refused_event VALUES ('" + refused + "')");
            ddl.execute("""
                    CREATE FUNCTION refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF EXISTS (SELECT 1 FROM refused_event WHERE event_id = NEW.event_id::text)
                        THEN RAISE EXCEPTION 'refused by the test'; END IF;
                        RETURN NEW;
                    END $$""");
            ddl.execute("CREATE TRIGGER refuse_event BEFORE INSERT ON processed_event "
                    + "FOR EACH ROW EXECUTE FUNCTION refuse_event()");
        }
        try {
            painful.sendTo(bootstrap);
            // Tried again and again while refused (whole batch, then alone): not applied, not parked.
            await().pollDelay(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> given().auth()
                            .oauth2(token)
                            .when()
                            .get("/patients/" + scenario.patient + "/timeline")
                            .then()
                            .statusCode(200)
                            .body("flags", empty()));
            assertEquals(0, parked(scenario.patient));

            try (Connection connection = dataSource.getConnection();
                    Statement dml = connection.createStatement()) {
                dml.execute("DELETE FROM refused_event");
            }
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(token)
                            .when()
                            .get("/patients/" + scenario.patient + "/timeline")
                            .then()
                            .statusCode(200)
                            .body("flags.severity", contains("STOP")));
            assertEquals(0, parked(scenario.patient));
        } finally {
            try (Connection connection = dataSource.getConnection();
                    Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TRIGGER refuse_event ON processed_event");
                ddl.execute("DROP FUNCTION refuse_event()");
                ddl.execute("DROP TABLE refused_event");
            }
        }
    }

    private long parked(String patient) {
        return KafkaProbe.read(bootstrap, Topics.deadLetter(Topics.SET_EVENTS), 10_000, Duration.ofSeconds(3)).stream()
                .filter(record -> patient.equals(record.key()))
                .count();
    }
}
