package org.backstrong.planner.messaging;

/** Kafka topics of the architecture page; every event is keyed by patientId. */
public final class Topics {

    public static final String PLAN_EVENTS = "plan-events";
    public static final String SET_EVENTS = "set-events";
    public static final String PROGRESS_EVENTS = "progress-events";

    /** Every topic the system uses, dead-letter twins included (created with 6 partitions). */
    public static final String ALL = PLAN_EVENTS + "," + SET_EVENTS + "," + PROGRESS_EVENTS + "," + PLAN_EVENTS
            + ".dlq," + SET_EVENTS + ".dlq," + PROGRESS_EVENTS + ".dlq";

    private Topics() {}

    /** Where a consumer parks what it cannot process, with the reason in headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
