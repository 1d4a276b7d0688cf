package org.backstrong.planner.service;

import java.math.BigDecimal;
import java.util.Optional;

import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.Prescription;
import org.backstrong.planner.domain.PrescriptionRules;

/** Builds prescriptions from what a clinician wrote, filling gaps from the catalog's default dose. */
final class Prescriptions {

    /** The architecture page's default load step. */
    static final BigDecimal DEFAULT_LOAD_STEP_PERCENT = BigDecimal.valueOf(5);

    static final int DEFAULT_REST_SECONDS = 90;

    private Prescriptions() {}

    /**
     * A new item's prescription: what the clinician gave, else the catalog's dose started light
     * (the minimum number of sets; sets may grow to the catalog's maximum).
     */
    static Prescription fromCatalog(PrescriptionBody body, CatalogExercise exercise, String fieldPrefix) {
        CatalogExercise.Dose dose = exercise.dose();
        Prescription p = new Prescription();
        p.doseKind = body.doseKind() != null
                ? body.doseKindValue()
                : DoseKind.valueOf(dose.kind().toUpperCase());
        boolean sameKind = p.doseKind.name().equalsIgnoreCase(dose.kind());
        p.sets = firstOf(body.sets(), dose.setsMin());
        p.setsMax = firstOf(body.setsMax(), Math.max(dose.setsMax(), p.sets));
        p.repsMin = firstOf(body.repsMin(), sameKind ? dose.repsMin() : null);
        p.repsMax = firstOf(body.repsMax(), sameKind ? dose.repsMax() : null);
        p.secondsMin = firstOf(body.secondsMin(), sameKind ? dose.secondsMin() : null);
        p.secondsMax = firstOf(body.secondsMax(), sameKind ? dose.secondsMax() : null);
        p.holdSeconds = firstOf(body.holdSeconds(), sameKind ? dose.holdSeconds() : null);
        p.perSide = body.perSide() != null ? body.perSide() : dose.perSide();
        p.loadKind = body.loadKindValue();
        p.loadKg = body.loadKg();
        p.band = body.band();
        p.restSeconds = firstOf(body.restSeconds(), DEFAULT_REST_SECONDS);
        p.loadStepPercent = firstOf(body.loadStepPercent(), DEFAULT_LOAD_STEP_PERCENT);
        p.harderVariantId = body.harderVariantId() != null
                ? body.harderVariantId()
                : exercise.harderVariants() == null || exercise.harderVariants().isEmpty()
                        ? null
                        : exercise.harderVariants().get(0);
        p.notes = body.notes();
        requireCoherent(p, fieldPrefix);
        return p;
    }

    /** A clinician's edit replaces the whole prescription. */
    static Prescription fromEdit(PrescriptionBody body, Prescription current, String fieldPrefix) {
        Prescription p = current.copy();
        p.doseKind = body.doseKind() != null ? body.doseKindValue() : current.doseKind;
        p.sets = firstOf(body.sets(), current.sets);
        p.setsMax = firstOf(body.setsMax(), current.setsMax);
        p.repsMin = body.repsMin();
        p.repsMax = body.repsMax();
        p.secondsMin = body.secondsMin();
        p.secondsMax = body.secondsMax();
        p.holdSeconds = body.holdSeconds();
        p.perSide = body.perSide() != null ? body.perSide() : current.perSide;
        p.loadKind = body.loadKindValue();
        p.loadKg = body.loadKg();
        p.band = body.band();
        p.restSeconds = firstOf(body.restSeconds(), current.restSeconds);
        p.loadStepPercent = firstOf(body.loadStepPercent(), current.loadStepPercent);
        p.harderVariantId = body.harderVariantId() != null ? body.harderVariantId() : current.harderVariantId;
        p.notes = body.notes();
        requireCoherent(p, fieldPrefix);
        return p;
    }

    private static void requireCoherent(Prescription p, String fieldPrefix) {
        Optional<PrescriptionRules.Violation> violation = PrescriptionRules.firstViolation(p);
        if (violation.isPresent()) {
            throw new InvalidInputException(
                    fieldPrefix + "." + violation.get().field(), violation.get().message());
        }
    }

    private static <T> T firstOf(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
