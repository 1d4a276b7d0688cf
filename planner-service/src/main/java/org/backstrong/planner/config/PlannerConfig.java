package org.backstrong.planner.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** planner-service's own settings (prefix {@code backstrong}). */
@ConfigMapping(prefix = "backstrong")
public interface PlannerConfig {

    /** Load the demo patients matching deploy/local's demo users (BACKSTRONG_DEMO_DATA=true); never in production. */
    @WithDefault("false")
    boolean demoData();

    /** The web pages (/app/...). */
    Web web();

    interface Web {
        /** Key of the pages' anti-forgery tokens (BACKSTRONG_WEB_CSRF_KEY), the same on every instance; required outside dev and test. */
        Optional<String> csrfKey();

        /** How long the navigation's count of open pain flags is reused per clinic before progress-service is asked again. */
        @WithDefault("20s")
        Duration openFlagsCache();
    }
}
