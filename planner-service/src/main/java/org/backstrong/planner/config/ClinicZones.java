package org.backstrong.planner.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * Each clinic's time zone (its own, else the default), for what a clinic's calendar day means.
 * A zone id that does not exist stops the start.
 */
@ApplicationScoped
@Startup
public class ClinicZones {

    private final ZoneId fallback;
    private final Map<String, ZoneId> zones = new HashMap<>();

    public ClinicZones(ClinicConfig config) {
        this.fallback = zone(config.timeZone(), "backstrong.clinic.time-zone");
        config.timeZones()
                .forEach((clinic, id) -> zones.put(clinic, zone(id, "backstrong.clinic.time-zones." + clinic)));
    }

    public ZoneId zoneOf(String clinicId) {
        return clinicId == null ? fallback : zones.getOrDefault(clinicId, fallback);
    }

    private static ZoneId zone(String id, String key) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException(key + " is not a time zone: " + id, e);
        }
    }
}
