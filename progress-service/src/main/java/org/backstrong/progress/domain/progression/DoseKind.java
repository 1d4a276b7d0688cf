package org.backstrong.progress.domain.progression;

/** What a set of an exercise counts: reps, the seconds of a timed hold, or the seconds of a duration. */
public enum DoseKind {
    REPS,
    /** A timed hold (a plank): its own ladder of seconds when done with the body as the load. */
    HOLD,
    /** A duration (marching in place): seconds counted, no ladder of its own. */
    DURATION
}
