package org.backstrong.progress.service;

/** Missing, or the caller's clinic may not see it (answered the same, so ids do not leak). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
