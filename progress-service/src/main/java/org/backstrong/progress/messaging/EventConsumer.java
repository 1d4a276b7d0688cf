package org.backstrong.progress.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import org.backstrong.operations.EventTraces;
import org.backstrong.progress.config.ProgressConfig;
import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.EventTimes;
import org.backstrong.progress.service.EventApplier;
import org.backstrong.progress.service.IncomingEvent;
import org.backstrong.progress.service.IncomingEventReader;
import org.backstrong.progress.service.InvalidEventException;

/**
 * Reads plan-events and set-events a poll at a time (batch=true, application.properties), each
 * partition in order. A batch is applied in one transaction; the batch is acknowledged when this
 * method returns, after that transaction committed, so offsets are committed only then.
 *
 * <p>Every record is read and checked first ({@link IncomingEventReader}); only a record that can
 * never be applied (an {@link InvalidEventException}: unreadable, invalid by the contract, or a
 * status change of a plan never assigned, which the batch refuses) goes to {@code <topic>.dlq} with
 * the reason in its headers ({@link DeadLetters}); the rest of its batch is applied without it.
 * Any other failure (the database, a timeout) is a dependency that is down: the batch is tried
 * again with a growing pause for as long as it lasts, and the partitions wait; a good event is
 * never parked. After a few failed tries the batch is applied one event per transaction, so that
 * everything before an event that keeps failing is applied while that event is retried.
 *
 * <p>Each poll is one span ("process set-events"), as the OpenTelemetry messaging conventions have it for a
 * batch: linked to the trace of each record that carries a traceparent (up to {@value #MAX_LINKS}), and a child
 * of that trace when every record of the poll carries the same one (a batch of one, say). There is no span per
 * record: what an event publishes continues the record's own trace from its traceparent ({@code EventTrace}).
 */
@ApplicationScoped
public class EventConsumer {

    /** Links of a batch span, at most: the SDK's own default limit of links per span. */
    static final int MAX_LINKS = 128;

    private final IncomingEventReader reader;
    private final EventApplier applier;
    private final DeadLetters deadLetters;
    private final ProgressConfig.Consumer config;
    private final Tracer tracer;
    private volatile boolean stopping;

    public EventConsumer(
            IncomingEventReader reader,
            EventApplier applier,
            DeadLetters deadLetters,
            ProgressConfig config,
            Tracer tracer) {
        this.reader = reader;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.config = config.consumer();
        this.tracer = tracer;
    }

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

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** A record that can never be applied, and why. */
    private record Unusable(ConsumerRecord<String, String> record, Throwable reason) {}

    /** The poll in its span. */
    private void apply(ConsumerRecords<String, String> records) {
        Span batch = batchSpan(records);
        try (Scope current = batch.makeCurrent()) {
            applyAll(records);
        } catch (RuntimeException e) {
            batch.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            batch.end();
        }
    }

    /** One span for the poll: linked to its records' traces, a child of the one trace they all share if they do. */
    private Span batchSpan(ConsumerRecords<String, String> records) {
        String topic = records.isEmpty() ? "" : records.iterator().next().topic();
        SpanBuilder process = tracer.spanBuilder("process " + topic)
                .setSpanKind(SpanKind.CONSUMER)
                .setNoParent()
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.batch.message_count", (long) records.count());
        SpanContext first = null;
        boolean oneTrace = true;
        int links = 0;
        for (ConsumerRecord<String, String> record : records) {
            SpanContext sent = EventTraces.spanContext(EventTraces.traceparent(record.headers()));
            if (!sent.isValid()) {
                oneTrace = false;
            } else {
                if (first == null) {
                    first = sent;
                } else if (!first.getTraceId().equals(sent.getTraceId())) {
                    oneTrace = false;
                }
                if (links < MAX_LINKS) {
                    process.addLink(sent);
                    links++;
                }
            }
            if (!oneTrace && links == MAX_LINKS) {
                break;
            }
        }
        if (oneTrace && first != null) {
            process.setParent(Context.root().with(Span.wrap(first)));
        }
        return process.startSpan();
    }

    /** Reads and checks every record first (what can never be applied is parked), then applies the rest. */
    private void applyAll(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> kept = new ArrayList<>(records.count());
        List<IncomingEvent> events = new ArrayList<>(records.count());
        List<Unusable> unusable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(reader.read(envelope(record)));
                kept.add(record);
            } catch (InvalidEventException e) {
                unusable.add(new Unusable(record, e));
            }
        }
        Retry retry = new Retry();
        while (!events.isEmpty()) {
            try {
                applier.applyBatch(events)
                        .forEach(refused -> unusable.add(new Unusable(kept.get(refused.index()), refused.reason())));
                break;
            } catch (RuntimeException e) {
                if (retry.tries() < config.triesBeforeOneByOne()) {
                    retry.after(e, "a batch of " + events.size() + " events");
                    continue;
                }
                Log.warnf(
                        "A batch of %d events failed %d times (%s); applying them one by one",
                        events.size(), retry.tries(), e.getMessage());
                for (int i = 0; i < kept.size(); i++) {
                    ConsumerRecord<String, String> record = kept.get(i);
                    applyOne(events.get(i)).forEach(refused -> unusable.add(new Unusable(record, refused.reason())));
                }
                break;
            }
        }
        park(unusable);
    }

    /**
     * Applies one event in a transaction of its own, trying again for as long as it fails for a
     * passing reason; returns it as refused when it can never be applied, or nothing once applied.
     */
    private List<EventApplier.Refused> applyOne(IncomingEvent event) {
        Retry retry = new Retry();
        while (true) {
            try {
                return applier.apply(event);
            } catch (RuntimeException e) {
                retry.after(
                        e,
                        "event " + event.envelope().id() + " ("
                                + event.envelope().type() + ")");
            }
        }
    }

    /** The poll is acknowledged only once the broker has every parked record; a broker that is down is waited for. */
    private void park(List<Unusable> unusable) {
        Retry retry = new Retry();
        while (!unusable.isEmpty()) {
            try {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                unusable.forEach(parked -> sent.add(deadLetters.park(parked.record(), parked.reason())));
                deadLetters.await(sent);
                return;
            } catch (RuntimeException e) {
                retry.after(e, "parking " + unusable.size() + " records");
            }
        }
    }

    /** Tries of one batch or event: a pause that doubles up to the maximum; stopping ends them. */
    private final class Retry {

        private int tries;
        private Duration pause = config.retryInitialBackoff();

        int tries() {
            return tries;
        }

        void after(RuntimeException failure, String what) {
            tries++;
            if (stopping) {
                // Not acknowledged: the poll is read again after the restart.
                throw failure;
            }
            Log.warnf(
                    "Applying %s failed on try %d (%s); trying again in %d ms, the partitions wait",
                    what, tries, failure.getMessage(), pause.toMillis());
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(config.retryMaxBackoff()) > 0 ? config.retryMaxBackoff() : doubled;
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
            at = time == null ? null : EventTimes.offsetDateTime(time);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time is not an RFC 3339 instant: " + time);
        }
        return new Envelope(
                header(record, Envelope.ID),
                header(record, Envelope.TYPE),
                subject,
                at,
                record.topic(),
                record.value(),
                EventTraces.traceparent(record.headers()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
