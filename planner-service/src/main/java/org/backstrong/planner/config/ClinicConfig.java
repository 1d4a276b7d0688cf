package org.backstrong.planner.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the pages show a clinic's times (prefix {@code backstrong.clinic}). */
@ConfigMapping(prefix = "backstrong.clinic")
public interface ClinicConfig {

    /** The time zone the pages show times in (an IANA id), for every clinic without its own. */
    @WithDefault("Europe/Berlin")
    String timeZone();

    /** A clinic's own time zone by clinic id, e.g. {@code backstrong.clinic.time-zones.clinic-b=Europe/London}. */
    Map<String, String> timeZones();
}
