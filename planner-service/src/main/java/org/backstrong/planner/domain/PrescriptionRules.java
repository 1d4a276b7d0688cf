package org.backstrong.planner.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** What makes a prescription coherent: a dose measured the way its kind says, and a load its kind can carry. */
public final class PrescriptionRules {

    /** A rule broken, at the field name a client sent (relative to the prescription). */
    public record Violation(String field, String message) {}

    private PrescriptionRules() {}

    public static Optional<Violation> firstViolation(Prescription p) {
        if (p.setsMax < p.sets) {
            return violation("setsMax", "must not be less than sets (" + p.sets + ")");
        }
        if (p.doseKind == DoseKind.REPS) {
            if (p.repsMin == null || p.repsMax == null) {
                return violation(p.repsMin == null ? "repsMin" : "repsMax", "is required for a reps dose");
            }
            if (p.repsMax < p.repsMin) {
                return violation("repsMax", "must not be less than repsMin (" + p.repsMin + ")");
            }
            if (p.secondsMin != null || p.secondsMax != null) {
                return violation("secondsMin", "a reps dose counts reps, not seconds");
            }
        } else {
            if (p.secondsMin == null || p.secondsMax == null) {
                return violation(
                        p.secondsMin == null ? "secondsMin" : "secondsMax",
                        "is required for a " + p.doseKind.name().toLowerCase() + " dose");
            }
            if (p.secondsMax < p.secondsMin) {
                return violation("secondsMax", "must not be less than secondsMin (" + p.secondsMin + ")");
            }
            if (p.repsMin != null || p.repsMax != null) {
                return violation("repsMin", "a " + p.doseKind.name().toLowerCase() + " dose counts seconds, not reps");
            }
            if (p.holdSeconds != null) {
                return violation("holdSeconds", "is a pause within a rep; only a reps dose has one");
            }
        }
        return switch (p.loadKind) {
            case KG ->
                p.loadKg == null || p.loadKg.compareTo(BigDecimal.ZERO) < 0
                        ? violation("loadKg", "is required (0 or more) for a load in kg")
                        : p.band != null ? violation("band", "a load in kg has no band") : Optional.empty();
            case BAND ->
                p.band == null || !BandColours.known(p.band)
                        ? violation("band", "must be one of " + String.join(", ", BandColours.LIGHTEST_FIRST))
                        : p.loadKg != null ? violation("loadKg", "a band load has no kg") : Optional.empty();
            case BODYWEIGHT ->
                p.loadKg != null
                        ? violation("loadKg", "a bodyweight exercise has no kg")
                        : p.band != null ? violation("band", "a bodyweight exercise has no band") : Optional.empty();
        };
    }

    private static Optional<Violation> violation(String field, String message) {
        return Optional.of(new Violation(field, message));
    }
}
