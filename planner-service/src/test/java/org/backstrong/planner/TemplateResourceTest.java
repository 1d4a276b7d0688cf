package org.backstrong.planner;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.backstrong.testinfra.TestTokens;

@QuarkusTest
class TemplateResourceTest {

    @Test
    void shipsTheFourWeekTemplateFromTheArticleStartingLight() {
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/templates/" + Clinic.BUILT_IN)
                .then()
                .statusCode(200)
                .body("name", equalTo("Back strength — 4 weeks"))
                .body("builtIn", equalTo(true))
                .body("weeks", equalTo(4))
                .body(
                        "items.exerciseId",
                        contains(
                                "light-cardio",
                                "band-pull-apart",
                                "lat-pulldown",
                                "suspended-row",
                                "wide-dumbbell-bent-over-row",
                                "quadruped-single-arm-dumbbell-row",
                                "back-extension",
                                "good-morning",
                                "superman-hold",
                                "renegade-row"))
                .body("items[0].block", equalTo("warm-up"))
                .body("items[1].block", equalTo("warm-up"))
                .body("items[2].block", equalTo("main"))
                .body("items[0].prescription.secondsMin", equalTo(300))
                .body("items[1].prescription.sets", equalTo(2))
                .body("items[1].prescription.band", equalTo("yellow"))
                .body("items.findAll { it.block == 'main' }.prescription.sets", not(hasItem(2)))
                .body("items[2].prescription.sets", equalTo(1))
                .body("items[2].prescription.setsMax", equalTo(3))
                .body("items[2].prescription.repsMin", equalTo(8))
                .body("items[2].prescription.repsMax", equalTo(12))
                .body("items[2].prescription.loadStepPercent", equalTo(5.0f))
                .body("items[5].prescription.perSide", equalTo(true))
                .body("items[9].prescription.repsMin", equalTo(10))
                .body("items[9].exerciseVersion", equalTo(1));
    }

    static Map<String, Object> template(List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Desk worker");
        body.put("goal", "Upper back endurance");
        body.put("weeks", 6);
        body.put("sessionsPerWeek", 2);
        body.put("items", items);
        return body;
    }

    static Map<String, Object> item(String exerciseId, Map<String, Object> prescription) {
        Map<String, Object> item = new HashMap<>();
        item.put("exerciseId", exerciseId);
        item.put("prescription", new HashMap<>(prescription));
        return item;
    }

    static List<Map<String, Object>> twoItems() {
        return new ArrayList<>(List.of(
                item("superman-hold", Map.of("loadKind", "bodyweight")),
                item("lat-pulldown", Map.of("loadKind", "kg", "loadKg", 12.5, "sets", 2))));
    }

    @Test
    void buildsAClinicTemplateWithTheStandardWarmUpFirstAndCatalogDefaults() {
        String id = given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(template(twoItems()))
                .when()
                .post("/templates")
                .then()
                .statusCode(201)
                .body("builtIn", equalTo(false))
                .body("items.exerciseId", contains("light-cardio", "band-pull-apart", "superman-hold", "lat-pulldown"))
                .body("items.block", contains("warm-up", "warm-up", "main", "main"))
                .body("items.position", contains(1, 2, 3, 4))
                .body("items[2].prescription.sets", equalTo(1))
                .body("items[2].prescription.repsMin", equalTo(8))
                .body("items[3].prescription.sets", equalTo(2))
                .body("items[3].prescription.loadKg", equalTo(12.5f))
                .body("items[3].exerciseName", equalTo("Lat Pulldown"))
                .extract()
                .path("id");

        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/templates")
                .then()
                .statusCode(200)
                .body("id", hasItem(id))
                .body("id", hasItem(Clinic.BUILT_IN.toString()));
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/templates/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Clinic.colin())
                .when()
                .get("/templates")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        // The catalog was asked with the clinician's own token.
        CatalogStub.server()
                .verify(getRequestedFor(urlEqualTo("/exercises/superman-hold"))
                        .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void refusesAnExerciseTheCatalogDoesNotOffer() {
        List<Map<String, Object>> unknown = twoItems();
        unknown.add(item("unknown-hover-board", Map.of("loadKind", "bodyweight")));
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(template(unknown))
                .when()
                .post("/templates")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("field", equalTo("items[2].exerciseId"));
        List<Map<String, Object>> retired = twoItems();
        retired.add(0, item(CatalogStub.RETIRED, Map.of("loadKind", "bodyweight")));
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(template(retired))
                .when()
                .post("/templates")
                .then()
                .statusCode(422)
                .body("field", equalTo("items[0].exerciseId"))
                .body("detail", org.hamcrest.Matchers.containsString("retired"));
    }

    static Stream<Arguments> badTemplates() {
        return Stream.of(
                Arguments.of("no name", (Consumer<Map<String, Object>>) body -> body.put("name", ""), "name"),
                Arguments.of("zero weeks", (Consumer<Map<String, Object>>) body -> body.put("weeks", 0), "weeks"),
                Arguments.of(
                        "eight sessions a week",
                        (Consumer<Map<String, Object>>) body -> body.put("sessionsPerWeek", 8),
                        "sessionsPerWeek"),
                Arguments.of("no items", (Consumer<Map<String, Object>>) body -> body.put("items", List.of()), "items"),
                Arguments.of(
                        "unknown load kind",
                        (Consumer<Map<String, Object>>)
                                body -> prescription(body).put("loadKind", "stones"),
                        "items[0].prescription.loadKind"),
                Arguments.of(
                        "kg without a load",
                        (Consumer<Map<String, Object>>)
                                body -> prescription(body).put("loadKind", "kg"),
                        "items[0].prescription.loadKg"),
                Arguments.of(
                        "sets above their maximum",
                        (Consumer<Map<String, Object>>) body -> {
                            prescription(body).put("sets", 3);
                            prescription(body).put("setsMax", 2);
                        },
                        "items[0].prescription.setsMax"),
                Arguments.of(
                        "zero reps",
                        (Consumer<Map<String, Object>>)
                                body -> prescription(body).put("repsMin", 0),
                        "items[0].prescription.repsMin"),
                Arguments.of(
                        "a pink band",
                        (Consumer<Map<String, Object>>) body -> {
                            prescription(body).put("loadKind", "band");
                            prescription(body).put("band", "pink");
                        },
                        "items[0].prescription.band"),
                Arguments.of(
                        "an unknown block",
                        (Consumer<Map<String, Object>>) body -> firstItem(body).put("block", "cool-down"),
                        "items[0].block"),
                Arguments.of(
                        "an unknown field",
                        (Consumer<Map<String, Object>>) body -> body.put("colour", "red"),
                        "colour"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstItem(Map<String, Object> body) {
        return ((List<Map<String, Object>>) body.get("items")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> prescription(Map<String, Object> body) {
        return (Map<String, Object>) firstItem(body).get("prescription");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTemplates")
    void rejectsABadTemplateNamingTheField(String what, Consumer<Map<String, Object>> spoil, String field) {
        Map<String, Object> body = template(twoItems());
        body.put("name", "Bad " + what);
        spoil.accept(body);
        given().auth()
                .oauth2(Clinic.clara())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/templates")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
        given().auth()
                .oauth2(Clinic.clara())
                .when()
                .get("/templates")
                .then()
                .statusCode(200)
                .body("find { it.name == 'Bad " + what + "' }", nullValue());
    }

    @Test
    void isForCliniciansOnly() {
        given().when().get("/templates").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(template(twoItems()))
                .when()
                .post("/templates")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.patient("someone", "clinic-a"))
                .when()
                .get("/templates")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.analyst("anna"))
                .when()
                .get("/templates/" + Clinic.BUILT_IN)
                .then()
                .statusCode(403);
    }
}
