package org.backstrong.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.backstrong.catalog.domain.DoseKind;
import org.backstrong.catalog.domain.Exercise;

/** Moves an exercise between its stored form and the documents of the API. */
public final class ExerciseDocuments {

    private ExerciseDocuments() {}

    public static ExerciseDocument document(Exercise e) {
        return new ExerciseDocument(
                e.id,
                e.name,
                e.summary,
                e.category,
                e.regions,
                e.primaryMuscles,
                e.secondaryMuscles,
                e.equipmentOptions,
                e.steps,
                e.cues,
                e.safetyNotes,
                dose(e),
                e.difficulty,
                e.easierVariants,
                e.harderVariants,
                e.mediaLinks,
                status(e),
                e.version,
                e.clinicId != null);
    }

    public static ExerciseSummary summary(Exercise e) {
        return new ExerciseSummary(
                e.id,
                e.name,
                e.summary,
                e.category,
                e.regions,
                e.primaryMuscles,
                e.secondaryMuscles,
                e.equipmentOptions,
                dose(e),
                e.difficulty,
                status(e),
                e.version,
                e.clinicId != null);
    }

    /** Copies everything a client writes onto the stored exercise (a full replacement). */
    public static void apply(ExerciseInput input, Exercise e) {
        e.name = input.name().trim();
        e.summary = input.summary().trim();
        e.category = input.category();
        e.regions = new ArrayList<>(input.regions());
        e.primaryMuscles = new ArrayList<>(input.primaryMuscles());
        e.secondaryMuscles = new ArrayList<>(ExerciseInput.orEmpty(input.secondaryMuscles()));
        e.equipmentOptions = input.equipment().stream()
                .map(option -> (List<String>) new ArrayList<>(option))
                .toList();
        e.steps = new ArrayList<>(input.steps());
        e.cues = new ArrayList<>(ExerciseInput.orEmpty(input.cues()));
        e.safetyNotes = new ArrayList<>(ExerciseInput.orEmpty(input.safetyNotes()));
        Dose dose = input.dose();
        e.doseKind = DoseKind.valueOf(dose.kind().toUpperCase(Locale.ROOT));
        e.setsMin = dose.setsMin();
        e.setsMax = dose.setsMax();
        e.repsMin = dose.repsMin();
        e.repsMax = dose.repsMax();
        e.secondsMin = dose.secondsMin();
        e.secondsMax = dose.secondsMax();
        e.holdSeconds = dose.holdSeconds();
        e.perSide = dose.perSide();
        e.difficulty = input.difficulty();
        e.easierVariants = new ArrayList<>(ExerciseInput.orEmpty(input.easierVariants()));
        e.harderVariants = new ArrayList<>(ExerciseInput.orEmpty(input.harderVariants()));
        e.mediaLinks = new ArrayList<>(ExerciseInput.orEmpty(input.mediaLinks()));
    }

    private static Dose dose(Exercise e) {
        return new Dose(
                e.doseKind.name().toLowerCase(Locale.ROOT),
                e.setsMin,
                e.setsMax,
                e.repsMin,
                e.repsMax,
                e.secondsMin,
                e.secondsMax,
                e.holdSeconds,
                e.perSide);
    }

    private static String status(Exercise e) {
        return e.status.name().toLowerCase(Locale.ROOT);
    }
}
