package org.backstrong.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.backstrong.catalog.domain.Exercise;
import org.backstrong.catalog.domain.ExerciseStatus;
import org.backstrong.catalog.repository.ExerciseRepository;
import org.backstrong.testinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExerciseResourceTest {

    private static final String CLARA = "11111111-1111-4111-8111-000000000001";
    private static final String COLIN = "11111111-1111-4111-8111-000000000002";

    @Inject
    ExerciseRepository exercises;

    @BeforeEach
    @Transactional
    void clinicAHasItsOwnExercise() {
        if (exercises.findById("clinic-a-wall-slide") == null) {
            Exercise own = new Exercise();
            own.id = "clinic-a-wall-slide";
            own.clinicId = "clinic-a";
            own.name = "Wall slide (clinic A)";
            own.summary = "Slide the arms up a wall keeping contact.";
            own.category = "mobility";
            own.status = ExerciseStatus.PUBLISHED;
            own.version = 1;
            own.updatedAt = OffsetDateTime.now();
            exercises.persist(own);
        }
    }

    @Test
    void answers401WithoutAToken() {
        given().when().get("/exercises").then().statusCode(401);
    }

    @Test
    void answers403ForATokenWithoutABackstrongRole() {
        given().auth().oauth2(TestTokens.token("someone", "clinic-a", "offline_access"))
                .when().get("/exercises").then().statusCode(403);
    }

    @Test
    void listsTheArticlesWarmUpAndNineExercisesFromTheDatabase() {
        given().auth().oauth2(TestTokens.analyst("33333333-3333-4333-8333-000000000001"))
                .when().get("/exercises")
                .then().statusCode(200)
                .body("$", hasSize(10))
                .body("id", hasItems("light-cardio", "band-pull-apart", "lat-pulldown", "suspended-row",
                        "wide-dumbbell-bent-over-row", "quadruped-single-arm-dumbbell-row", "back-extension",
                        "good-morning", "superman-hold", "renegade-row"))
                .body("find { it.id == 'lat-pulldown' }.name", equalTo("Lat Pulldown"))
                .body("find { it.id == 'light-cardio' }.category", equalTo("warm-up"));
    }

    @Test
    void showsAClinicsOwnExerciseOnlyToThatClinic() {
        given().auth().oauth2(TestTokens.clinician(CLARA, "clinic-a"))
                .when().get("/exercises")
                .then().statusCode(200)
                .body("id", hasItem("clinic-a-wall-slide"))
                .body("find { it.id == 'clinic-a-wall-slide' }.clinicOwned", equalTo(true));
        given().auth().oauth2(TestTokens.clinician(COLIN, "clinic-b"))
                .when().get("/exercises")
                .then().statusCode(200)
                .body("$", hasSize(10))
                .body("id", not(hasItem("clinic-a-wall-slide")));
    }

    @Test
    void pagesThroughTheLibrary() {
        given().auth().oauth2(TestTokens.admin("44444444-4444-4444-8444-000000000001"))
                .queryParam("page", 1).queryParam("size", 4)
                .when().get("/exercises")
                .then().statusCode(200)
                .body("$", hasSize(4));
    }

    @Test
    void rejectsAnOversizedPageNamingTheField() {
        given().auth().oauth2(TestTokens.patient("22222222-2222-4222-8222-000000000001", "clinic-a"))
                .queryParam("size", 201)
                .when().get("/exercises")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("size"))
                .body("title", equalTo("Invalid input"));
    }

    @Test
    void rejectsANonNumericPageNamingTheField() {
        given().auth().oauth2(TestTokens.patient("22222222-2222-4222-8222-000000000001", "clinic-a"))
                .queryParam("page", "first")
                .when().get("/exercises")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("page"));
    }
}
