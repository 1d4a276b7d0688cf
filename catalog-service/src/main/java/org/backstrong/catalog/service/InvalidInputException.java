package org.backstrong.catalog.service;

/** Input the service refuses; {@code field} is the path a client sees, e.g. "dose.setsMax". */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String problemType;

    public InvalidInputException(String field, String message) {
        this("invalid-input", field, message);
    }

    public InvalidInputException(String problemType, String field, String message) {
        super(message);
        this.field = field;
        this.problemType = problemType;
    }

    public String field() {
        return field;
    }

    public String problemType() {
        return problemType;
    }
}
