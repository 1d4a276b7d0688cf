package org.backstrong.planner.service;

/**
 * An event that can never be applied, whatever is retried: not a CloudEvent, an unknown type,
 * unreadable or incomplete data, or about a plan or item that does not exist. It is parked on the
 * topic's dead-letter twin; {@code reason} is a short, stable label for the parked-records metric.
 */
public class InvalidEventException extends RuntimeException {

    public static final String NOT_A_CLOUD_EVENT = "not-a-cloud-event";
    public static final String UNKNOWN_TYPE = "unknown-type";
    public static final String UNREADABLE_DATA = "unreadable-data";
    public static final String NOT_APPLICABLE = "not-applicable";

    private final String reason;

    public InvalidEventException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
