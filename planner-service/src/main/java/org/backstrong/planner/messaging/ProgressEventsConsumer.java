package org.backstrong.planner.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.event.PainFlagResolved;
import org.backstrong.planner.event.PainFlagged;
import org.backstrong.planner.event.ProgressionAdjusted;
import org.backstrong.planner.service.ProgressUpdates;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Applies progress-service's decisions to plans. The event id is recorded in the transaction of
 * its effect, so a redelivery changes nothing; an event that cannot be applied throws, and the
 * connector sends it to progress-events.dlq with the reason and carries on.
 */
@ApplicationScoped
public class ProgressEventsConsumer {

    public static final String CHANNEL = "progress-events";

    private final ProgressUpdates updates;
    /** Ignores fields a newer producer adds (REST bodies stay strict); a missing number or flag fails, not 0. */
    private final ObjectReader events;

    public ProgressEventsConsumer(ProgressUpdates updates, ObjectMapper json) {
        this.updates = updates;
        this.events = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) throws JsonProcessingException {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("Not a CloudEvent: ce_id and ce_type headers are required");
        }
        UUID eventId = UUID.fromString(id);
        if (!updates.firstDelivery(eventId, type)) {
            Log.debugf("Event %s (%s) already applied", eventId, type);
            return;
        }
        switch (type) {
            case EventTypes.PROGRESSION_ADJUSTED -> updates.adjust(read(record.value(), ProgressionAdjusted.class));
            case EventTypes.PAIN_FLAGGED -> updates.flagged(read(record.value(), PainFlagged.class));
            case EventTypes.PAIN_FLAG_RESOLVED -> updates.resolved(read(record.value(), PainFlagResolved.class));
            default -> throw new IllegalArgumentException("Unknown event type " + type);
        }
    }

    /** An event's data as its record, the way this consumer reads it (the contract tests read examples so). */
    public <T> T read(String data, Class<T> type) throws JsonProcessingException {
        return events.forType(type).readValue(data);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
