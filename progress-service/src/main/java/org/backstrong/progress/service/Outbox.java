package org.backstrong.progress.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.backstrong.progress.domain.OutboxEvent;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.progress.repository.OutboxRepository;

/** Writes events to the outbox in the caller's transaction; the relay publishes them after the commit. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository outbox;
    private final ObjectMapper json;

    public Outbox(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** An event for progress-events, keyed by the patient. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, String patientId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = Topics.PROGRESS_EVENTS;
        event.key = patientId;
        event.type = type;
        event.payload = write(data);
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.persist(event);
        outbox.notifyRelay();
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be written as JSON", e);
        }
    }
}
