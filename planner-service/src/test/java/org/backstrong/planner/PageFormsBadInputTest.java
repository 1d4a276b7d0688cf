package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.backstrong.testinfra.DatabaseSnapshot;

/**
 * The pages' forms keep the API's input rules: a NUL or other control character, or a date
 * PostgreSQL cannot hold, comes back as the form with the message next to its field (400, a
 * page, never a 5xx), and nothing is stored.
 */
@QuarkusTest
class PageFormsBadInputTest {

    @Inject
    DataSource database;

    @ParameterizedTest
    @ValueSource(strings = {"id", "displayName", "clearedBy"})
    void anEnrolmentWithAControlCharacterComesBackNamed(String field) throws Exception {
        RequestSpecification form = given().auth()
                .oauth2(Clinic.clara())
                .formParam("preExistingCondition", "yes")
                .formParam("clearedOn", LocalDate.now().toString());
        for (String name : new String[] {"id", "displayName", "clearedBy"}) {
            form.formParam(
                    name,
                    name.equals(field)
                            ? "Dr\u0000Who"
                            : name.equals("id") ? UUID.randomUUID().toString() : "Dr Who");
        }
        refused(form, "/app/clinic/patients", field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+9999999-12-31", "1899-12-31", "2201-01-01", "-1", "2025-02-30"})
    void anEnrolmentWithADateOutOfRangeComesBackNamed(String date) throws Exception {
        refused(
                given().auth()
                        .oauth2(Clinic.clara())
                        .formParam("id", UUID.randomUUID().toString())
                        .formParam("displayName", "Dated")
                        .formParam("preExistingCondition", "yes")
                        .formParam("clearedOn", date)
                        .formParam("clearedBy", "Dr Who"),
                "/app/clinic/patients",
                "clearedOn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+9999999-12-31", "-999999999-01-01", "1899-12-31", "2201-01-01"})
    void anAssignmentStartingOutOfRangeComesBackNamed(String date) throws Exception {
        String patient = Clinic.enrolNewPatient();
        refused(
                given().auth()
                        .oauth2(Clinic.clara())
                        .formParam("templateId", Clinic.BUILT_IN.toString())
                        .formParam("startDate", date)
                        .formParam("weekdays", "1", "3"),
                "/app/clinic/patients/" + patient + "/plans",
                "startDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "goal"})
    void aTemplateWithAControlCharacterComesBackNamed(String field) throws Exception {
        refused(
                given().auth()
                        .oauth2(Clinic.clara())
                        .formParam("name", field.equals("name") ? "Back\u0000block" : "Back block")
                        .formParam("goal", field.equals("goal") ? "Stronger\u0007" : "Stronger")
                        .formParam("weeks", "4")
                        .formParam("sessionsPerWeek", "2")
                        .formParam("exerciseId", "lat-pulldown")
                        .formParam("sets", "2")
                        .formParam("repsMin", "8")
                        .formParam("repsMax", "12")
                        .formParam("loadKind", "bodyweight"),
                "/app/templates",
                field);
    }

    @org.junit.jupiter.api.Test
    void aResolutionNoteWithANulComesBackAndNothingIsPassedOn() throws Exception {
        String before = snapshot();
        given().auth()
                .oauth2(Clinic.clara())
                .formParam("note", "Checked\u0000")
                .when()
                .post("/app/flags/" + UUID.randomUUID() + "/resolve")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"));
        ProgressStub.server()
                .verify(
                        0,
                        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
                                        "/pain-flags/.*/resolve")));
        assertEquals(before, snapshot());
    }

    private void refused(RequestSpecification form, String path, String field) throws Exception {
        String before = snapshot();
        Document page = Jsoup.parse(form.redirects()
                .follow(false)
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
        assertNotNull(
                page.selectFirst("[data-testid=field-error][data-field=" + field + "]"),
                "the message sits next to " + field);
        assertEquals(before, snapshot(), "nothing is stored");
    }

    private String snapshot() throws Exception {
        try (Connection connection = database.getConnection()) {
            return DatabaseSnapshot.of(connection);
        }
    }
}
