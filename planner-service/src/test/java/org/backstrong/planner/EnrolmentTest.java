package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Enrolment: inviting a new patient account, linking an existing one, and refusing everyone else alike. */
@QuarkusTest
class EnrolmentTest {

    private static final String PAUL = "22222222-2222-4222-8222-000000000001";
    private static final String PIA = "22222222-2222-4222-8222-000000000003";

    @Test
    void invitesANewPatientAccountAndAnswersItsLoginNameAndOneTimePasswordOnce() {
        Response answer = given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Nina Newcomer", "preExistingCondition", false))
                .when()
                .post("/patients")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("displayName", equalTo("Nina Newcomer"))
                .extract()
                .response();
        String id = answer.path("id");
        assertEquals(InMemoryPatientAccounts.INVITED.get(id).username(), answer.path("invitation.username"));
        assertEquals(
                InMemoryPatientAccounts.INVITED.get(id).oneTimePassword(), answer.path("invitation.oneTimePassword"));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id)
                .then()
                .statusCode(200)
                .body("invitation", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void linksAnExistingPatientAccountOfTheClinicByLoginName() {
        String id = UUID.randomUUID().toString();
        InMemoryPatientAccounts.add(id, "lena-" + id.substring(0, 6), "clinic-a", true);
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username", "lena-" + id.substring(0, 6), "displayName", "Lena", "preExistingCondition", false))
                .when()
                .post("/patients")
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("invitation", org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "displayName", "Lena", "preExistingCondition", false))
                .when()
                .post("/patients")
                .then()
                .statusCode(409)
                .body("type", containsString("already-enrolled"));
    }

    @Test
    void anyoneWhoIsNoPatientAccountOfTheClinicGetsTheAnswerOfAnIdThatDoesNotExist() {
        String claras = Clinic.enrolNewPatient();
        String absent = UUID.randomUUID().toString();
        InMemoryPatientAccounts.absent(absent);
        JsonPath nobody = refusal(Clinic.colin(), Map.of("id", "nina"));
        assertEquals(422, nobody.getInt("status"));
        assertEquals("id", nobody.getString("field"));
        assertEquals(
                nobody.getMap(""), refusal(Clinic.colin(), Map.of("id", absent)).getMap(""), "a UUID of nobody");
        assertEquals(
                nobody.getMap(""), refusal(Clinic.colin(), Map.of("id", PAUL)).getMap(""), "clinic-a's account");
        assertEquals(
                nobody.getMap(""),
                refusal(Clinic.colin(), Map.of("id", claras)).getMap(""),
                "a patient clara enrolled, not 409 already-enrolled");
        assertEquals(
                nobody.getMap(""),
                refusal(Clinic.colin(), Map.of("id", Clinic.COLIN)).getMap(""),
                "staff");
        JsonPath byName = refusal(Clinic.clara(), Map.of("username", "nina"));
        assertEquals("username", byName.getString("field"));
        assertEquals(
                byName.getMap(""),
                refusal(Clinic.clara(), Map.of("username", "pia")).getMap(""),
                "clinic-b's account");
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/patients/" + claras)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + PIA)
                .then()
                .statusCode(404);
    }

    @Test
    void nothingIsEnrolledWhileKeycloakCannotBeReached() {
        String id = UUID.randomUUID().toString();
        InMemoryPatientAccounts.unreachable = true;
        try {
            given().auth()
                    .oauth2(Clinic.clara())
                    .contentType(ContentType.JSON)
                    .body(Map.of("id", id, "displayName", "Later", "preExistingCondition", false))
                    .when()
                    .post("/patients")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", containsString("accounts-unavailable"));
            Document page = Jsoup.parse(given().auth()
                    .oauth2(Clinic.clara())
                    .formParam("account", "new")
                    .formParam("displayName", "Later")
                    .formParam("preExistingCondition", "no")
                    .when()
                    .post("/app/clinic/patients")
                    .then()
                    .statusCode(503)
                    .contentType(containsString("text/html"))
                    .extract()
                    .asString());
            assertNotNull(page.selectFirst("[data-testid=accounts-unavailable]"));
            assertEquals("Later", page.selectFirst("#enrol-name").val(), "what was typed is kept");
        } finally {
            InMemoryPatientAccounts.unreachable = false;
        }
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void theFormInvitesAPatientAndTheInvitationPageShowsTheOneTimePasswordOnce() {
        Response posted = given().auth()
                .oauth2(Clinic.clara())
                .redirects()
                .follow(false)
                .formParam("account", "new")
                .formParam("id", "ignored-for-a-new-account")
                .formParam("displayName", "Ivo Invited")
                .formParam("preExistingCondition", "no")
                .when()
                .post("/app/clinic/patients")
                .then()
                .statusCode(303)
                .header("Location", containsString("/app/invitations/"))
                .extract()
                .response();
        String id = posted.header("Location").replaceAll(".*/app/invitations/", "");
        String cookie = posted.getCookie("backstrong-invitation");
        assertNotNull(cookie, "the hand-over rides in a cookie, not in the URL");
        assertFalse(posted.header("Location")
                .contains(InMemoryPatientAccounts.INVITED.get(id).oneTimePassword()));
        String setCookie = posted.header("Set-Cookie");
        assertTrue(setCookie.contains("Path=/app/invitations/" + id) && setCookie.contains("HttpOnly"), setCookie);

        Response shown = given().auth()
                .oauth2(Clinic.clara())
                .cookie("backstrong-invitation", cookie)
                .when()
                .get("/app/invitations/" + id)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .response();
        Document page = Jsoup.parse(shown.asString());
        assertEquals(
                InMemoryPatientAccounts.INVITED.get(id).username(),
                page.selectFirst("[data-testid=invitation-username]").text());
        assertEquals(
                InMemoryPatientAccounts.INVITED.get(id).oneTimePassword(),
                page.selectFirst("[data-testid=invitation-password]").text());
        assertTrue(shown.header("Set-Cookie").contains("Max-Age=0"), "the page deletes the cookie");

        Document again = Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/app/invitations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertNull(again.selectFirst("[data-testid=invitation-password]"));
        assertNotNull(again.selectFirst("[data-testid=invitation-shown]"));
        given().auth()
                .oauth2(Clinic.colin())
                .cookie("backstrong-invitation", cookie)
                .when()
                .get("/app/invitations/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + id)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Ivo Invited"));
    }

    @Test
    void theFormRefusesAnAccountOfAnotherClinicAsItRefusesNobody() {
        for (String account : List.of("nina", "pia", PIA)) {
            Document page = Jsoup.parse(given().auth()
                    .oauth2(Clinic.clara())
                    .formParam("account", "existing")
                    .formParam("id", account)
                    .formParam("displayName", "Someone")
                    .formParam("preExistingCondition", "no")
                    .when()
                    .post("/app/clinic/patients")
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .extract()
                    .asString());
            assertTrue(
                    page.selectFirst("[data-testid=field-error][data-field=id]")
                            .text()
                            .startsWith("is not a patient account of this clinic"),
                    account);
            assertEquals(
                    "existing", page.selectFirst("input[name=account][checked]").val());
        }
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/patients/" + PIA)
                .then()
                .statusCode(404);
    }

    private static JsonPath refusal(String token, Map<String, Object> account) {
        Map<String, Object> body = new java.util.HashMap<>(account);
        body.put("displayName", "Someone");
        body.put("preExistingCondition", false);
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/patients")
                .then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .extract()
                .jsonPath();
    }
}
