package org.backstrong.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.backstrong.testinfra.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What the patient wrote about a set reaches their clinician: the timeline carries it. */
@QuarkusTest
class PatientNoteTest {

    private static final String CLINICIAN = NotedSetsScenario.CLINICIAN;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theTimelineCarriesEachSetsNoteForTheClinicOnly() {
        NotedSetsScenario scenario = NotedSetsScenario.applied(bootstrap);
        given().auth().oauth2(TestTokens.clinician(CLINICIAN, scenario.clinic))
                .when().get("/patients/" + scenario.patient + "/timeline")
                .then().statusCode(200)
                .body("sessions", hasSize(1))
                .body("sessions[0].sets.setNumber", contains(1, 2, 3))
                .body("sessions[0].sets.note", contains(NotedSetsScenario.EASY, NotedSetsScenario.SHARP, null))
                .body("flags.rule", contains("PAIN_ABOVE_FIVE"));
        given().auth().oauth2(TestTokens.clinician(CLINICIAN, "clinic-elsewhere"))
                .when().get("/patients/" + scenario.patient + "/timeline")
                .then().statusCode(404)
                .body(not(containsString("sharp pain")));
        given().auth().oauth2(TestTokens.clinician(CLINICIAN, "clinic-elsewhere"))
                .when().get("/pain-flags")
                .then().statusCode(200)
                .body(not(containsString("sharp pain")));
    }
}
