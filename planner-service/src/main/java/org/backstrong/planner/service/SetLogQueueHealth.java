package org.backstrong.planner.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: planner can log sets only while every set-log writer runs and none is stuck on a batch. */
@Readiness
@ApplicationScoped
public class SetLogQueueHealth implements HealthCheck {

    private final SetLogQueue writer;

    public SetLogQueueHealth(SetLogQueue writer) {
        this.writer = writer;
    }

    @Override
    public HealthCheckResponse call() {
        return writer.unhealthy()
                .map(why -> HealthCheckResponse.named("set-log writer")
                        .down()
                        .withData("reason", why)
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("set-log writer")
                        .up()
                        .withData("waiting", writer.waiting())
                        .build());
    }
}
