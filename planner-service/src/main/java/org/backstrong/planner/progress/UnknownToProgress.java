package org.backstrong.planner.progress;

/** progress-service knows no plan of the patient (yet), or the patient is not of the caller's clinic: its 404. */
public class UnknownToProgress extends RuntimeException {

    public UnknownToProgress(String message) {
        super(message);
    }
}
