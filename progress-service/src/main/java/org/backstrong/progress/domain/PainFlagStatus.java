package org.backstrong.progress.domain;

/** A flag is open until a clinician resolves it; acknowledging says someone is on it. */
public enum PainFlagStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
