package org.backstrong.progress.domain.progression;

/** STOP pauses the exercise until a clinician resolves the flag; WATCH holds progression. */
public enum PainFlagSeverity {
    STOP,
    WATCH
}
