package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.backstrong.operations.KafkaClients;
import org.backstrong.planner.config.OutboxConfig;
import org.backstrong.planner.messaging.OutboxRelay;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.planner.repository.OutboxFeed;
import org.backstrong.planner.repository.OutboxRepository;

/** The outbox survives a relay that stops: what was committed meanwhile is published once it runs again. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxRepository outbox;

    /** Events in the outbox not yet published (read in a transaction of its own, from any thread). */
    private long unpublished() {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count("publishedAt is null"));
    }

    @AfterEach
    void relayRunsAgain() {
        relay.start();
    }

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** Operators see which instance publishes: backstrong_outbox_relay_leader is 1 while it leads, 0 once it stops. */
    @Test
    void theLeaderGaugeSaysWhetherThisInstancesRelayLeads() {
        await().atMost(Duration.ofSeconds(20)).until(relay::leads);
        assertEquals(1.0, leaderGauge(), "the leading relay's gauge");

        relay.stop();
        assertFalse(relay.leads());
        assertEquals(0.0, leaderGauge(), "a stopped relay leads nothing");

        relay.start();
        await().atMost(Duration.ofSeconds(20)).until(relay::leads);
        assertEquals(1.0, leaderGauge(), "the lead taken again");
    }

    private double leaderGauge() {
        String scrape =
                given().when().get(metrics).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^backstrong_outbox_relay_leader(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(scrape);
        assertTrue(line.find(), "backstrong_outbox_relay_leader is not in the scrape");
        return Double.parseDouble(line.group(1));
    }

    @Test
    void publishesWhatWasCommittedWhileItWasStoppedExactlyOnce() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> unpublished() == 0);
        relay.stop();

        List<String> setIds = List.of(1, 2, 3).stream()
                .map(number -> {
                    Map<String, Object> set =
                            SetLoggingTest.set(patient, number == 3 ? 3 : 2, number == 3 ? 1 : number);
                    if (number == 3) {
                        set.put("reps", 10);
                    }
                    given().auth()
                            .oauth2(patient.token())
                            .contentType(ContentType.JSON)
                            .body(set)
                            .when()
                            .post("/me/sets")
                            .then()
                            .statusCode(201);
                    return (String) set.get("setId");
                })
                .toList();
        assertEquals(3, unpublished(), "committed with the sets, waiting for the relay");

        relay.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> unpublished() == 0);
        List<String> published = Events.of(Topics.SET_EVENTS, patient.id(), 3).stream()
                .map(record -> JsonPath.from(record.value()).getString("setId"))
                .toList();
        assertEquals(setIds, published, "each set once, in commit order");
    }

    @Test
    void publishesPromptlyAfterTheCommit() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> unpublished() == 0);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(SetLoggingTest.set(patient, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);
        // Woken at the commit, not by its 1 s poll: well under a second (the benchmark measures the real figure).
        await().atMost(Duration.ofMillis(900))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> unpublished() == 0);
        Set<String> types = Events.of(Topics.SET_EVENTS, patient.id(), 1).stream()
                .map(Events::type)
                .collect(Collectors.toSet());
        assertTrue(types.contains("backstrong.set.completed.v1"));
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig outboxConfig;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /**
     * Two instances' relays at once: one leads and publishes, the other waits; when the leader stops,
     * the other takes over. One patient's events leave once each, in the order they were committed.
     */
    @Test
    void oneOfTwoRelaysPublishesAndTheOtherTakesOverWhenItStops() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> unpublished() == 0 && relay.leads());
        OutboxRelay secondInstance = new OutboxRelay(
                new OutboxFeed(dataSource),
                outboxConfig,
                new KafkaClients(Map.of("bootstrap.servers", bootstrapServers)));
        secondInstance.start();
        try {
            List<String> setIds = new java.util.ArrayList<>();
            for (int number = 1; number <= 3; number++) {
                setIds.add(logSet(patient, 2, number));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> unpublished() == 0);
            assertTrue(relay.leads(), "the first relay keeps the lead");
            assertFalse(secondInstance.leads(), "the second waits while the first leads");

            relay.stop();
            await().atMost(Duration.ofSeconds(20)).until(secondInstance::leads);
            for (int number = 1; number <= 3; number++) {
                setIds.add(logSet(patient, 3, number));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> unpublished() == 0);

            List<String> published = Events.of(Topics.SET_EVENTS, patient.id(), 6).stream()
                    .map(record -> JsonPath.from(record.value()).getString("setId"))
                    .toList();
            assertEquals(setIds, published, "each set once, in commit order, across the hand-over");
        } finally {
            secondInstance.stop();
        }
    }

    private static String logSet(SetLoggingTest.Patient patient, int item, int number) {
        Map<String, Object> set = SetLoggingTest.set(patient, item, number);
        if (item == 3) {
            set.put("reps", 10);
        }
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);
        return (String) set.get("setId");
    }
}
