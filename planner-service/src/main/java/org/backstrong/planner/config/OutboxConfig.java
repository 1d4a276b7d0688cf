package org.backstrong.planner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay (prefix {@code backstrong.outbox}). */
@ConfigMapping(prefix = "backstrong.outbox")
public interface OutboxConfig {

    /** Run the relay in this instance; every instance may, and the one holding the leader lock publishes. */
    @WithDefault("true")
    boolean enabled();

    /** Events published per round trip to Kafka. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits to be woken by a commit before it looks anyway (rows of other instances). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long the relay, once woken by a commit, waits for more commits to publish with it. */
    @WithDefault("10ms")
    Duration linger();

    /** Pause after a failed publication (broker down) before trying again. */
    @WithDefault("2s")
    Duration retryBackoff();
}
