package org.backstrong.planner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The progress-events consumer (prefix {@code backstrong.consumer}). */
@ConfigMapping(prefix = "backstrong.consumer")
public interface ConsumerConfig {

    /** First pause before an event that failed for a passing reason (the database) is tried again. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** The pause doubles after each failed try up to this; tries go on for as long as the failure lasts. */
    @WithDefault("10s")
    Duration retryMaxBackoff();
}
