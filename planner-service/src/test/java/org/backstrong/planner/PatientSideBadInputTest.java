package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.backstrong.testinfra.TestTokens;

/** Check-ins, session completion and screening: bad input, roles and other people's data. */
@QuarkusTest
class PatientSideBadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pain 11           | {\"id\":\"%s\",\"date\":\"%s\",\"pain\":11}   | 400 | pain",
                "negative pain     | {\"id\":\"%s\",\"date\":\"%s\",\"pain\":-1}   | 400 | pain",
                "no pain           | {\"id\":\"%s\",\"date\":\"%s\"}               | 400 | pain",
                "id not a UUID     | {\"id\":\"x%s\",\"date\":\"%s\",\"pain\":2}   | 400 | id",
                "date not a date   | {\"id\":\"%s\",\"date\":\"x%s\",\"pain\":2}   | 400 | date",
                "tomorrow          | {\"id\":\"%s\",\"date\":\"%s+\",\"pain\":2}   | 422 | date",
            })
    void rejectsABadCheckInNamingTheField(String what, String template, int status, String field) {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(1);
        String date = LocalDate.now().toString();
        String body = String.format(template, UUID.randomUUID(), date)
                .replace(date + "+", LocalDate.now().plusDays(1).toString());
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/me/check-ins")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
    }

    @Test
    void aCheckInFollowsASessionDay() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        // The plan starts today: yesterday was no session, so this morning has nothing to check in for.
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "date",
                        LocalDate.now().toString(),
                        "pain",
                        1))
                .when()
                .post("/me/check-ins")
                .then()
                .statusCode(422)
                .body("field", equalTo("date"));
    }

    @Test
    void completionNeedsAPlanOfTheCallersAndASessionDay() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        SetLoggingTest.Patient other = SetLoggingTest.patientWithPlan(0);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/me/sessions/" + LocalDate.now() + "/complete")
                .then()
                .statusCode(400)
                .body("field", equalTo("planId"));
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of("planId", patient.planId()))
                .when()
                .post("/me/sessions/someday/complete")
                .then()
                .statusCode(400)
                .body("field", equalTo("date"));
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of("planId", patient.planId()))
                .when()
                .post("/me/sessions/" + LocalDate.now().plusDays(1) + "/complete")
                .then()
                .statusCode(422)
                .body("field", equalTo("date"));
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of("planId", other.planId()))
                .when()
                .post("/me/sessions/" + LocalDate.now() + "/complete")
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("planId", patient.planId()))
                .when()
                .post("/me/sessions/" + LocalDate.now() + "/complete")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("planId", patient.planId()))
                .when()
                .post("/me/sessions/" + LocalDate.now() + "/complete")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID().toString(), "date", "2026-01-01", "pain", 1))
                .when()
                .post("/me/check-ins")
                .then()
                .statusCode(401);
        given().when().get("/me/sessions/today").then().statusCode(401);
    }

    @Test
    void screeningIsTheClinicsOwn() {
        String patient = Clinic.enrolNewPatient();
        Map<String, Object> cleared = Map.of(
                "preExistingCondition", true, "clearedOn", LocalDate.now().toString());
        given().auth()
                .oauth2(Clinic.colin())
                .contentType(ContentType.JSON)
                .body(cleared)
                .when()
                .put("/patients/" + patient + "/screening")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.patient(patient))
                .contentType(ContentType.JSON)
                .body(cleared)
                .when()
                .put("/patients/" + patient + "/screening")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(cleared)
                .when()
                .put("/patients/" + patient + "/screening")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("clearedOn", "2026-01-01"))
                .when()
                .put("/patients/" + patient + "/screening")
                .then()
                .statusCode(400)
                .body("field", equalTo("preExistingCondition"));
        given().auth()
                .oauth2(TestTokens.analyst("anna"))
                .when()
                .get("/patients")
                .then()
                .statusCode(403);
    }
}
