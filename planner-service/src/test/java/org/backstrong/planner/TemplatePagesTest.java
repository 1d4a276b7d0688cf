package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The template builder (/app/templates), its form posted with a bearer token. */
@QuarkusTest
class TemplatePagesTest {

    @Test
    void listsTheTemplatesAndOffersTheBuilderWithCatalogExercises() {
        Document list = Pages.page(Clinic.clara(), "/app/templates");
        assertNotNull(list.selectFirst("tr[data-testid=template-row][data-template-id=" + Clinic.BUILT_IN + "]"));
        Document template = Pages.page(Clinic.clara(), "/app/templates/" + Clinic.BUILT_IN);
        assertTrue(template.selectFirst("tr[data-testid=template-item]").text().contains("Light Cardio Warm-Up"));

        Document builder = Pages.page(Clinic.clara(), "/app/templates/new");
        assertTrue(builder.selectFirst("[data-testid=warm-up-note]").text().contains("standard warm-up"));
        assertNotNull(builder.selectFirst("#row0-exerciseId option[value=lat-pulldown]"), "exercises from the catalog");
        assertTrue(!builder.selectFirst("form[data-testid=template-form] input[name=csrf]")
                .val()
                .isBlank());
        Pages.assertEveryInputHasALabel(builder);
        assertTrue(builder.select("script:not([src]), style, [style]").isEmpty());
    }

    @Test
    void createsATemplateInTheGivenOrderWithTheStandardWarmUpFirst() {
        String name = "Form template " + UUID.randomUUID();
        String location = given().auth()
                .oauth2(Clinic.clara())
                .redirects()
                .follow(false)
                .formParam("name", name)
                .formParam("goal", "Stronger upper back")
                .formParam("weeks", "6")
                .formParam("sessionsPerWeek", "2")
                .formParam("exerciseId", "lat-pulldown", "", "good-morning")
                .formParam("block", "main", "main", "main")
                .formParam("position", "2", "", "1")
                .formParam("sets", "2", "", "")
                .formParam("repsMin", "10", "", "")
                .formParam("repsMax", "12", "", "")
                .formParam("secondsMin", "", "", "")
                .formParam("secondsMax", "", "", "")
                .formParam("loadKind", "kg", "bodyweight", "bodyweight")
                .formParam("loadKg", "20", "", "")
                .formParam("band", "", "", "")
                .formParam("restSeconds", "60", "", "")
                .when()
                .post("/app/templates")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertTrue(location.matches(".*/app/templates/[0-9a-f-]{36}\\?created=1$"), location);
        String id = location.replaceAll(".*/app/templates/([0-9a-f-]{36}).*", "$1");
        JsonPath template = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/templates/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(name, template.getString("name"));
        assertEquals(6, template.getInt("weeks"));
        assertEquals(
                List.of("light-cardio", "band-pull-apart", "good-morning", "lat-pulldown"),
                template.getList("items.exerciseId"));
        assertEquals(2, template.getInt("items[3].prescription.sets"));
        assertEquals(10, template.getInt("items[3].prescription.repsMin"));
        assertEquals("kg", template.getString("items[3].prescription.loadKind"));
        assertEquals(60, template.getInt("items[3].prescription.restSeconds"));

        Document page = Pages.page(Clinic.clara(), "/app/templates/" + id + "?created=1");
        assertEquals("Template saved.", page.selectFirst("[data-testid=flash]").text());
        assertEquals(4, page.select("tr[data-testid=template-item]").size());
    }

    @Test
    void aBadFieldComesBackNamedNextToItAndNothingIsStored() {
        int before = templateCount();
        Document weeks = refused(given().auth()
                .oauth2(Clinic.clara())
                .formParam("name", "Bad weeks")
                .formParam("goal", "x")
                .formParam("weeks", "0")
                .formParam("sessionsPerWeek", "2")
                .formParam("exerciseId", "lat-pulldown")
                .formParam("loadKind", "bodyweight"));
        Element error = weeks.selectFirst("[data-testid=field-error][data-field=weeks]");
        assertNotNull(error);
        assertEquals(error.id(), weeks.selectFirst("#weeks").attr("aria-describedby"));
        assertEquals("Bad weeks", weeks.selectFirst("#name").val(), "what was typed is kept");
        assertEquals(
                "lat-pulldown",
                weeks.selectFirst("#row0-exerciseId option[selected]").val());

        Document range = refused(given().auth()
                .oauth2(Clinic.clara())
                .formParam("name", "Bad range")
                .formParam("goal", "x")
                .formParam("weeks", "4")
                .formParam("sessionsPerWeek", "2")
                .formParam("exerciseId", "", "lat-pulldown")
                .formParam("loadKind", "bodyweight", "kg")
                .formParam("loadKg", "", "lots"));
        assertNotNull(range.selectFirst("[data-testid=field-error][data-field=rows[1].loadKg]"), "the row's own field");

        Document unknown = refused(given().auth()
                .oauth2(Clinic.clara())
                .formParam("name", "Unknown")
                .formParam("goal", "x")
                .formParam("weeks", "4")
                .formParam("sessionsPerWeek", "2")
                .formParam("exerciseId", "lat-pulldown", "unknown-thing")
                .formParam("loadKind", "bodyweight", "bodyweight"));
        assertNotNull(
                unknown.selectFirst("[data-testid=field-error][data-field=rows[1].exerciseId]"),
                "the catalog's refusal, on the row that named it");

        Document empty = refused(given().auth()
                .oauth2(Clinic.clara())
                .formParam("name", "Empty")
                .formParam("goal", "x")
                .formParam("weeks", "4")
                .formParam("sessionsPerWeek", "2"));
        assertNotNull(empty.selectFirst("[data-testid=field-error][data-field=items]"));
        assertEquals(before, templateCount());
    }

    @Test
    void aRefusedRowSaysWhyInPlainWordsNamingTheExerciseRow() {
        Document range = refused(given().auth()
                .oauth2(Clinic.clara())
                .formParam("name", "Plain words")
                .formParam("goal", "x")
                .formParam("weeks", "4")
                .formParam("sessionsPerWeek", "2")
                .formParam("exerciseId", "", "", "lat-pulldown")
                .formParam("repsMin", "", "", "12")
                .formParam("repsMax", "", "", "8")
                .formParam("loadKind", "bodyweight", "bodyweight", "kg")
                .formParam("loadKg", "", "", "20"));
        Element error = range.selectFirst("[data-testid=field-error][data-field=rows[2].repsMax]");
        assertEquals("Exercise 3: Highest reps must be at least the lowest (12)", error.text());
        assertEquals(
                "Exercise 3: Highest reps must be at least the lowest (12)",
                range.selectFirst("[data-testid=form-errors] a[href=#" + error.id() + "]")
                        .text(),
                "no API field names");

        Document weeks = refused(given().auth()
                .oauth2(Clinic.clara())
                .formParam("name", "Plain weeks")
                .formParam("goal", "x")
                .formParam("weeks", "0")
                .formParam("sessionsPerWeek", "2")
                .formParam("exerciseId", "lat-pulldown")
                .formParam("loadKind", "bodyweight"));
        assertEquals(
                "Weeks must be at least 1",
                weeks.selectFirst("[data-testid=field-error][data-field=weeks]").text());
    }

    @Test
    void addsRemovesAndMovesRowsWithoutSavingAndWithoutAFixedCount() {
        int before = templateCount();
        Document blank = Pages.page(Clinic.clara(), "/app/templates/new");
        int firstRows = blank.select("fieldset[data-testid=exercise-row]").size();
        assertTrue(firstRows >= 1 && firstRows < 12, "a short form to start with, not twelve fixed rows: " + firstRows);
        assertNotNull(blank.selectFirst("button[data-testid=add-row][name=action][value=add]"));
        assertEquals(
                "save",
                blank.selectFirst("form[data-testid=template-form] button[type=submit]")
                        .val(),
                "Enter in a field saves; it never removes a row");

        Document added = rearrange("add", List.of("lat-pulldown"), List.of("12"));
        assertEquals(2, added.select("fieldset[data-testid=exercise-row]").size(), "one row more than was sent");
        assertEquals(
                "lat-pulldown",
                added.selectFirst("#row0-exerciseId option[selected]").val(),
                "what was typed is kept");
        assertEquals("12", added.selectFirst("#row0-repsMax").val());

        Document moved = rearrange("up:1", List.of("good-morning", "lat-pulldown"), List.of("", "10"));
        assertEquals(
                "lat-pulldown",
                moved.selectFirst("#row0-exerciseId option[selected]").val());
        assertEquals("10", moved.selectFirst("#row0-repsMax").val(), "the row's fields move with it");
        assertEquals(
                "good-morning",
                moved.selectFirst("#row1-exerciseId option[selected]").val());
        assertEquals("1", moved.selectFirst("#row0-position").val(), "numbered in the new order");

        Document removed = rearrange("remove:0", List.of("good-morning", "lat-pulldown"), List.of("", "10"));
        assertEquals(1, removed.select("fieldset[data-testid=exercise-row]").size());
        assertEquals(
                "lat-pulldown",
                removed.selectFirst("#row0-exerciseId option[selected]").val());
        assertEquals(before, templateCount(), "nothing is saved by rearranging");
    }

    @Test
    void aRowAsksForRepsOrSecondsAsItsExerciseIsMeasured() {
        Document page = rearrange("add", List.of("lat-pulldown", "light-cardio"), List.of("", ""));
        assertNotNull(page.selectFirst("#row0-repsMin"));
        assertTrue(page.select("#row0-secondsMin, #row0-secondsMax").isEmpty(), "Lat Pulldown is counted in reps");
        assertNotNull(page.selectFirst("#row1-secondsMax"));
        assertTrue(page.select("#row1-repsMin, #row1-repsMax").isEmpty(), "the cardio warm-up is timed");
        assertNotNull(page.selectFirst("#row2-repsMin"), "a row without an exercise yet offers both");
        assertNotNull(page.selectFirst("#row2-secondsMin"));
        Pages.assertEveryInputHasALabel(page);

        String name = "Timed and counted " + UUID.randomUUID();
        String location = given().auth()
                .oauth2(Clinic.clara())
                .redirects()
                .follow(false)
                .formParam("name", name)
                .formParam("goal", "x")
                .formParam("weeks", "4")
                .formParam("sessionsPerWeek", "2")
                .formParam("exerciseId", "lat-pulldown", "light-cardio")
                .formParam("repsMin", "9", "")
                .formParam("repsMax", "11", "")
                .formParam("secondsMin", "", "240")
                .formParam("secondsMax", "", "480")
                .formParam("loadKind", "bodyweight", "bodyweight")
                .formParam("action", "save")
                .when()
                .post("/app/templates")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String id = location.replaceAll(".*/app/templates/([0-9a-f-]{36}).*", "$1");
        JsonPath template = given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/templates/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(11, template.getInt("items.find { it.exerciseId == 'lat-pulldown' }.prescription.repsMax"));
        assertTrue(
                template.getList("items.findAll { it.exerciseId == 'light-cardio' }.prescription.secondsMin")
                        .contains(240),
                template.prettify());
    }

    private static Document rearrange(String action, List<String> exercises, List<String> repsMax) {
        return Jsoup.parse(given().auth()
                .oauth2(Clinic.clara())
                .formParam("name", "Rearranged")
                .formParam("goal", "x")
                .formParam("weeks", "4")
                .formParam("sessionsPerWeek", "2")
                .formParam("exerciseId", exercises.toArray())
                .formParam("repsMax", repsMax.toArray())
                .formParam(
                        "loadKind",
                        exercises.stream().map(exercise -> "bodyweight").toArray())
                .formParam("action", action)
                .when()
                .post("/app/templates")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
    }

    private static Document refused(io.restassured.specification.RequestSpecification request) {
        return Jsoup.parse(request.when()
                .post("/app/templates")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
    }

    private static int templateCount() {
        return given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .size();
    }
}
