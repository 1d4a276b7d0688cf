package org.backstrong.planner.service;

/** The request is valid but the state forbids it (e.g. no clearance for a pre-existing condition). */
public class ConflictException extends RuntimeException {

    private final String problemType;

    public ConflictException(String problemType, String message) {
        super(message);
        this.problemType = problemType;
    }

    public String problemType() {
        return problemType;
    }
}
