package org.backstrong.planner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The FHIR bulk export's jobs (prefix {@code backstrong.fhir-export}). */
@ConfigMapping(prefix = "backstrong.fhir-export")
public interface ExportConfig {

    /** Run jobs in this instance: its own kick-offs, and others' whose lease ran out. */
    @WithDefault("true")
    boolean enabled();

    /** Jobs this instance runs at once; more wait in line (their lease renewed when they start). */
    @WithDefault("2")
    int threads();

    /** How long a job's lease lasts; renewed after each patient, so another instance takes it up only after this. */
    @WithDefault("60s")
    Duration lease();

    /** How often an instance looks for jobs whose lease ran out, and for expired output to delete. */
    @WithDefault("10s")
    Duration pollInterval();

    /** How long a finished job's files are kept (the manifest's expiry). */
    @WithDefault("24h")
    Duration expiry();

    /** The Retry-After a running job's status answers, in seconds. */
    @WithDefault("5")
    int retryAfterSeconds();
}
