package org.backstrong.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.backstrong.catalog.domain.Categories;

/**
 * The rules an exercise must keep beyond single-field limits: a coherent dose, and every
 * region, muscle and piece of equipment taken from the controlled vocabularies. Plain Java.
 */
public final class ExerciseRules {

    /** The vocabularies an input is checked against. */
    public record Vocabularies(Set<String> regions, Set<String> muscles, Set<String> equipment) {}

    /** A rule broken, at the path a client sees. */
    public record Violation(String field, String message) {}

    private ExerciseRules() {}

    /** The first broken rule, in the order a form shows its fields. */
    public static Optional<Violation> firstViolation(ExerciseInput input, Vocabularies vocabularies) {
        List<Violation> violations = new ArrayList<>();
        if (!Categories.ALL.contains(input.category())) {
            violations.add(new Violation("category", "must be one of " + String.join(", ", Categories.ALL)));
        }
        unknown("regions", input.regions(), vocabularies.regions(), violations);
        unknown("primaryMuscles", input.primaryMuscles(), vocabularies.muscles(), violations);
        unknown(
                "secondaryMuscles",
                ExerciseInput.orEmpty(input.secondaryMuscles()),
                vocabularies.muscles(),
                violations);
        for (int i = 0; i < input.equipment().size(); i++) {
            unknown("equipment[" + i + "]", input.equipment().get(i), vocabularies.equipment(), violations);
        }
        dose(input.dose()).ifPresent(violations::add);
        return violations.stream().findFirst();
    }

    /** A dose measures either reps or seconds, as its kind says, with ranges that are ranges. */
    public static Optional<Violation> dose(Dose dose) {
        if (dose.setsMax() < dose.setsMin()) {
            return Optional.of(new Violation("dose.setsMax", "must not be less than setsMin (" + dose.setsMin() + ")"));
        }
        boolean reps = "reps".equals(dose.kind());
        if (reps) {
            if (dose.repsMin() == null) {
                return Optional.of(new Violation("dose.repsMin", "is required for a reps dose"));
            }
            if (dose.repsMax() == null) {
                return Optional.of(new Violation("dose.repsMax", "is required for a reps dose"));
            }
            if (dose.repsMax() < dose.repsMin()) {
                return Optional.of(
                        new Violation("dose.repsMax", "must not be less than repsMin (" + dose.repsMin() + ")"));
            }
            if (dose.secondsMin() != null || dose.secondsMax() != null) {
                // Name the field that was set: a dose with only secondsMax is refused at secondsMax.
                String field = dose.secondsMin() != null ? "dose.secondsMin" : "dose.secondsMax";
                return Optional.of(new Violation(field, "a reps dose counts reps, not seconds"));
            }
            return Optional.empty();
        }
        if (dose.secondsMin() == null) {
            return Optional.of(new Violation("dose.secondsMin", "is required for a " + dose.kind() + " dose"));
        }
        if (dose.secondsMax() == null) {
            return Optional.of(new Violation("dose.secondsMax", "is required for a " + dose.kind() + " dose"));
        }
        if (dose.secondsMax() < dose.secondsMin()) {
            return Optional.of(
                    new Violation("dose.secondsMax", "must not be less than secondsMin (" + dose.secondsMin() + ")"));
        }
        if (dose.repsMin() != null || dose.repsMax() != null) {
            String field = dose.repsMin() != null ? "dose.repsMin" : "dose.repsMax";
            return Optional.of(new Violation(field, "a " + dose.kind() + " dose counts seconds, not reps"));
        }
        if (dose.holdSeconds() != null) {
            return Optional.of(new Violation("dose.holdSeconds", "is a pause within a rep; only a reps dose has one"));
        }
        return Optional.empty();
    }

    private static void unknown(String field, List<String> values, Set<String> known, List<Violation> violations) {
        for (int i = 0; i < values.size(); i++) {
            if (!known.contains(values.get(i))) {
                violations.add(new Violation(field + "[" + i + "]", "unknown: " + values.get(i)));
            }
        }
    }
}
