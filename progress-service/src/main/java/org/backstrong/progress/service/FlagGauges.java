package org.backstrong.progress.service;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * backstrong_pain_flags_stop_oldest_open_working_seconds in /q/metrics: the weekday seconds the
 * longest-waiting open STOP flag has waited (the clinical alert fires past one working day).
 * Read at most every 30 s, whatever the scrape rate; NaN while the database does not answer.
 */
@Startup
@ApplicationScoped
public class FlagGauges {

    private static final Duration REUSE_FOR = Duration.ofSeconds(30);

    private final OpenStopFlags stopFlags;
    private double lastSeconds;
    private Instant readAt = Instant.EPOCH;

    public FlagGauges(OpenStopFlags stopFlags, MeterRegistry metrics) {
        this.stopFlags = stopFlags;
        Gauge.builder("backstrong.pain.flags.stop.oldest.open.working", this, FlagGauges::seconds)
                .description("Weekday time the longest-waiting open STOP pain flag has waited for a clinician")
                .baseUnit("seconds")
                .register(metrics);
    }

    private synchronized double seconds() {
        if (Instant.now().isAfter(readAt.plus(REUSE_FOR))) {
            try {
                lastSeconds = stopFlags.longestWait().toSeconds();
                readAt = Instant.now();
            } catch (RuntimeException e) {
                Log.debugf("Open STOP flags not read: %s", e.getMessage());
                return Double.NaN;
            }
        }
        return lastSeconds;
    }
}
