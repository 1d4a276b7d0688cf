package org.backstrong.operations;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

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

    /** One query serves both gauges of a scrape. */
    private static final Duration REUSE_FOR = Duration.ofSeconds(1);

    private OutboxGauges() {}

    /** Registers both gauges; they hold their reading strongly (a gauge's default weak reference would lose it). */
    public static void register(MeterRegistry metrics, Backlog backlog) {
        CachedReading<Waiting> waiting = new CachedReading<>("Outbox backlog", REUSE_FOR, backlog::read);
        Gauge.builder("backstrong.outbox.backlog", waiting, w -> w.figure(Waiting::events))
                .description("Events in the outbox not yet sent to Kafka")
                .strongReference(true)
                .register(metrics);
        Gauge.builder(
                        "backstrong.outbox.oldest.age",
                        waiting,
                        w -> w.figure(reading -> reading.oldest().toMillis() / 1000.0))
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
}
