package org.backstrong.planner.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.backstrong.planner.config.ConsumerConfig;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.event.PainFlagResolved;
import org.backstrong.planner.event.PainFlagged;
import org.backstrong.planner.event.ProgressionAdjusted;
import org.backstrong.planner.service.InvalidEventException;
import org.backstrong.planner.service.ProgressUpdates;

/**
 * Applies progress-service's decisions to plans, one record at a time, each partition in order.
 * The event id is recorded in the transaction of its effect, so a redelivery changes nothing. A
 * record that can never be applied is parked on progress-events.dlq ({@link DeadLetters}); any
 * other failure (the database, the broker) is tried again with a growing pause for as long as it
 * lasts, and the partition waits: a good event is never parked.
 */
@ApplicationScoped
public class ProgressEventsConsumer {

    public static final String CHANNEL = "progress-events";

    /** The record each type's data is read as. */
    private static final Map<String, Class<?>> SHAPES = Map.of(
            EventTypes.PROGRESSION_ADJUSTED, ProgressionAdjusted.class,
            EventTypes.PAIN_FLAGGED, PainFlagged.class,
            EventTypes.PAIN_FLAG_RESOLVED, PainFlagResolved.class);

    private final ProgressUpdates updates;
    private final DeadLetters deadLetters;
    private final ConsumerConfig config;
    /** Ignores fields a newer producer adds (REST bodies stay strict); a missing number or flag fails, not 0. */
    private final ObjectReader events;

    private volatile boolean stopping;

    public ProgressEventsConsumer(
            ProgressUpdates updates, DeadLetters deadLetters, ConsumerConfig config, ObjectMapper json) {
        this.updates = updates;
        this.deadLetters = deadLetters;
        this.config = config;
        this.events = json.reader()
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        Duration pause = config.retryInitialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                applyOrPark(record);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    // Not acknowledged: the record is read again after the restart.
                    throw e;
                }
                Log.warnf(
                        "Record %s-%d@%d failed on try %d (%s); trying again in %d ms, the partition waits",
                        record.topic(), record.partition(), record.offset(), attempt, e.getMessage(), pause.toMillis());
                Thread.sleep(pause.toMillis());
                Duration doubled = pause.multipliedBy(2);
                pause = doubled.compareTo(config.retryMaxBackoff()) > 0 ? config.retryMaxBackoff() : doubled;
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private void applyOrPark(ConsumerRecord<String, String> record) {
        try {
            String id = header(record, "ce_id");
            String type = header(record, "ce_type");
            if (id == null || type == null) {
                throw new InvalidEventException(
                        InvalidEventException.NOT_A_CLOUD_EVENT,
                        "Not a CloudEvent: ce_id and ce_type headers are required");
            }
            updates.apply(eventId(id), type, read(record, type));
        } catch (InvalidEventException e) {
            deadLetters.park(record, e);
        }
    }

    private Object read(ConsumerRecord<String, String> record, String type) {
        Class<?> shape = SHAPES.get(type);
        if (shape == null) {
            throw new InvalidEventException(InvalidEventException.UNKNOWN_TYPE, "Unknown event type " + type);
        }
        Object data;
        try {
            data = record.value() == null ? null : read(record.value(), shape);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(
                    InvalidEventException.UNREADABLE_DATA,
                    "data is not a valid " + type + ": " + e.getOriginalMessage());
        }
        if (data == null) {
            throw new InvalidEventException(InvalidEventException.UNREADABLE_DATA, "data is empty or null");
        }
        return data;
    }

    private static UUID eventId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(InvalidEventException.NOT_A_CLOUD_EVENT, "ce_id is not a UUID: " + id);
        }
    }

    /** An event's data as its record, the way this consumer reads it (the contract tests read examples so). */
    public <T> T read(String data, Class<T> type) throws JsonProcessingException {
        return events.forType(type).readValue(data);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
