package org.backstrong.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Searches as an analyst, who sees exactly the published global library (the article). */
@QuarkusTest
class ExerciseSearchTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "equipment | none                        | light-cardio,good-morning,superman-hold",
                "equipment | none,resistance-band        | light-cardio,band-pull-apart,good-morning,superman-hold",
                "equipment | gymnastic-rings             | light-cardio,suspended-row,good-morning,superman-hold",
                "equipment | barbell                     | light-cardio,good-morning,superman-hold",
                "equipment | stability-ball,dumbbells    | light-cardio,wide-dumbbell-bent-over-row,quadruped-single-arm-dumbbell-row,back-extension,good-morning,superman-hold,renegade-row",
                "region    | lower-back                  | back-extension,good-morning,superman-hold",
                "region    | upper-back                  | band-pull-apart,lat-pulldown,suspended-row,wide-dumbbell-bent-over-row",
                "muscle    | biceps                      | lat-pulldown,wide-dumbbell-bent-over-row,quadruped-single-arm-dumbbell-row",
                "muscle    | rotator-cuff                | band-pull-apart",
                "category  | warm-up                     | light-cardio,band-pull-apart",
                "q         | trx                         | suspended-row",
                "q         | PLANK                       | renegade-row",
                "q         | 100%                        | ''",
            })
    void filtersTheLibrary(String filter, String value, String expectedIds) {
        String[] expected = expectedIds.isEmpty() ? new String[0] : expectedIds.split(",");
        given().auth()
                .oauth2(Users.anna())
                .queryParam(filter, value)
                .when()
                .get("/exercises")
                .then()
                .statusCode(200)
                .body("id", containsInAnyOrder((Object[]) expected))
                .header("X-Total-Count", equalTo(Integer.toString(expected.length)));
    }

    @Test
    void combinesFilters() {
        given().auth()
                .oauth2(Users.anna())
                .queryParam("region", "upper-back")
                .queryParam("equipment", "none,resistance-band")
                .when()
                .get("/exercises")
                .then()
                .statusCode(200)
                .body("id", contains("band-pull-apart"));
    }

    @Test
    void sortsAndPages() {
        given().auth()
                .oauth2(Users.anna())
                .queryParam("sort", "-difficulty")
                .queryParam("size", 2)
                .when()
                .get("/exercises")
                .then()
                .statusCode(200)
                .body("id", contains("renegade-row", "good-morning"))
                .header("X-Total-Count", equalTo("10"));
        given().auth()
                .oauth2(Users.anna())
                .queryParam("sort", "name")
                .queryParam("size", 3)
                .queryParam("page", 3)
                .when()
                .get("/exercises")
                .then()
                .statusCode(200)
                .body("id", contains("wide-dumbbell-bent-over-row"));
    }

    @Test
    void listsSummariesWithoutStepsButWithDoseAndEquipment() {
        given().auth()
                .oauth2(Users.anna())
                .queryParam("q", "superman")
                .when()
                .get("/exercises")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].dose.holdSeconds", equalTo(1))
                .body("[0].equipment", equalTo(java.util.List.of(java.util.List.of("none"))))
                .body("[0].steps", org.hamcrest.Matchers.nullValue());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "region,    neck",
        "muscle,    lats",
        "category,  yoga",
        "equipment, 'none,kettlebell'",
        "sort,      popularity",
        "size,      0",
        "page,      -1",
    })
    void rejectsAnUnknownFilterValueNamingIt(String filter, String value) {
        given().auth()
                .oauth2(Users.anna())
                .queryParam(filter, value)
                .when()
                .get("/exercises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(filter))
                .body("status", equalTo(400));
    }

    @Test
    void rejectsAnOverlongSearchText() {
        given().auth()
                .oauth2(Users.anna())
                .queryParam("q", "x".repeat(101))
                .when()
                .get("/exercises")
                .then()
                .statusCode(400)
                .body("field", equalTo("q"));
    }

    @Test
    void answers401WithoutAToken() {
        given().when().get("/exercises").then().statusCode(401);
        given().when().get("/exercises/lat-pulldown").then().statusCode(401);
        given().when().get("/exercises/lat-pulldown/versions/1").then().statusCode(401);
    }

    @Test
    void answers403ForATokenWithoutABackstrongRole() {
        given().auth()
                .oauth2(org.backstrong.testinfra.TestTokens.token("someone", "clinic-a", "offline_access"))
                .when()
                .get("/exercises")
                .then()
                .statusCode(403);
    }
}
