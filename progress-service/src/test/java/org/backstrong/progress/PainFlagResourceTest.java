package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.domain.PainFlag;
import org.backstrong.progress.domain.PainFlagStatus;
import org.backstrong.progress.domain.progression.PainFlagSeverity;
import org.backstrong.progress.repository.PainFlagRepository;
import org.backstrong.testinfra.TestTokens;

@QuarkusTest
class PainFlagResourceTest {

    private static final String CLARA = "11111111-1111-4111-8111-000000000001";
    private static final String COLIN = "11111111-1111-4111-8111-000000000002";
    private static final String PAUL = "22222222-2222-4222-8222-000000000001";
    private static final String PIA = "22222222-2222-4222-8222-000000000003";
    private static final UUID PAUL_STOP = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    private static final UUID PAUL_RESOLVED = UUID.fromString("00000000-0000-4000-8000-00000000a002");
    private static final UUID PIA_WATCH = UUID.fromString("00000000-0000-4000-8000-00000000b001");

    @Inject
    PainFlagRepository flags;

    @BeforeEach
    @Transactional
    void flagsInTwoClinics() {
        raise(PAUL_STOP, "clinic-a", PAUL, PainFlagSeverity.STOP, PainFlagStatus.OPEN, "pain 7 during set 2 (above 5)");
        raise(
                PAUL_RESOLVED,
                "clinic-a",
                PAUL,
                PainFlagSeverity.WATCH,
                PainFlagStatus.RESOLVED,
                "morning pain 5 after 2");
        raise(
                PIA_WATCH,
                "clinic-b",
                PIA,
                PainFlagSeverity.WATCH,
                PainFlagStatus.ACKNOWLEDGED,
                "morning pain 4 after 1");
    }

    private void raise(
            UUID id,
            String clinicId,
            String patientId,
            PainFlagSeverity severity,
            PainFlagStatus status,
            String evidence) {
        if (flags.findById(id) == null) {
            PainFlag flag = new PainFlag();
            flag.id = id;
            flag.clinicId = clinicId;
            flag.patientId = patientId;
            flag.exerciseId = "good-morning";
            flag.severity = severity;
            flag.status = status;
            flag.rule = severity == PainFlagSeverity.STOP ? "PAIN_ABOVE_FIVE" : "MORNING_PAIN_ROSE";
            flag.evidence = evidence;
            flag.raisedAt = OffsetDateTime.now();
            flags.persist(flag);
        }
    }

    @Test
    void answers401WithoutAToken() {
        given().when().get("/pain-flags").then().statusCode(401);
    }

    @Test
    void countsTheCallersClinicsUnresolvedFlagsOnly() {
        String clara = TestTokens.clinician(CLARA, "clinic-a");
        int listed = given().auth()
                .oauth2(clara)
                .queryParam("size", 200)
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
        given().auth()
                .oauth2(clara)
                .when()
                .get("/pain-flags/count")
                .then()
                .statusCode(200)
                .body("open", equalTo(listed));
        given().auth()
                .oauth2(TestTokens.clinician(COLIN, "clinic-b"))
                .when()
                .get("/pain-flags/count")
                .then()
                .statusCode(200)
                .body("open", equalTo(1));
        given().when().get("/pain-flags/count").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.patient(PAUL, "clinic-a"))
                .when()
                .get("/pain-flags/count")
                .then()
                .statusCode(403);
    }

    @Test
    void answers403ToAnAnalyst() {
        given().auth()
                .oauth2(TestTokens.analyst("33333333-3333-4333-8333-000000000001"))
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(403);
    }

    @Test
    void listsTheCallersClinicsUnresolvedFlagsWithTheirEvidence() {
        given().auth()
                .oauth2(TestTokens.clinician(CLARA, "clinic-a"))
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200)
                .body("id", contains(PAUL_STOP.toString()))
                .body("[0].severity", equalTo("STOP"))
                .body("[0].rule", equalTo("PAIN_ABOVE_FIVE"))
                .body("[0].evidence", equalTo("pain 7 during set 2 (above 5)"));
        given().auth()
                .oauth2(TestTokens.clinician(COLIN, "clinic-b"))
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(200)
                .body("id", contains(PIA_WATCH.toString()));
    }

    @Test
    void rejectsANegativePageNamingTheField() {
        given().auth()
                .oauth2(TestTokens.clinician(CLARA, "clinic-a"))
                .queryParam("page", -1)
                .when()
                .get("/pain-flags")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("page"));
    }
}
