package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/** The patient's pages (/app/...), called with a bearer token as the hybrid web tenant allows. */
@QuarkusTest
class PatientPagesTest {

    @Test
    void sendsAnUnsignedVisitorToTheLoginPage() {
        given().redirects()
                .follow(false)
                .when()
                .get("/app/me/today")
                .then()
                .statusCode(302)
                .header(
                        "Location",
                        allOf(
                                containsString("response_type=code"),
                                containsString("client_id=backstrong-web"),
                                containsString("redirect_uri=http%3A%2F%2F127.0.0.1%3A")))
                .header("Set-Cookie", allOf(containsString("HTTPOnly"), containsString("SameSite=Lax")));
    }

    @Test
    void aScriptWhoseSignInEndedGets499NotTheLoginPage() {
        given().header("X-Requested-With", "JavaScript")
                .contentType(ContentType.JSON)
                .body("{}")
                .redirects()
                .follow(false)
                .when()
                .post("/app/api/me/sets")
                .then()
                .statusCode(499);
    }

    @Test
    void sendsEachRoleToItsHomePage() {
        given().auth()
                .oauth2(Clinic.patient(UUID.randomUUID().toString()))
                .redirects()
                .follow(false)
                .when()
                .get("/app")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/me/today"));
        given().auth()
                .oauth2(Clinic.clara())
                .redirects()
                .follow(false)
                .when()
                .get("/app")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/clinic"));
        given().auth()
                .oauth2(TestTokens.analyst("analyst-1"))
                .redirects()
                .follow(false)
                .when()
                .get("/app")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/app/analytics"));
        given().redirects().follow(false).when().get("/").then().statusCode(303).header("Location", endsWith("/app"));
    }

    @Test
    void showsTodaysSessionWarmUpFirstWithAFormPerSet() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        String html = given().auth()
                .oauth2(patient.token())
                .when()
                .get("/app/me/today")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header(
                        "Content-Security-Policy",
                        allOf(
                                containsString("default-src 'self'"),
                                containsString("script-src 'self'"),
                                containsString("frame-ancestors 'none'")))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract()
                .asString();
        Document page = Jsoup.parse(html);
        List<Element> exercises = page.select("section[data-testid=exercise]");
        assertEquals(patient.plan().getList("items").size(), exercises.size());
        assertTrue(exercises.get(0).text().contains("Warm-up"), "the warm-up comes first");
        assertTrue(page.select("script:not([src])").isEmpty(), "no inline script: the CSP forbids it");
        Element form = page.selectFirst("form[data-testid=set-form]");
        assertEquals(patient.planId(), form.selectFirst("input[name=planId]").val());
        UUID.fromString(form.selectFirst("input[name=setId]").val());
        for (Element input : page.select("input:not([type=hidden]), select")) {
            assertTrue(
                    !page.select("label[for=" + input.id() + "]").isEmpty()
                            || input.parent().tagName().equals("label"),
                    "input " + input.attr("name") + " has a label");
        }
        assertTrue(page.selectFirst("[data-testid=signed-in-as]") != null);
        assertTrue(!page.selectFirst("meta[name=csrf-token]").attr("content").isBlank());
    }

    /** The Finish answer follows adherence's rule: done at 80 % of the prescribed sets or more, else partly done. */
    @Test
    @SuppressWarnings("unchecked")
    void finishingSaysDoneOrPartlyDoneByTheEightyPercentRule() {
        SetLoggingTest.Patient partly = SetLoggingTest.patientWithPlan(0);
        for (int number = 1; number <= 2; number++) {
            given().auth()
                    .oauth2(partly.token())
                    .contentType(ContentType.JSON)
                    .body(SetLoggingTest.set(partly, 1, number))
                    .when()
                    .post("/me/sets")
                    .then()
                    .statusCode(201);
        }
        // 2 of 13 prescribed sets.
        given().auth()
                .oauth2(partly.token())
                .contentType(ContentType.JSON)
                .body(Map.of("planId", partly.planId()))
                .when()
                .post("/app/api/me/sessions/" + LocalDate.now() + "/complete")
                .then()
                .statusCode(201)
                .body("done", equalTo(false))
                .body("setsLogged", equalTo(2));
        Element answer = Jsoup.parse(given().auth()
                        .oauth2(partly.token())
                        .get("/app/me/today")
                        .asString())
                .selectFirst("[data-testid=session-complete]");
        assertEquals("false", answer.attr("data-done"));
        assertEquals(
                "Session partly done: 2 of 13 sets. Every set counts; send your morning check-in tomorrow.",
                answer.text());

        SetLoggingTest.Patient done = SetLoggingTest.patientWithPlan(0);
        int logged = 0;
        List<Map<String, Object>> items = done.plan().getList("items");
        for (int item = 0; item < items.size() && logged < 11; item++) {
            Map<String, Object> prescription =
                    (Map<String, Object>) items.get(item).get("prescription");
            int sets = (Integer) prescription.get("sets");
            boolean perSide = Boolean.TRUE.equals(prescription.get("perSide"));
            for (int number = 1; number <= sets; number++) {
                for (String side :
                        perSide ? List.of("left", "right") : java.util.Collections.<String>singletonList(null)) {
                    Map<String, Object> set = SetLoggingTest.set(done, item, number);
                    set.put("side", side);
                    if (!"reps".equals(prescription.get("doseKind"))) {
                        set.put("seconds", 300);
                    }
                    given().auth()
                            .oauth2(done.token())
                            .contentType(ContentType.JSON)
                            .body(set)
                            .when()
                            .post("/me/sets")
                            .then()
                            .statusCode(201);
                    logged++;
                }
            }
        }
        given().auth()
                .oauth2(done.token())
                .contentType(ContentType.JSON)
                .body(Map.of("planId", done.planId()))
                .when()
                .post("/me/sessions/" + LocalDate.now() + "/complete")
                .then()
                .statusCode(201)
                .body("done", equalTo(true));
        answer = Jsoup.parse(
                        given().auth().oauth2(done.token()).get("/app/me/today").asString())
                .selectFirst("[data-testid=session-complete]");
        assertEquals("true", answer.attr("data-done"));
        assertTrue(answer.text().startsWith("Session done: " + logged + " of 13 sets. Well done."), answer.text());
    }

    @Test
    void aSetLoggedThroughThePagesApiAtPainSevenStopsTheExercise() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> set = SetLoggingTest.set(patient, 2, 1);
        set.put("pain", 7);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/app/api/me/sets")
                .then()
                .statusCode(201)
                .body("stop", equalTo(true));
        Document page = Jsoup.parse(
                given().auth().oauth2(patient.token()).get("/app/me/today").asString());
        Element exercise = page.selectFirst("section[data-item-id=" + patient.item(2) + "]");
        assertEquals("true", exercise.attr("data-stopped"));
        assertTrue(!exercise.selectFirst("[data-testid=stop-message]").hasAttr("hidden"));
        assertTrue(exercise.select("form[data-testid=set-form]").isEmpty(), "a stopped exercise takes no more sets");
    }

    @Test
    void thePagesApiRefusesBadInputNamingTheField() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        Map<String, Object> set = SetLoggingTest.set(patient, 2, 1);
        set.put("pain", 11);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/app/api/me/sets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("pain"));
    }

    @Test
    void progressShowsWeeklyChartsAndThePlanChangesInPlainWords() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(SetLoggingTest.set(patient, 2, 1))
                .when()
                .post("/app/api/me/sets")
                .then()
                .statusCode(201);
        Document page = Jsoup.parse(given().auth()
                .oauth2(patient.token())
                .when()
                .get("/app/me/progress")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(2, page.select("svg.chart[role=img]").size());
        Element week = page.selectFirst("table[data-testid=weeks] tbody tr");
        assertTrue(
                week.text()
                        .startsWith(
                                LocalDate.now().with(java.time.DayOfWeek.MONDAY).toString()),
                week.text());
    }

    @Test
    void theMorningCheckInFormIsForThisMorningAndIsStoredThroughThePagesApi() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(1);
        Document page = Jsoup.parse(given().auth()
                .oauth2(patient.token())
                .when()
                .get("/app/me/check-in")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Element form = page.selectFirst("form[data-testid=check-in-form]");
        assertEquals(
                LocalDate.now().toString(), form.selectFirst("input[name=date]").val());
        String id = form.selectFirst("input[name=id]").val();
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id", id, "date", form.selectFirst("input[name=date]").val(), "pain", 2))
                .when()
                .post("/app/api/me/check-ins")
                .then()
                .statusCode(201);
    }

    @Test
    void patientPagesAreForPatientsOnly() {
        given().auth().oauth2(Clinic.clara()).when().get("/app/me/today").then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.analyst("analyst-1"))
                .when()
                .get("/app/me/progress")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/app/api/me/sets")
                .then()
                .statusCode(403);
    }

    @Test
    void aPatientWithoutAPlanIsToldSo() {
        given().auth()
                .oauth2(Clinic.patient(UUID.randomUUID().toString()))
                .when()
                .get("/app/me/today")
                .then()
                .statusCode(200)
                .body(containsString("no current plan"), not(containsString("data-testid=\"set-form\"")));
    }
}
