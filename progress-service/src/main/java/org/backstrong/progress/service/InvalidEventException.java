package org.backstrong.progress.service;

/** An event that cannot be applied: missing or impossible fields. It goes to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    /** What could not be read, with what failed reading it. */
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Fails with "{@code field} is required" when {@code value} is null. */
    public static <T> T require(T value, String field) {
        if (value == null) {
            throw new InvalidEventException(field + " is required");
        }
        return value;
    }
}
