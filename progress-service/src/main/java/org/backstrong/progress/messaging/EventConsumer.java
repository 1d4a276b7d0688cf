package org.backstrong.progress.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.service.EventApplier;
import org.backstrong.progress.service.InvalidEventException;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;

/**
 * Reads plan-events and set-events a poll at a time (batch=true, application.properties), each
 * partition in order. A batch is applied in one transaction; the batch is acknowledged when this
 * method returns, after that transaction committed, so offsets are committed only then. A record
 * that cannot be applied goes to {@code <topic>.dlq} with the reason in its headers (written here,
 * {@link DeadLetters}) and the rest of the batch is applied without it.
 */
@ApplicationScoped
public class EventConsumer {

    private final EventApplier applier;
    private final DeadLetters deadLetters;

    public EventConsumer(EventApplier applier, DeadLetters deadLetters) {
        this.applier = applier;
        this.deadLetters = deadLetters;
    }

    /** A deadlock or a dropped connection is worth another try before the record is parked. */
    static final int ATTEMPTS = 3;

    @Incoming(Topics.PLAN_EVENTS_IN)
    @Blocking
    public void planEvents(ConsumerRecords<String, String> records) {
        apply(records);
    }

    @Incoming(Topics.SET_EVENTS_IN)
    @Blocking
    public void setEvents(ConsumerRecords<String, String> records) {
        apply(records);
    }

    /**
     * Checks and reads every record first (what fails is parked), then applies the rest in one
     * transaction. An event found invalid while applying is parked and the batch applied again
     * without it; a batch that keeps failing otherwise (the database) is applied one event per
     * transaction, as the events came, so that only the events that fail are parked.
     */
    private void apply(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> kept = new ArrayList<>(records.count());
        List<EventApplier.Prepared> prepared = new ArrayList<>(records.count());
        List<Future<RecordMetadata>> parked = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                prepared.add(applier.prepare(envelope(record)));
                kept.add(record);
            } catch (InvalidEventException e) {
                parked.add(deadLetters.park(record, e));
            }
        }
        for (int attempt = 1; !prepared.isEmpty();) {
            try {
                applier.applyBatch(prepared);
                break;
            } catch (EventApplier.InvalidInBatch e) {
                parked.add(deadLetters.park(kept.remove(e.index()), e.getCause()));
                prepared.remove(e.index());
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS) {
                    Log.warnf("A batch of %d events failed on try %d of %d: %s", prepared.size(), attempt, ATTEMPTS,
                            e.getMessage());
                    attempt++;
                    continue;
                }
                Log.warnf("A batch of %d events failed %d times (%s); applying them one by one", prepared.size(),
                        ATTEMPTS, e.getMessage());
                for (int i = 0; i < kept.size(); i++) {
                    try {
                        applyOne(prepared.get(i).event());
                    } catch (RuntimeException failed) {
                        parked.add(deadLetters.park(kept.get(i), failed));
                    }
                }
                break;
            }
        }
        deadLetters.await(parked);
    }

    /** An invalid event fails at once; anything else (the database) is retried, each try in a new transaction. */
    private void applyOne(Envelope event) {
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
