package org.backstrong.progress.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import org.backstrong.operations.EventTraces;
import org.backstrong.progress.domain.OutboxEvent;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.progress.repository.OutboxRepository;

/**
 * Writes events to the outbox in the caller's transaction; the relay publishes them after the commit. Each
 * event is made in a span of its own ("create progress-events"), whose traceparent the row keeps and the relay
 * sends: a child of the consumed event that caused it (linked to the batch that applied it), or of the request.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Tracer tracer;

    public Outbox(OutboxRepository outbox, ObjectMapper json, Tracer tracer) {
        this.outbox = outbox;
        this.json = json;
        this.tracer = tracer;
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
        event.traceparent = created(event);
        outbox.persist(event);
        outbox.notifyRelay();
    }

    /** The traceparent of the event's create span, which continues the trace of what caused the event. */
    private String created(OutboxEvent event) {
        SpanContext cause = SpanContext.getInvalid();
        String applying = EventTrace.cause();
        if (applying != null && !applying.isEmpty()) {
            cause = EventTraces.spanContext(applying);
        }
        SpanBuilder create = tracer.spanBuilder("create " + event.topic)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "create")
                .setAttribute("messaging.destination.name", event.topic)
                .setAttribute("messaging.message.id", event.id.toString());
        if (cause.isValid()) {
            create.setParent(Context.current().with(Span.wrap(cause)));
            SpanContext batch = Span.current().getSpanContext();
            if (batch.isValid()) {
                create.addLink(batch);
            }
        }
        Span span = create.startSpan();
        try {
            return EventTraces.traceparent(span.getSpanContext());
        } finally {
            span.end();
        }
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be written as JSON", e);
        }
    }
}
