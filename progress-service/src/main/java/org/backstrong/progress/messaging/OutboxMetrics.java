package org.backstrong.progress.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import org.backstrong.operations.OutboxGauges;
import org.backstrong.progress.repository.OutboxBacklog;

/** Puts this service's outbox backlog and whether its relay leads in /q/metrics at start (see {@link OutboxGauges}). */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    public OutboxMetrics(OutboxBacklog backlog, OutboxRelay relay, MeterRegistry metrics) {
        OutboxGauges.register(metrics, backlog);
        OutboxGauges.registerLeader(metrics, relay::leads);
    }
}
