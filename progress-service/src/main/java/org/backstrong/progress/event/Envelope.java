package org.backstrong.progress.event;

import java.time.OffsetDateTime;

/**
 * The CloudEvents attributes of one Kafka record in binary mode (headers), with its JSON data.
 *
 * @param time ce_time, or null when absent
 * @param topic where it was read from, for the record of processed events
 * @param traceparent the record's W3C trace context header, or null: what the event causes continues its trace
 */
public record Envelope(
        String id, String type, String subject, OffsetDateTime time, String topic, String data, String traceparent) {

    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPECVERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
}
