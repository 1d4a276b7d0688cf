package org.backstrong.planner;

import static io.restassured.RestAssured.given;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.backstrong.testinfra.TestTokens;

/** People of the demo realm and the steps a clinic takes, through the API, for tests. */
final class Clinic {

    static final String CLARA = "11111111-1111-4111-8111-000000000001";
    static final String COLIN = "11111111-1111-4111-8111-000000000002";
    /** The built-in "Back strength — 4 weeks" template. */
    static final UUID BUILT_IN = UUID.fromString("00000000-0000-4000-8000-000000000b04");

    static final List<Integer> EVERY_DAY = List.of(1, 2, 3, 4, 5, 6, 7);

    private Clinic() {}

    static String clara() {
        return TestTokens.clinician(CLARA, "clinic-a");
    }

    static String colin() {
        return TestTokens.clinician(COLIN, "clinic-b");
    }

    static String patient(String id) {
        return TestTokens.patient(id, "clinic-a");
    }

    /** A fresh patient of clinic-a, without a pre-existing condition. */
    static String enrolNewPatient() {
        String id = UUID.randomUUID().toString();
        given().auth()
                .oauth2(clara())
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "displayName", "Test Patient", "preExistingCondition", false))
                .when()
                .post("/patients")
                .then()
                .statusCode(201);
        return id;
    }

    /** Assigns the built-in template, every day of the week, started {@code daysAgo} days ago. */
    static JsonPath assignBuiltIn(String patientId, int daysAgo) {
        return given().auth()
                .oauth2(clara())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "templateId",
                        BUILT_IN,
                        "startDate",
                        LocalDate.now().minusDays(daysAgo).toString(),
                        "weekdays",
                        EVERY_DAY))
                .when()
                .post("/patients/" + patientId + "/plans")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** A weekday list that leaves out today. */
    static List<Integer> everyDayButToday() {
        int today = LocalDate.now().getDayOfWeek().getValue();
        return java.util.stream.IntStream.rangeClosed(1, 7)
                .filter(day -> day != today)
                .boxed()
                .toList();
    }

    static DayOfWeek today() {
        return LocalDate.now().getDayOfWeek();
    }
}
