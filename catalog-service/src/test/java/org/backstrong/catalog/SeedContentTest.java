package org.backstrong.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped library is the article: names, muscles, equipment alternatives and doses as it gives them. */
@QuarkusTest
class SeedContentTest {

    static Stream<Arguments> article() {
        return Stream.of(
                // id, name, category, primary muscles, equipment alternatives, sets, reps or seconds, per side
                Arguments.of(
                        "light-cardio",
                        "Light Cardio Warm-Up",
                        "warm-up",
                        List.of(),
                        List.of(List.of("none"), List.of("exercise-bike")),
                        "duration",
                        1,
                        1,
                        300,
                        600,
                        false),
                Arguments.of(
                        "band-pull-apart",
                        "Resistance Band Pull-Apart",
                        "warm-up",
                        List.of("rhomboids", "trapezius", "rear-deltoids", "rotator-cuff"),
                        List.of(List.of("resistance-band")),
                        "reps",
                        2,
                        2,
                        15,
                        20,
                        false),
                Arguments.of(
                        "lat-pulldown",
                        "Lat Pulldown",
                        "strength",
                        List.of("latissimus-dorsi"),
                        List.of(List.of("lat-pulldown-machine")),
                        "reps",
                        1,
                        3,
                        8,
                        12,
                        false),
                Arguments.of(
                        "suspended-row",
                        "Suspended Row (TRX or Rings)",
                        "strength",
                        List.of("latissimus-dorsi", "trapezius", "rhomboids"),
                        List.of(List.of("suspension-trainer"), List.of("gymnastic-rings")),
                        "reps",
                        1,
                        3,
                        8,
                        12,
                        false),
                Arguments.of(
                        "wide-dumbbell-bent-over-row",
                        "Wide Dumbbell Bent-Over Row",
                        "strength",
                        List.of("rhomboids", "trapezius", "rear-deltoids"),
                        List.of(List.of("dumbbells")),
                        "reps",
                        1,
                        3,
                        8,
                        12,
                        false),
                Arguments.of(
                        "quadruped-single-arm-dumbbell-row",
                        "Quadruped Single-Arm Dumbbell Row",
                        "strength",
                        List.of("latissimus-dorsi", "rhomboids"),
                        List.of(List.of("dumbbells")),
                        "reps",
                        1,
                        3,
                        8,
                        12,
                        true),
                Arguments.of(
                        "back-extension",
                        "Back Extension (on Stability Ball or Bench)",
                        "strength",
                        List.of("erector-spinae", "glutes", "hamstrings"),
                        List.of(List.of("stability-ball"), List.of("back-extension-bench")),
                        "reps",
                        1,
                        3,
                        8,
                        12,
                        false),
                Arguments.of(
                        "good-morning",
                        "Good Morning (Bodyweight or Barbell)",
                        "strength",
                        List.of("hamstrings", "glutes", "erector-spinae"),
                        List.of(List.of("none"), List.of("barbell")),
                        "reps",
                        1,
                        3,
                        8,
                        12,
                        false),
                Arguments.of(
                        "superman-hold",
                        "Superman Hold",
                        "strength",
                        List.of("erector-spinae", "glutes", "hamstrings"),
                        List.of(List.of("none")),
                        "reps",
                        1,
                        3,
                        8,
                        12,
                        false),
                Arguments.of(
                        "renegade-row",
                        "Renegade Row",
                        "strength",
                        List.of("latissimus-dorsi", "rhomboids", "core"),
                        List.of(List.of("dumbbells")),
                        "reps",
                        1,
                        3,
                        10,
                        10,
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("article")
    void shipsTheArticlesExercise(
            String id,
            String name,
            String category,
            List<String> primaryMuscles,
            List<List<String>> equipment,
            String kind,
            int setsMin,
            int setsMax,
            int min,
            int max,
            boolean perSide) {
        ValidatableResponse exercise = given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/exercises/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("category", equalTo(category))
                .body("status", equalTo("published"))
                .body("primaryMuscles", containsInAnyOrder(primaryMuscles.toArray()))
                .body("equipment", equalTo(equipment))
                .body("dose.kind", equalTo(kind))
                .body("dose.setsMin", equalTo(setsMin))
                .body("dose.setsMax", equalTo(setsMax))
                .body("dose.perSide", equalTo(perSide))
                .body("steps.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("safetyNotes", hasItem("Stop if you feel pain beyond normal muscle fatigue."))
                .body("safetyNotes", hasItem("Focus on form over reps."));
        if ("reps".equals(kind)) {
            exercise.body("dose.repsMin", equalTo(min))
                    .body("dose.repsMax", equalTo(max))
                    .body("dose.secondsMin", nullValue());
        } else {
            exercise.body("dose.secondsMin", equalTo(min))
                    .body("dose.secondsMax", equalTo(max))
                    .body("dose.repsMin", nullValue());
        }
    }

    @Test
    void keepsTheArticlesHowToStepsInOrder() {
        given().auth()
                .oauth2(Users.anna())
                .when()
                .get("/exercises/lat-pulldown")
                .then()
                .statusCode(200)
                .body(
                        "steps",
                        contains(
                                "Grab the bar wider than shoulder-width and pull it down to your chest.",
                                "Focus on pulling with your back, not your arms.",
                                "Keep your torso upright and avoid leaning back."))
                .body("secondaryMuscles", containsInAnyOrder("trapezius", "biceps", "forearms"));
    }

    @Test
    void holdsTheSupermanForASecondInEachRep() {
        given().auth()
                .oauth2(Users.anna())
                .when()
                .get("/exercises/superman-hold")
                .then()
                .statusCode(200)
                .body("dose.holdSeconds", equalTo(1));
    }

    @Test
    void linksEasierAndHarderVariants() {
        given().auth()
                .oauth2(Users.anna())
                .when()
                .get("/exercises/back-extension")
                .then()
                .statusCode(200)
                .body("easierVariants", contains("superman-hold"))
                .body("harderVariants", contains("good-morning"))
                .body("difficulty", equalTo(2));
    }

    @Test
    void keepsVersionOneOfEverySeededExercise() {
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/exercises/renegade-row/versions/1")
                .then()
                .statusCode(200)
                .body("name", equalTo("Renegade Row"))
                .body("version", equalTo(1))
                .body("dose.repsMin", equalTo(10));
    }

    @Test
    void servesTheVocabularies() {
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/muscles")
                .then()
                .statusCode(200)
                .body("id", hasItem("erector-spinae"))
                .body("id", hasItem("latissimus-dorsi"));
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/equipment")
                .then()
                .statusCode(200)
                .body("id", hasItem("none"))
                .body("id", hasItem("suspension-trainer"));
        given().auth()
                .oauth2(Users.paul())
                .when()
                .get("/regions")
                .then()
                .statusCode(200)
                .body("$", hasSize(6));
        given().when().get("/muscles").then().statusCode(401);
        given().when().get("/equipment").then().statusCode(401);
    }
}
