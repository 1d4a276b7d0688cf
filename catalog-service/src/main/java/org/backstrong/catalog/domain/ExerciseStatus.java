package org.backstrong.catalog.domain;

/** Lifecycle of a catalog exercise: only published ones can be prescribed. */
public enum ExerciseStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
