package org.backstrong.planner.web;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import org.backstrong.planner.config.ClinicConfig;

/**
 * Moments as a clinic reads them: in the clinic's time zone, with the zone named, so a clinician
 * never has to guess whether "09:30" was UTC. A zone id that does not exist stops the start.
 */
@ApplicationScoped
@Startup
public class ClinicTime {

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

    private final ZoneId fallback;
    private final Map<String, ZoneId> zones = new HashMap<>();

    public ClinicTime(ClinicConfig config) {
        this.fallback = zone(config.timeZone(), "backstrong.clinic.time-zone");
        config.timeZones()
                .forEach((clinic, id) -> zones.put(clinic, zone(id, "backstrong.clinic.time-zones." + clinic)));
    }

    public ZoneId zoneOf(String clinicId) {
        return clinicId == null ? fallback : zones.getOrDefault(clinicId, fallback);
    }

    /** "2 Dec 2026, 09:30 CET"; an empty text for no moment. */
    public String format(OffsetDateTime moment, String clinicId) {
        return moment == null ? "" : MOMENT.format(moment.atZoneSameInstant(zoneOf(clinicId)));
    }

    private static ZoneId zone(String id, String key) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException(key + " is not a time zone: " + id, e);
        }
    }
}
