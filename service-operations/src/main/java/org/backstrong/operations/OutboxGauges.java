package org.backstrong.operations;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * A service's outbox in /q/metrics: backstrong_outbox_backlog (events not yet sent) and
 * backstrong_outbox_oldest_age_seconds (how long the oldest has waited; the alert fires above 5 s).
 * Read once per scrape at most every second, not per event, so the relay's hot path pays nothing;
 * NaN ("unknown" to Prometheus) while the database does not answer. And
 * backstrong_outbox_relay_leader: 1 on the instance whose relay holds the lead, 0 on the others.
 */
public final class OutboxGauges {

    /** The events waiting, and how long the oldest of them has waited (zero when none waits). */
    public record Waiting(long events, Duration oldest) {}

    /** The service's own query of its outbox table. */
    @FunctionalInterface
    public interface Backlog {
        Waiting read() throws SQLException;
    }

    private static final Duration REUSE_FOR = Duration.ofSeconds(1);

    private final Backlog backlog;
    private Waiting last = new Waiting(0, Duration.ZERO);
    private Instant readAt = Instant.EPOCH;

    private OutboxGauges(Backlog backlog) {
        this.backlog = backlog;
    }

    /** Registers both gauges; they hold their state strongly (a gauge's default weak reference would lose it). */
    public static void register(MeterRegistry metrics, Backlog backlog) {
        OutboxGauges gauges = new OutboxGauges(backlog);
        Gauge.builder("backstrong.outbox.backlog", gauges, g -> g.reading(Waiting::events))
                .description("Events in the outbox not yet sent to Kafka")
                .strongReference(true)
                .register(metrics);
        Gauge.builder(
                        "backstrong.outbox.oldest.age",
                        gauges,
                        g -> g.reading(w -> w.oldest().toMillis() / 1000.0))
                .description("How long the oldest unsent outbox event has waited")
                .baseUnit("seconds")
                .strongReference(true)
                .register(metrics);
    }

    /**
     * Registers backstrong_outbox_relay_leader, 1 while this instance's relay publishes the outbox and
     * 0 while it waits for the lead (or is stopped): summed over a service's instances it is 1.
     */
    public static void registerLeader(MeterRegistry metrics, BooleanSupplier leads) {
        Gauge.builder("backstrong.outbox.relay.leader", leads, l -> l.getAsBoolean() ? 1 : 0)
                .description("1 when this instance's outbox relay holds the lead and publishes, else 0")
                .strongReference(true)
                .register(metrics);
    }

    private double reading(ToDoubleFunction<Waiting> figure) {
        Waiting waiting = waiting();
        return waiting == null ? Double.NaN : figure.applyAsDouble(waiting);
    }

    /** The last reading, taken again when older than a second (one query serves both gauges of a scrape). */
    private synchronized Waiting waiting() {
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
