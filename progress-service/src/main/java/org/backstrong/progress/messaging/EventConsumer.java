package org.backstrong.progress.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.service.EventApplier;
import org.backstrong.progress.service.InvalidEventException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads plan-events and set-events, one record at a time in partition order. The record is
 * acknowledged when this method returns, after the event's transaction committed, so its offset
 * is committed only then; a record that fails goes to {@code <topic>.dlq} (application.properties)
 * and the consumer goes on.
 */
@ApplicationScoped
public class EventConsumer {

    private final EventApplier applier;

    public EventConsumer(EventApplier applier) {
        this.applier = applier;
    }

    /** A deadlock or a dropped connection is worth another try before the record is parked. */
    static final int ATTEMPTS = 3;

    @Incoming(Topics.PLAN_EVENTS_IN)
    @Blocking
    public void planEvent(ConsumerRecord<String, String> record) {
        apply(envelope(record));
    }

    @Incoming(Topics.SET_EVENTS_IN)
    @Blocking
    public void setEvent(ConsumerRecord<String, String> record) {
        apply(envelope(record));
    }

    /** An invalid event fails at once; anything else (the database) is retried, each try in a new transaction. */
    private void apply(Envelope event) {
        for (int attempt = 1;; attempt++) {
            try {
                applier.apply(event);
                return;
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Log.warnf("Event %s (%s) failed on try %d of %d: %s", event.id(), event.type(), attempt, ATTEMPTS,
                        e.getMessage());
            }
        }
    }

    static Envelope envelope(ConsumerRecord<String, String> record) {
        String subject = header(record, Envelope.SUBJECT);
        if (subject != null && record.key() != null && !subject.equals(record.key())) {
            throw new InvalidEventException("ce_subject " + subject + " is not the record key " + record.key());
        }
        String time = header(record, Envelope.TIME);
        OffsetDateTime at;
        try {
            at = time == null ? null : OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time is not an RFC 3339 instant: " + time);
        }
        return new Envelope(header(record, Envelope.ID), header(record, Envelope.TYPE), subject, at, record.topic(),
                record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
