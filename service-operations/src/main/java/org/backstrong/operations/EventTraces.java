package org.backstrong.operations;

import java.nio.charset.StandardCharsets;
import java.util.Collections;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context of events: the {@value #HEADER} an outbox row keeps from the work that wrote it, and
 * its Kafka record carries as a header, so one trace runs from a request through every service its events
 * reach. A missing or malformed traceparent is no error: the event simply starts no trace of its own.
 */
public final class EventTraces {

    /** The W3C trace context header (and the outbox column) name. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<String> ONE_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return Collections.singletonList(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private EventTraces() {}

    /** The traceparent of the span current on this thread, or null when there is none. */
    public static String current() {
        return traceparent(Span.current().getSpanContext());
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or null for an invalid context. */
    public static String traceparent(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** The remote span a traceparent names; an invalid context when it is null or malformed. */
    public static SpanContext spanContext(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONE_VALUE);
        return Span.fromContext(extracted).getSpanContext();
    }

    /** The record's {@value #HEADER} header, or null. */
    public static String traceparent(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Adds the header when there is a traceparent to carry. */
    public static void addHeader(Headers headers, String traceparent) {
        if (traceparent != null) {
            headers.add(HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
    }
}
