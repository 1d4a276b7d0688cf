package org.backstrong.progress.service;

/** Input the service refuses; {@code field} is the name a client sent, e.g. "from". */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
