package org.backstrong.progress.messaging;

/** Kafka topics of the architecture page and the channels that read them; every event is keyed by patientId. */
public final class Topics {

    public static final String PLAN_EVENTS = "plan-events";
    public static final String SET_EVENTS = "set-events";
    public static final String PROGRESS_EVENTS = "progress-events";

    /** Incoming channels (application.properties maps them to the topics above). */
    public static final String PLAN_EVENTS_IN = "plan-events-in";

    public static final String SET_EVENTS_IN = "set-events-in";

    /** The consumer group of both channels. */
    public static final String CONSUMER_GROUP = "progress-service";

    /** Every topic the system uses, dead-letter twins included (created with 6 partitions). */
    public static final String ALL = PLAN_EVENTS + "," + SET_EVENTS + "," + PROGRESS_EVENTS + "," + PLAN_EVENTS
            + ".dlq," + SET_EVENTS + ".dlq," + PROGRESS_EVENTS + ".dlq";

    private Topics() {}

    /** Where a consumer parks what it cannot process, with the reason in headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
