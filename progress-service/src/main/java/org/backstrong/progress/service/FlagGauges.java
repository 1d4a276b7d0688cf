package org.backstrong.progress.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import org.backstrong.operations.CachedReading;

/**
 * backstrong_pain_flags_stop_oldest_open_working_seconds in /q/metrics: the weekday seconds the
 * longest-waiting open STOP flag has waited (the clinical alert fires past one working day).
 * Read at most every 30 s, whatever the scrape rate; NaN while the database does not answer.
 */
@Startup
@ApplicationScoped
public class FlagGauges {

    private static final Duration REUSE_FOR = Duration.ofSeconds(30);

    public FlagGauges(OpenStopFlags stopFlags, MeterRegistry metrics) {
        CachedReading<Duration> longestWait = new CachedReading<>("Open STOP flags", REUSE_FOR, stopFlags::longestWait);
        Gauge.builder(
                        "backstrong.pain.flags.stop.oldest.open.working",
                        longestWait,
                        wait -> wait.figure(Duration::toSeconds))
                .description("Weekday time the longest-waiting open STOP pain flag has waited for a clinician")
                .baseUnit("seconds")
                // The reading has no other owner: a gauge's default weak reference would lose it.
                .strongReference(true)
                .register(metrics);
    }
}
