package org.backstrong.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExerciseCurationTest {

    private static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String create(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/exercises")
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .extract()
                .path("id");
    }

    @Test
    void aCliniciansExerciseExistsOnlyForTheirClinic() {
        String id = create(Users.clara(), NewExercise.body());

        given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(200)
                .body("clinicOwned", equalTo(true))
                .body("status", equalTo("published"))
                .body("harderVariants", equalTo(List.of("band-pull-apart")));
        given().auth()
                .oauth2(Users.paul())
                .queryParam("q", "wall slide")
                .when()
                .get("/exercises")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));

        given().auth()
                .oauth2(Users.colin())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(404);
        given().auth().oauth2(Users.pia()).when().get("/exercises/" + id).then().statusCode(404);
        given().auth()
                .oauth2(Users.anna())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Users.colin())
                .queryParam("q", "wall slide")
                .when()
                .get("/exercises")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth()
                .oauth2(Users.colin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(NewExercise.body(id))
                .when()
                .put("/exercises/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Users.colin())
                .when()
                .post("/exercises/" + id + "/retire")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Users.colin())
                .when()
                .get("/exercises/" + id + "/versions/1")
                .then()
                .statusCode(404);
    }

    @Test
    void editsNeedTheCurrentVersionAndKeepEveryVersion() {
        String id = create(Users.clara(), NewExercise.body());
        Map<String, Object> edited = NewExercise.body(id);
        edited.put("name", "Wall slide with lift-off");

        given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .body(edited)
                .when()
                .put("/exercises/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("field", equalTo("If-Match"));
        given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(edited)
                .when()
                .put("/exercises/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("name", equalTo("Wall slide with lift-off"));
        given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(NewExercise.body(id))
                .when()
                .put("/exercises/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://backstrong.org/problems/stale-version"));

        given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("name", equalTo("Wall slide with lift-off"));
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/exercises/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("name", equalTo("Wall slide"))
                .body("version", equalTo(1));
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/exercises/" + id + "/versions/3")
                .then()
                .statusCode(404);
    }

    @Test
    void aRetiredExerciseLeavesTheListingButItsVersionsStayReadable() {
        String id = create(Users.clara(), NewExercise.body());
        given().auth()
                .oauth2(Users.clara())
                .header("If-Match", "\"1\"")
                .when()
                .post("/exercises/" + id + "/retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("retired"))
                .body("version", equalTo(2));

        given().auth()
                .oauth2(Users.paul())
                .queryParam("q", "wall slide")
                .when()
                .get("/exercises")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/exercises/" + id + "/versions/1")
                .then()
                .statusCode(200)
                .body("status", equalTo("published"));
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("retired"));
        given().auth()
                .oauth2(Users.clara())
                .header("If-Match", "\"2\"")
                .when()
                .post("/exercises/" + id + "/publish")
                .then()
                .statusCode(400)
                .body("field", equalTo("status"));
    }

    @Test
    void anAdminsExerciseIsAGlobalDraftUntilPublished() {
        String id = create(Users.adam(), NewExercise.body());

        given().auth()
                .oauth2(Users.adam())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"))
                .body("clinicOwned", equalTo(false));
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(404);

        given().auth()
                .oauth2(Users.adam())
                .header("If-Match", "\"1\"")
                .when()
                .post("/exercises/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .header("ETag", equalTo("\"2\""));
        given().auth().oauth2(Users.pia()).when().get("/exercises/" + id).then().statusCode(200);

        // Clinicians use global exercises but do not change them.
        given().auth()
                .oauth2(Users.clara())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(NewExercise.body(id))
                .when()
                .put("/exercises/" + id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Users.clara())
                .when()
                .post("/exercises/" + id + "/retire")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(Users.adam())
                .header("If-Match", "\"2\"")
                .when()
                .post("/exercises/" + id + "/retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("retired"));
    }

    @Test
    void adminsDoNotSeeOrChangeAClinicsOwnExercises() {
        String id = create(Users.clara(), NewExercise.body());
        given().auth()
                .oauth2(Users.adam())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Users.adam())
                .when()
                .post("/exercises/" + id + "/retire")
                .then()
                .statusCode(404);
    }

    @Test
    void patientsAndAnalystsDoNotWrite() {
        Map<String, Object> body = NewExercise.body(uniqueId("wall-slide"));
        given().auth()
                .oauth2(Users.paul())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/exercises")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Users.anna())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/exercises")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Users.paul())
                .when()
                .post("/exercises/lat-pulldown/retire")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/exercises")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/exercises/lat-pulldown")
                .then()
                .statusCode(401);
        given().when().post("/exercises/lat-pulldown/publish").then().statusCode(401);
        given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises/" + body.get("id"))
                .then()
                .statusCode(404);
    }

    @Test
    void aClinicianWithoutAClinicCannotCreate() {
        given().auth()
                .oauth2(org.backstrong.testinfra.TestTokens.token(Users.CLARA_ID, null, "clinician"))
                .contentType(ContentType.JSON)
                .body(NewExercise.body(uniqueId("wall-slide")))
                .when()
                .post("/exercises")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theServerAssignsIdsFromTheName() {
        String first = create(Users.clara(), NewExercise.body());
        String second = create(Users.clara(), NewExercise.body());
        assertTrue(first.matches("wall-slide-[a-z0-9]{8}"), first);
        assertTrue(second.matches("wall-slide-[a-z0-9]{8}"), second);
        assertNotEquals(first, second, "the same name twice is two exercises");
        given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises/" + first)
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
    }

    /**
     * An id another clinic's exercise or an admin's draft holds is answered exactly as one no
     * exercise has: a proposed id is refused whatever it is, so a refusal tells nothing.
     */
    @Test
    void anIdTakenOutOfSightIsAnsweredLikeAFreeOne() {
        String colins = create(Users.colin(), NewExercise.body());
        String draft = create(Users.adam(), NewExercise.body());
        String free = uniqueId("wall-slide");
        String visible = "lat-pulldown";

        List<String> answers = new java.util.ArrayList<>();
        for (String proposed : List.of(colins, draft, free, visible)) {
            Map<String, Object> body = NewExercise.body(proposed);
            answers.add(given().auth()
                    .oauth2(Users.clara())
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/exercises")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("field", equalTo("id"))
                    .extract()
                    .body()
                    .asString());
        }
        assertEquals(1, answers.stream().distinct().count(), "one answer for all: " + answers);

        given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises/" + colins)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises/" + draft)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Users.colin())
                .when()
                .get("/exercises/" + colins)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
    }

    @Test
    void publishAndRetireNeedTheCurrentVersion() {
        String id = create(Users.clara(), NewExercise.body());
        given().auth()
                .oauth2(Users.clara())
                .when()
                .post("/exercises/" + id + "/retire")
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("https://backstrong.org/problems/precondition-required"))
                .body("field", equalTo("If-Match"));
        given().auth()
                .oauth2(Users.clara())
                .header("If-Match", "\"7\"")
                .when()
                .post("/exercises/" + id + "/retire")
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://backstrong.org/problems/stale-version"))
                .body("field", equalTo("If-Match"));
        given().auth()
                .oauth2(Users.clara())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .header("ETag", equalTo("\"1\""));

        String draft = create(Users.adam(), NewExercise.body());
        given().auth()
                .oauth2(Users.adam())
                .when()
                .post("/exercises/" + draft + "/publish")
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("field", equalTo("If-Match"));
        given().auth()
                .oauth2(Users.adam())
                .header("If-Match", "W/\"2\"")
                .when()
                .post("/exercises/" + draft + "/publish")
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Users.adam())
                .when()
                .get("/exercises/" + draft)
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"))
                .body("version", equalTo(1));
    }

    /** Only who may change an exercise learns that it needs If-Match; anyone else is told it does not exist. */
    @Test
    void aMissingIfMatchTellsOthersNothing() {
        String id = create(Users.clara(), NewExercise.body());
        String draft = create(Users.adam(), NewExercise.body());
        given().auth()
                .oauth2(Users.colin())
                .when()
                .post("/exercises/" + id + "/retire")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Users.colin())
                .when()
                .post("/exercises/" + draft + "/publish")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Users.adam())
                .when()
                .post("/exercises/" + id + "/publish")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Users.colin())
                .when()
                .post("/exercises/never-made-" + uniqueId("x") + "/retire")
                .then()
                .statusCode(404);
    }
}
