package org.backstrong.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanContext;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A traceparent read from a header names the same span it was written from; a bad one names none. */
class EventTracesTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void readsTheSpanATraceparentNames() {
        SpanContext span = EventTraces.spanContext(TRACEPARENT);
        assertTrue(span.isValid());
        assertTrue(span.isRemote());
        assertEquals("0af7651916cd43dd8448eb211c80319c", span.getTraceId());
        assertEquals("b7ad6b7169203331", span.getSpanId());
        assertTrue(span.isSampled());
        assertEquals(TRACEPARENT, EventTraces.traceparent(span));
    }

    @Test
    void aMissingOrMalformedTraceparentNamesNoSpan() {
        assertFalse(EventTraces.spanContext(null).isValid());
        assertFalse(EventTraces.spanContext("not-a-traceparent").isValid());
        assertFalse(EventTraces.spanContext("00-00000000000000000000000000000000-b7ad6b7169203331-01")
                .isValid());
        assertNull(EventTraces.traceparent(SpanContext.getInvalid()));
    }

    @Test
    void carriesTheTraceparentAsAHeaderOnlyWhenThereIsOne() {
        RecordHeaders headers = new RecordHeaders();
        EventTraces.addHeader(headers, null);
        assertNull(EventTraces.traceparent(headers));
        EventTraces.addHeader(headers, TRACEPARENT);
        assertEquals(TRACEPARENT, EventTraces.traceparent(headers));
    }

    @Test
    void nothingIsCurrentOutsideASpan() {
        assertNull(EventTraces.current());
    }
}
