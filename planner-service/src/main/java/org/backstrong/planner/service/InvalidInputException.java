package org.backstrong.planner.service;

/** Input refused; {@code field} is the path the client sent. {@code status} is 400, or 422 for a valid request about unusable things. */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String problemType;
    private final int status;

    public InvalidInputException(String field, String message) {
        this(400, "invalid-input", field, message);
    }

    public InvalidInputException(int status, String problemType, String field, String message) {
        super(message);
        this.field = field;
        this.problemType = problemType;
        this.status = status;
    }

    public String field() {
        return field;
    }

    public String problemType() {
        return problemType;
    }

    public int status() {
        return status;
    }
}
