package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.domain.PainFlag;
import org.backstrong.progress.domain.PainFlagStatus;
import org.backstrong.progress.domain.progression.PainFlagSeverity;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.progress.repository.PainFlagRepository;
import org.backstrong.testinfra.KafkaProbe;
import org.backstrong.testinfra.TestTokens;

/** Clinicians acknowledge and resolve their clinic's flags; a resolution is published; another clinic's flag is 404. */
@QuarkusTest
class PainFlagReviewTest {

    private static final String CLARA = "11111111-1111-4111-8111-0000000000e1";
    private static final String COLIN = "11111111-1111-4111-8111-0000000000e2";

    @Inject
    PainFlagRepository flags;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Transactional
    UUID stopFlag(String clinic, String patient) {
        PainFlag flag = new PainFlag();
        flag.id = UUID.randomUUID();
        flag.clinicId = clinic;
        flag.patientId = patient;
        flag.planId = UUID.randomUUID();
        flag.itemId = UUID.randomUUID();
        flag.exerciseId = "dumbbell-row";
        flag.severity = PainFlagSeverity.STOP;
        flag.status = PainFlagStatus.OPEN;
        flag.rule = "PAIN_ABOVE_FIVE";
        flag.evidence = "pain 7 during set 1 (above 5)";
        flag.raisedAt = OffsetDateTime.now();
        flags.persist(flag);
        return flag.id;
    }

    @Test
    void acknowledgesThenResolvesWithANoteAndPublishesTheResolution() {
        String clinic = "clinic-review-" + UUID.randomUUID().toString().substring(0, 8);
        String patient = UUID.randomUUID().toString();
        UUID flag = stopFlag(clinic, patient);
        String clara = TestTokens.clinician(CLARA, clinic);

        given().auth()
                .oauth2(clara)
                .when()
                .post("/pain-flags/" + flag + "/acknowledge")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(CLARA));
        given().auth()
                .oauth2(clara)
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200)
                .body("id", hasItem(flag.toString()));

        given().auth()
                .oauth2(clara)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Checked form by video; lighter dumbbell from Monday."))
                .when()
                .post("/pain-flags/" + flag + "/resolve")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("resolvedBy", equalTo(CLARA))
                .body("resolutionNote", equalTo("Checked form by video; lighter dumbbell from Monday."));
        given().auth()
                .oauth2(clara)
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(flag.toString())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> published =
                    KafkaProbe.read(bootstrap, Topics.PROGRESS_EVENTS, 1000, Duration.ofSeconds(2)).stream()
                            .filter(record -> patient.equals(record.key()))
                            .toList();
            assertEquals(1, published.size());
            assertEquals(EventTypes.PAIN_FLAG_RESOLVED, EventReplayTest.header(published.get(0), "ce_type"));
            org.hamcrest.MatcherAssert.assertThat(
                    published.get(0).value(),
                    org.hamcrest.Matchers.containsString(
                            "\"note\":\"Checked form by video; lighter dumbbell from Monday.\""));
        });
    }

    @Test
    void refusesToResolveAResolvedFlag() {
        String clinic = "clinic-review-" + UUID.randomUUID().toString().substring(0, 8);
        UUID flag = stopFlag(clinic, UUID.randomUUID().toString());
        String clara = TestTokens.clinician(CLARA, clinic);
        given().auth()
                .oauth2(clara)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Fine again."))
                .when()
                .post("/pain-flags/" + flag + "/resolve")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(clara)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Twice."))
                .when()
                .post("/pain-flags/" + flag + "/resolve")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(clara)
                .when()
                .post("/pain-flags/" + flag + "/acknowledge")
                .then()
                .statusCode(409);
    }

    @Test
    void answers404ForAnotherClinicsFlagAndChangesNothing() {
        String clinic = "clinic-review-" + UUID.randomUUID().toString().substring(0, 8);
        UUID flag = stopFlag(clinic, UUID.randomUUID().toString());
        String colin = TestTokens.clinician(COLIN, "clinic-elsewhere");
        given().auth()
                .oauth2(colin)
                .when()
                .post("/pain-flags/" + flag + "/acknowledge")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(colin)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Not mine."))
                .when()
                .post("/pain-flags/" + flag + "/resolve")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.clinician(CLARA, clinic))
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + flag + "' }.status", equalTo("OPEN"));
        given().auth()
                .oauth2(colin)
                .when()
                .post("/pain-flags/" + UUID.randomUUID() + "/acknowledge")
                .then()
                .statusCode(404);
    }
}
