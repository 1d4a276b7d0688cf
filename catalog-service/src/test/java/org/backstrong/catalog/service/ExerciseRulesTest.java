package org.backstrong.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExerciseRulesTest {

    private static final ExerciseRules.Vocabularies VOCABULARIES = new ExerciseRules.Vocabularies(
            Set.of("upper-back", "lower-back"),
            Set.of("rhomboids", "erector-spinae", "glutes"),
            Set.of("none", "resistance-band", "barbell"));

    static Stream<Arguments> doses() {
        return Stream.of(
                // kind, setsMin, setsMax, repsMin, repsMax, secondsMin, secondsMax, holdSeconds -> field or null
                Arguments.of(new Dose("reps", 1, 3, 8, 12, null, null, null, false), null),
                Arguments.of(new Dose("reps", 2, 2, 15, 20, null, null, null, false), null),
                Arguments.of(new Dose("reps", 1, 3, 10, 10, null, null, null, true), null),
                Arguments.of(new Dose("reps", 1, 3, 8, 12, null, null, 1, false), null),
                Arguments.of(new Dose("reps", 3, 1, 8, 12, null, null, null, false), "dose.setsMax"),
                Arguments.of(new Dose("reps", 1, 3, null, 12, null, null, null, false), "dose.repsMin"),
                Arguments.of(new Dose("reps", 1, 3, 8, null, null, null, null, false), "dose.repsMax"),
                Arguments.of(new Dose("reps", 1, 3, 12, 8, null, null, null, false), "dose.repsMax"),
                Arguments.of(new Dose("reps", 1, 3, 8, 12, 30, 60, null, false), "dose.secondsMin"),
                Arguments.of(new Dose("reps", 1, 3, 8, 12, null, 60, null, false), "dose.secondsMax"),
                Arguments.of(new Dose("hold", 1, 3, null, 12, 10, 30, null, false), "dose.repsMax"),
                Arguments.of(new Dose("duration", 1, 1, null, null, 300, 600, null, false), null),
                Arguments.of(new Dose("hold", 1, 3, null, null, 10, 30, null, false), null),
                Arguments.of(new Dose("hold", 1, 3, null, null, null, 30, null, false), "dose.secondsMin"),
                Arguments.of(new Dose("hold", 1, 3, null, null, 10, null, null, false), "dose.secondsMax"),
                Arguments.of(new Dose("duration", 1, 1, null, null, 600, 300, null, false), "dose.secondsMax"),
                Arguments.of(new Dose("hold", 1, 3, 8, 12, 10, 30, null, false), "dose.repsMin"),
                Arguments.of(new Dose("hold", 1, 3, null, null, 10, 30, 2, false), "dose.holdSeconds"));
    }

    @ParameterizedTest
    @MethodSource("doses")
    void checksThatADoseIsCoherent(Dose dose, String expectedField) {
        assertEquals(
                Optional.ofNullable(expectedField), ExerciseRules.dose(dose).map(ExerciseRules.Violation::field));
    }

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of(
                        input(
                                "strength",
                                List.of("upper-back"),
                                List.of("rhomboids"),
                                List.of(),
                                List.of(List.of("resistance-band"))),
                        null),
                Arguments.of(
                        input(
                                "strength",
                                List.of("lower-back"),
                                List.of("erector-spinae"),
                                List.of("glutes"),
                                List.of(List.of("none"), List.of("barbell"))),
                        null),
                Arguments.of(
                        input("yoga", List.of("upper-back"), List.of("rhomboids"), List.of(), List.of(List.of("none"))),
                        "category"),
                Arguments.of(
                        input(
                                "strength",
                                List.of("upper-back", "neck"),
                                List.of("rhomboids"),
                                List.of(),
                                List.of(List.of("none"))),
                        "regions[1]"),
                Arguments.of(
                        input("strength", List.of("upper-back"), List.of("lats"), List.of(), List.of(List.of("none"))),
                        "primaryMuscles[0]"),
                Arguments.of(
                        input(
                                "strength",
                                List.of("upper-back"),
                                List.of("rhomboids"),
                                List.of("deltoid"),
                                List.of(List.of("none"))),
                        "secondaryMuscles[0]"),
                Arguments.of(
                        input(
                                "strength",
                                List.of("upper-back"),
                                List.of("rhomboids"),
                                List.of(),
                                List.of(List.of("none"), List.of("barbell", "kettlebell"))),
                        "equipment[1][1]"));
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void takesRegionsMusclesAndEquipmentFromTheVocabularies(ExerciseInput input, String expectedField) {
        assertEquals(
                Optional.ofNullable(expectedField),
                ExerciseRules.firstViolation(input, VOCABULARIES).map(ExerciseRules.Violation::field));
    }

    private static ExerciseInput input(
            String category,
            List<String> regions,
            List<String> primary,
            List<String> secondary,
            List<List<String>> equipment) {
        return new ExerciseInput(
                "x",
                "X",
                "An exercise",
                category,
                regions,
                primary,
                secondary,
                equipment,
                List.of("Do it."),
                List.of(),
                List.of(),
                new Dose("reps", 1, 3, 8, 12, null, null, null, false),
                1,
                List.of(),
                List.of(),
                List.of());
    }
}
