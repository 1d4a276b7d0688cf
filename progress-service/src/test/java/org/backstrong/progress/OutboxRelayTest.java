package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.backstrong.operations.KafkaClients;
import org.backstrong.progress.config.ProgressConfig;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.OutboxRelay;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.progress.repository.OutboxRelayRepository;
import org.backstrong.progress.service.Outbox;
import org.backstrong.testinfra.KafkaProbe;

/** Any number of instances: one relay leads and publishes, in order; another takes over when it stops. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelayRepository outboxRows;

    @Inject
    ProgressConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void relayRunsAgain() {
        relay.start();
    }

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** Operators see which instance publishes: backstrong_outbox_relay_leader is 1 while it leads, 0 once it stops. */
    @Test
    void theLeaderGaugeSaysWhetherThisInstancesRelayLeads() throws InterruptedException {
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
    void oneOfTwoRelaysPublishesAndTheOtherTakesOverWhenItStops() throws InterruptedException {
        String patient = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(20)).until(relay::leads);
        OutboxRelay secondInstance =
                new OutboxRelay(outboxRows, config, new KafkaClients(Map.of("bootstrap.servers", bootstrap)));
        secondInstance.start();
        try {
            List<Integer> written = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                written.add(write(patient, n));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> published(patient).size() == 5);
            assertTrue(relay.leads(), "the first relay keeps the lead");
            assertFalse(secondInstance.leads(), "the second waits while the first leads");

            relay.stop();
            await().atMost(Duration.ofSeconds(30)).until(secondInstance::leads);
            for (int n = 6; n <= 10; n++) {
                written.add(write(patient, n));
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> published(patient).size() >= 10);
            assertEquals(written, published(patient), "each event once, in the order written, across the hand-over");
        } finally {
            secondInstance.stop();
        }
    }

    private int write(String patient, int n) {
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish(EventTypes.PAIN_FLAGGED, patient, Map.of("patientId", patient, "n", n)));
        return n;
    }

    private List<Integer> published(String patient) {
        return KafkaProbe.read(bootstrap, Topics.PROGRESS_EVENTS, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                .filter(record -> patient.equals(record.key()))
                .map(record -> JsonPath.from(record.value()).getInt("n"))
                .toList();
    }
}
