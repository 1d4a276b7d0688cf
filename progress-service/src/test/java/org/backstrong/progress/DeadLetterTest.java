package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What cannot be applied goes to the dead-letter topic with the reason; the patient's next event still applies. */
@QuarkusTest
class DeadLetterTest {

    private static final String CLINICIAN = "11111111-1111-4111-8111-0000000000d1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void parksAPoisonMessageWithItsReasonAndKeepsConsuming() {
        ThreeWeekScenario scenario = new ThreeWeekScenario();
        scenario.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                .when().get("/patients/" + scenario.patient + "/timeline").then().statusCode(200));

        EventStream poison = new EventStream()
                .addInvalid(Topics.SET_EVENTS, EventTypes.SET_COMPLETED, scenario.patient, "2026-03-02T07:00:00Z",
                        data("setId", "not-a-uuid", "patientId", scenario.patient))
                .addInvalid(Topics.SET_EVENTS, EventTypes.MORNING_CHECK_IN, scenario.patient, "2026-03-03T06:45:00Z",
                        data("checkInId", UUID.randomUUID().toString(), "patientId", scenario.patient, "clinicId",
                                scenario.clinic, "planId", scenario.plan, "date", "2026-03-03", "pain", 11,
                                "loggedAt", "2026-03-03T06:45:00Z"))
                .add(Topics.SET_EVENTS, EventTypes.MORNING_CHECK_IN, scenario.patient, "2026-03-04T06:45:00Z",
                        data("checkInId", UUID.randomUUID().toString(), "patientId", scenario.patient, "clinicId",
                                scenario.clinic, "planId", scenario.plan, "date", "2026-03-04", "pain", 2,
                                "loggedAt", "2026-03-04T06:45:00Z"));
        poison.sendTo(bootstrap);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked = KafkaProbe.read(bootstrap, Topics.deadLetter(Topics.SET_EVENTS),
                    1000, Duration.ofSeconds(3)).stream().filter(record -> scenario.patient.equals(record.key())).toList();
            assertEquals(2, parked.size());
            assertEquals(poison.records().get(0).id(), EventReplayTest.header(parked.get(0), "ce_id"));
            assertNotNull(EventReplayTest.header(parked.get(0), "dead-letter-reason"));
            org.hamcrest.MatcherAssert.assertThat(EventReplayTest.header(parked.get(1), "dead-letter-reason"),
                    org.hamcrest.Matchers.containsString("pain must be from 0 to 10"));
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth()
                .oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                .when().get("/patients/" + scenario.patient + "/timeline")
                .then().statusCode(200).body("checkIns.date", contains("2026-03-04")));
    }

    @Test
    void parksARecordWithoutAnEventId() {
        String patient = UUID.randomUUID().toString();
        EventStream.Sent withoutId = new EventStream.Sent(Topics.SET_EVENTS, patient, null, EventTypes.SET_COMPLETED,
                "2026-03-02T07:00:00Z", "{}");
        EventStream.send(bootstrap, withoutId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked = KafkaProbe.read(bootstrap, Topics.deadLetter(Topics.SET_EVENTS),
                    1000, Duration.ofSeconds(3)).stream().filter(record -> patient.equals(record.key())).toList();
            assertEquals(1, parked.size());
            org.hamcrest.MatcherAssert.assertThat(EventReplayTest.header(parked.get(0), "dead-letter-reason"),
                    org.hamcrest.Matchers.containsString("ce_id is required"));
        });
    }
}
