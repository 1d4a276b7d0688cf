package org.backstrong.progress.service;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;

/**
 * Which consumed event the work on this thread is for, by the traceparent its record carried: what that work
 * publishes continues the event's trace ({@link Outbox}). Only the header's text is kept, with no span per event,
 * so the batch path pays nothing for it until an event is published.
 */
final class EventTrace {

    /** The traceparent of the event being applied; blank when that event carried none. */
    private static final ContextKey<String> CAUSE = ContextKey.named("backstrong-event-traceparent");

    private EventTrace() {}

    /** Until the scope closes, the work on this thread is for the event that carried {@code traceparent} (or none). */
    static Scope applying(String traceparent) {
        return Context.current()
                .with(CAUSE, traceparent == null ? "" : traceparent)
                .makeCurrent();
    }

    /** The traceparent of the event being applied: blank when it carried none, null when no event is being applied. */
    static String cause() {
        return Context.current().get(CAUSE);
    }
}
