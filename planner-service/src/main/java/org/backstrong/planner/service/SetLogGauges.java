package org.backstrong.planner.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The set-log writer in /q/metrics: backstrong_set_log_writer_ready (1 while every writer runs and
 * none is stuck; the alert pages after a minute at 0) and backstrong_set_log_queue_depth (sets
 * waiting for their batch). Read at scrape from the queue's own state, never per set.
 */
@Startup
@ApplicationScoped
public class SetLogGauges {

    public SetLogGauges(SetLogQueue queue, MeterRegistry metrics) {
        Gauge.builder(
                        "backstrong.set.log.writer.ready",
                        queue,
                        writer -> writer.unhealthy().isEmpty() ? 1 : 0)
                .description("1 while the set-log writer can store sets, 0 when it cannot")
                .register(metrics);
        Gauge.builder("backstrong.set.log.queue.depth", queue, SetLogQueue::waiting)
                .description("Sets waiting for the writer's next batch")
                .register(metrics);
    }
}
