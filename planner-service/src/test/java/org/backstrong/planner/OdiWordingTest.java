package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.TestTokens;

/**
 * A clinic's licensed ODI wording (made-up placeholder wording here: the real one is copyrighted): checked
 * on upload, and only then is ODI asked of that clinic's plans and scored. A clinic of its own, so the other
 * tests' clinics never see ODI.
 */
@QuarkusTest
class OdiWordingTest {

    private static final String CLINIC = "clinic-odi";
    private static final String OLGA = TestTokens.clinician("11111111-1111-4111-8111-0000000000d1", CLINIC);

    @Test
    void aClinicsOdiIsScheduledAndScoredOnlyOnceItLoadedTheWording() {
        Patient before = patientWithPlan();
        given().auth()
                .oauth2(before.token())
                .when()
                .get("/me/outcomes/due")
                .then()
                .statusCode(200)
                .body("measure", contains("NPRS", "PSFS", "RMDQ"));

        given().auth()
                .oauth2(OLGA)
                .contentType(ContentType.JSON)
                .body(placeholderOdi(odi -> {}))
                .when()
                .put("/clinic/questionnaires/odi")
                .then()
                .statusCode(201)
                .body("canonical", equalTo("https://clinic-odi.example/Questionnaire/odi|2.1a-placeholder"))
                .body("sections", hasSize(10));
        given().auth()
                .oauth2(OLGA)
                .contentType(ContentType.JSON)
                .body(placeholderOdi(odi -> {}))
                .when()
                .put("/clinic/questionnaires/odi")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(before.token())
                .when()
                .get("/me/outcomes/due")
                .then()
                .statusCode(200)
                .body("measure", contains("NPRS", "PSFS", "RMDQ", "ODI"))
                .body("questionnaire[3]", equalTo("https://clinic-odi.example/Questionnaire/odi|2.1a-placeholder"));
        // The phone form shows the clinic's wording: a group of 6 statements per section, each labelled.
        org.jsoup.nodes.Document page = Pages.page(before.token(), "/app/me/outcomes");
        org.jsoup.nodes.Element form = page.selectFirst("form[data-measure=ODI]");
        org.junit.jupiter.api.Assertions.assertEquals(
                10, form.select("fieldset").size());
        org.junit.jupiter.api.Assertions.assertEquals(
                60, form.select("input[type=radio]").size());
        org.junit.jupiter.api.Assertions.assertEquals(
                "Placeholder statement 5 of section 10",
                page.selectFirst("label[for=outcome-section-10-5]").text());
        Pages.assertEveryInputHasALabel(page);

        Map<String, Object> answers = new HashMap<>();
        int[] sections = {3, 3, 1, 4, 2, 3, 0, 5, 2};
        for (int section = 0; section < sections.length; section++) {
            answers.put("section-" + (section + 1), sections[section]);
        }
        Map<String, Object> odi = Map.of(
                "id",
                UUID.randomUUID().toString(),
                "planId",
                before.planId(),
                "measure",
                "ODI",
                "occasion",
                "BASELINE",
                "dueOn",
                LocalDate.now().toString(),
                "answers",
                answers);
        given().auth()
                .oauth2(before.token())
                .contentType(ContentType.JSON)
                .body(odi)
                .when()
                .post("/me/outcomes")
                .then()
                .statusCode(201)
                .body("score", equalTo(51.1f))
                .body("scaleMax", equalTo(100))
                .body("itemsAnswered", equalTo(9))
                .body("itemsTotal", equalTo(10))
                .body("basis", equalTo("ODI: 23 of 45 (9 sections answered) = 51.1 %"));

        answers.put("section-10", 6);
        Map<String, Object> outOfRange = new HashMap<>(odi);
        outOfRange.put("id", UUID.randomUUID().toString());
        outOfRange.put("answers", answers);
        // Answered already: 409 before any answer is read; on a fresh plan an out-of-range section is a 400.
        Patient fresh = patientWithPlan();
        outOfRange.put("planId", fresh.planId());
        given().auth()
                .oauth2(fresh.token())
                .contentType(ContentType.JSON)
                .body(outOfRange)
                .when()
                .post("/me/outcomes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("answers.section-10"));
    }

    @Test
    void refusesAWordingThatIsNoOdiNamingTheField() {
        List<Object[]> spoilt = List.of(
                new Object[] {(Consumer<Map<String, Object>>) odi -> odi.put("resourceType", "Patient"), "resourceType"
                },
                new Object[] {(Consumer<Map<String, Object>>) odi -> odi.remove("url"), "url"},
                new Object[] {(Consumer<Map<String, Object>>) odi -> odi.put("url", "odi"), "url"},
                new Object[] {(Consumer<Map<String, Object>>) odi -> odi.remove("version"), "version"},
                new Object[] {(Consumer<Map<String, Object>>) odi -> items(odi).remove(9), "item"},
                new Object[] {
                    (Consumer<Map<String, Object>>) odi -> items(odi).get(3).put("type", "integer"), "item[3].type"
                },
                new Object[] {
                    (Consumer<Map<String, Object>>) odi -> items(odi).get(4).put("linkId", "section-1"),
                    "item[4].linkId"
                },
                new Object[] {
                    (Consumer<Map<String, Object>>) odi -> items(odi).get(5).remove("text"), "item[5].text"
                },
                new Object[] {
                    (Consumer<Map<String, Object>>)
                            odi -> options(items(odi).get(6)).remove(5),
                    "item[6].answerOption"
                },
                new Object[] {
                    (Consumer<Map<String, Object>>)
                            odi -> options(items(odi).get(7)).set(2, Map.of("valueInteger", 2)),
                    "item[7].answerOption[2]"
                });
        for (Object[] spoil : spoilt) {
            @SuppressWarnings("unchecked")
            Consumer<Map<String, Object>> change = (Consumer<Map<String, Object>>) spoil[0];
            given().auth()
                    .oauth2(TestTokens.clinician("11111111-1111-4111-8111-0000000000d2", "clinic-odi-refused"))
                    .contentType(ContentType.JSON)
                    .body(placeholderOdi(change))
                    .when()
                    .put("/clinic/questionnaires/odi")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo(spoil[1]));
        }
        given().auth()
                .oauth2(TestTokens.clinician("11111111-1111-4111-8111-0000000000d2", "clinic-odi-refused"))
                .when()
                .get("/clinic/questionnaires/odi")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyAClinicianLoadsTheWording() {
        given().contentType(ContentType.JSON)
                .body(placeholderOdi(odi -> {}))
                .when()
                .put("/clinic/questionnaires/odi")
                .then()
                .statusCode(401);
        given().when().get("/clinic/questionnaires/odi").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.patient(UUID.randomUUID().toString(), CLINIC))
                .contentType(ContentType.JSON)
                .body(placeholderOdi(odi -> {}))
                .when()
                .put("/clinic/questionnaires/odi")
                .then()
                .statusCode(403);
    }

    record Patient(String id, String token, String planId) {}

    private static Patient patientWithPlan() {
        String id = UUID.randomUUID().toString();
        given().auth()
                .oauth2(OLGA)
                .contentType(ContentType.JSON)
                .body(Map.of("id", id, "displayName", "Odi Patient", "preExistingCondition", false))
                .when()
                .post("/patients")
                .then()
                .statusCode(201);
        JsonPath plan = given().auth()
                .oauth2(OLGA)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "templateId",
                        Clinic.BUILT_IN,
                        "startDate",
                        LocalDate.now().toString(),
                        "weekdays",
                        Clinic.EVERY_DAY))
                .when()
                .post("/patients/" + id + "/plans")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Patient(id, TestTokens.patient(id, CLINIC), plan.getString("id"));
    }

    /** Made-up placeholder wording with the ODI's shape: 10 choice sections of 6 statements. */
    static Map<String, Object> placeholderOdi(Consumer<Map<String, Object>> change) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int section = 1; section <= 10; section++) {
            List<Object> options = new ArrayList<>();
            for (int option = 0; option < 6; option++) {
                options.add(Map.of("valueString", "Placeholder statement " + option + " of section " + section));
            }
            Map<String, Object> item = new HashMap<>();
            item.put("linkId", "section-" + section);
            item.put("text", "Placeholder section " + section);
            item.put("type", "choice");
            item.put("required", false);
            item.put("answerOption", options);
            items.add(item);
        }
        Map<String, Object> odi = new HashMap<>();
        odi.put("resourceType", "Questionnaire");
        odi.put("url", "https://clinic-odi.example/Questionnaire/odi");
        odi.put("version", "2.1a-placeholder");
        odi.put("status", "active");
        odi.put("title", "Placeholder ODI (made up for tests)");
        odi.put("item", items);
        change.accept(odi);
        return odi;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> odi) {
        return (List<Map<String, Object>>) odi.get("item");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> options(Map<String, Object> item) {
        return (List<Object>) item.get("answerOption");
    }
}
