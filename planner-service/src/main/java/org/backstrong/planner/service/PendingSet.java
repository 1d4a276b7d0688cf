package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Context;

import org.backstrong.planner.domain.LoggedSet;

/**
 * A set waiting for its batch, and where its answer goes: answered once, on the request's own event loop.
 *
 * @param traceparent the request's trace context, for the set's event (null outside a trace)
 */
record PendingSet(
        String patientId,
        SetInput input,
        LocalDate today,
        String traceparent,
        Context context,
        CompletableFuture<Logged<LoggedSet>> answer,
        AtomicBoolean answered,
        Runnable onAnswered) {

    /** Completes the answer with the stored set, or with {@code failure} if not null; later calls do nothing. */
    void answer(Logged<LoggedSet> logged, Throwable failure) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        onAnswered.run();
        Runnable complete =
                failure == null ? () -> answer.complete(logged) : () -> answer.completeExceptionally(failure);
        // On the request's event loop, so writing the response never holds up the writer thread.
        if (context != null) {
            context.runOnContext(ignored -> complete.run());
        } else {
            complete.run();
        }
    }
}
