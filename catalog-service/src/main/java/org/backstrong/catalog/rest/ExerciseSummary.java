package org.backstrong.catalog.rest;

import org.backstrong.catalog.domain.Exercise;

/** An exercise as listed: enough to pick one and open it. */
public record ExerciseSummary(String id, String name, String summary, String category, String status,
        int version, boolean clinicOwned) {

    static ExerciseSummary of(Exercise exercise) {
        return new ExerciseSummary(exercise.id, exercise.name, exercise.summary, exercise.category,
                exercise.status.name().toLowerCase(), exercise.version, exercise.clinicId != null);
    }
}
