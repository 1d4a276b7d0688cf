package org.backstrong.planner.domain;

/** How a set is measured: repetitions, seconds held, or seconds of continuous activity. */
public enum DoseKind {
    REPS,
    HOLD,
    DURATION
}
