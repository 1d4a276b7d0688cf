package org.backstrong.planner.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.backstrong.operations.EventTraces;
import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.OutboxEvent;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.repository.OutboxRepository;

/** Writes an event into the outbox, inside the caller's transaction: it commits with the change it reports. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository events;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;

    public Outbox(OutboxRepository events, ObjectMapper json, Event<OutboxWritten> written) {
        this.events = events;
        this.json = json;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String patientId, String type, Object data) {
        OutboxEvent event = event(topic, patientId, type, data);
        event.traceparent = EventTraces.current();
        events.persist(event);
        written.fire(new OutboxWritten());
        return event.id;
    }

    /**
     * The SetCompleted event of a set about to be stored, not yet stored itself: the set-logging hot path
     * inserts it in the statement that stores the set, on the writer's thread: the traceparent is the
     * request's, taken on the request's own thread.
     */
    public OutboxEvent setCompleted(LoggedSet set, String clinicId, String exerciseId, String traceparent) {
        OutboxEvent event = event(
                Topics.SET_EVENTS,
                set.patientId,
                EventTypes.SET_COMPLETED,
                EventData.setCompleted(set, clinicId, exerciseId));
        event.traceparent = traceparent;
        return event;
    }

    /** An event not yet stored, for a caller that inserts it itself (the set-logging hot path). */
    public OutboxEvent event(String topic, String patientId, String type, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.eventKey = patientId;
        event.type = type;
        event.occurredAt = OffsetDateTime.now();
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + type, e);
        }
        return event;
    }
}
