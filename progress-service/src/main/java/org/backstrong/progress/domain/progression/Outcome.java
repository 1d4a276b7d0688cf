package org.backstrong.progress.domain.progression;

/** What a progression decision does to the prescription. */
public enum Outcome {
    /** The prescription grows (a set, load, a band) or a harder variant is suggested. */
    PROGRESS,
    /** The prescription stays as it is. */
    HOLD,
    /** The prescription steps back one rung of the ladder it progresses on. */
    REGRESS
}
