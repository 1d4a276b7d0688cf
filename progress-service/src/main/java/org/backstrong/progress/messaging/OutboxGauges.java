package org.backstrong.progress.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

import org.backstrong.progress.repository.OutboxBacklog;

/**
 * The outbox in /q/metrics: backstrong_outbox_backlog (events not yet sent) and
 * backstrong_outbox_oldest_age_seconds (how long the oldest has waited; the alert fires above 5 s).
 * Read once per scrape, not per event, so the relay's hot path pays nothing.
 */
@Startup
@ApplicationScoped
public class OutboxGauges {

    private static final Duration REUSE_FOR = Duration.ofSeconds(1);

    private final OutboxBacklog backlog;
    private OutboxBacklog.Waiting last = new OutboxBacklog.Waiting(0, Duration.ZERO);
    private Instant readAt = Instant.EPOCH;

    public OutboxGauges(OutboxBacklog backlog, MeterRegistry metrics) {
        this.backlog = backlog;
        Gauge.builder("backstrong.outbox.backlog", this, gauges -> gauges.reading(waiting -> waiting.events()))
                .description("Events in the outbox not yet sent to Kafka")
                .register(metrics);
        Gauge.builder(
                        "backstrong.outbox.oldest.age",
                        this,
                        gauges -> gauges.reading(waiting -> waiting.oldest().toMillis() / 1000.0))
                .description("How long the oldest unsent outbox event has waited")
                .baseUnit("seconds")
                .register(metrics);
    }

    /** A figure of the last reading; NaN ("unknown" to Prometheus) while the database does not answer. */
    private double reading(ToDoubleFunction<OutboxBacklog.Waiting> figure) {
        OutboxBacklog.Waiting waiting = waiting();
        return waiting == null ? Double.NaN : figure.applyAsDouble(waiting);
    }

    /** The last reading, taken again when older than a second (one query serves both gauges of a scrape). */
    private synchronized OutboxBacklog.Waiting waiting() {
        if (Instant.now().isAfter(readAt.plus(REUSE_FOR))) {
            try {
                last = backlog.read();
                readAt = Instant.now();
            } catch (SQLException e) {
                // Rather no figure than a stale one.
                Log.debugf("Outbox backlog not read: %s", e.getMessage());
                return null;
            }
        }
        return last;
    }
}
