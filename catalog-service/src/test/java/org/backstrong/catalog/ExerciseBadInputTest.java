package org.backstrong.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Every bad exercise is a 400 problem naming the field, and nothing is stored. */
@QuarkusTest
class ExerciseBadInputTest {

    static Stream<Arguments> badExercises() {
        return Stream.of(
                bad("empty name", body -> body.put("name", " "), "name"),
                bad("no name", body -> body.remove("name"), "name"),
                bad("a 1 MB name", body -> body.put("name", "x".repeat(1024 * 1024)), "name"),
                bad("sets max below min", body -> dose(body, "setsMax", 1, "setsMin", 3), "dose.setsMax"),
                bad("zero reps", body -> dose(body, "repsMin", 0), "dose.repsMin"),
                bad("zero sets", body -> dose(body, "setsMin", 0), "dose.setsMin"),
                bad("reps max below min", body -> dose(body, "repsMin", 12, "repsMax", 8), "dose.repsMax"),
                bad(
                        "seconds on a reps dose",
                        body -> dose(body, "secondsMin", 30, "secondsMax", 60),
                        "dose.secondsMin"),
                bad("unknown dose kind", body -> dose(body, "kind", "miles"), "dose.kind"),
                bad("no dose", body -> body.remove("dose"), "dose"),
                bad(
                        "unknown muscle",
                        body -> body.put("primaryMuscles", List.of("trapezius", "lats")),
                        "primaryMuscles[1]"),
                bad(
                        "unknown equipment",
                        body -> body.put("equipment", List.of(List.of("kettlebell"))),
                        "equipment[0][0]"),
                bad("no equipment alternative", body -> body.put("equipment", List.of()), "equipment"),
                bad("unknown region", body -> body.put("regions", List.of("neck")), "regions[0]"),
                bad("unknown category", body -> body.put("category", "yoga"), "category"),
                bad("blank step", body -> body.put("steps", List.of("Stand tall.", "")), "steps[1]"),
                bad("no steps", body -> body.put("steps", List.of()), "steps"),
                bad("difficulty 6", body -> body.put("difficulty", 6), "difficulty"),
                bad("difficulty as words", body -> body.put("difficulty", "hard"), "difficulty"),
                bad("unknown variant", body -> body.put("easierVariants", List.of("hover-board")), "easierVariants[0]"),
                bad(
                        "media that is no link",
                        body -> body.put("mediaLinks", List.of("javascript:alert(1)")),
                        "mediaLinks[0]"),
                bad("an id with spaces", body -> body.put("id", "Wall Slide"), "id"),
                bad("a field we do not know", body -> body.put("colour", "red"), "colour"),
                bad("a duplicate id", body -> body.put("id", "lat-pulldown"), "id"));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> spoil, String field) {
        return Arguments.of(what, spoil, field);
    }

    private static void dose(Map<String, Object> body, Object... fieldsAndValues) {
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            NewExercise.dose(body).put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExercises")
    void rejectsABadExerciseNamingTheFieldAndStoresNothing(
            String what, Consumer<Map<String, Object>> spoil, String field) {
        String before = clarasExerciseCount();
        Map<String, Object> body = NewExercise.body();
        spoil.accept(body);
        given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/exercises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field))
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid input"));
        assertEquals(before, clarasExerciseCount(), "nothing stored");
        given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises/lat-pulldown")
                .then()
                .statusCode(200)
                .body("name", equalTo("Lat Pulldown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExercises")
    void rejectsABadEditNamingTheFieldAndChangesNothing(
            String what, Consumer<Map<String, Object>> spoil, String field) {
        if ("id".equals(field)) {
            return; // ids are not edited; covered by rejectsAnEditOfAnotherId
        }
        String id = given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .body(NewExercise.body())
                .when()
                .post("/exercises")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = NewExercise.body(id);
        spoil.accept(body);
        given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body)
                .when()
                .put("/exercises/" + id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
        given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("name", equalTo("Wall slide"));
    }

    /** Everything clara's listing holds, drafts of her clinic included. */
    private static String clarasExerciseCount() {
        return given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Total-Count");
    }

    @Test
    void rejectsAnEditOfAnotherId() {
        String id = given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .body(NewExercise.body())
                .when()
                .post("/exercises")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(NewExercise.body("another-id"))
                .when()
                .put("/exercises/" + id)
                .then()
                .statusCode(400)
                .body("field", equalTo("id"));
    }

    @Test
    void rejectsMalformedJsonAndAMissingBody() {
        given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .body("{\"id\": \"x\", ")
                .when()
                .post("/exercises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("body"));
        given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .when()
                .post("/exercises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("body"));
    }

    @Test
    void rejectsAMalformedIfMatchAndVersionNumber() {
        given().auth()
                .oauth2(Users.adam())
                .header("If-Match", "\"latest\"")
                .when()
                .post("/exercises/lat-pulldown/publish")
                .then()
                .statusCode(400)
                .body("field", equalTo("If-Match"));
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/exercises/lat-pulldown/versions/first")
                .then()
                .statusCode(400)
                .body("field", equalTo("version"));
    }
}
