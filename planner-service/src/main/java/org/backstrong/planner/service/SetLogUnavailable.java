package org.backstrong.planner.service;

/** Every set-log queue is full (or the writers are stopping): the device sends the set again in a moment. */
public class SetLogUnavailable extends RuntimeException {

    private final long retryAfterSeconds;

    public SetLogUnavailable(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long the device waits before sending again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
