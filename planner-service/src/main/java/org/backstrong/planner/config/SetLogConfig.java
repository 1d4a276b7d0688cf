package org.backstrong.planner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Group commit of logged sets (prefix {@code backstrong.set-log}). */
@ConfigMapping(prefix = "backstrong.set-log")
public interface SetLogConfig {

    /** Writer threads, each with its share of the patients (one patient's sets always go through the same one). */
    @WithDefault("1")
    int writers();

    /** Most sets one transaction stores: a bigger batch shares a commit among more sets. */
    @WithDefault("256")
    int maxBatch();

    /** Sets waiting for a writer, per writer; beyond it a request is answered 503 and the device sends it again. */
    @WithDefault("4096")
    int queueCapacity();

    /** A batch in the database for longer than this means a stuck writer: readiness goes DOWN. */
    @WithDefault("45s")
    Duration stuckAfter();
}
