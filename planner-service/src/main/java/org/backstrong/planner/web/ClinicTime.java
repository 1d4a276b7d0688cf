package org.backstrong.planner.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.planner.config.ClinicZones;

/**
 * Moments as a clinic reads them: in the clinic's time zone, with the zone named, so a clinician
 * never has to guess whether "09:30" was UTC.
 */
@ApplicationScoped
public class ClinicTime {

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

    private final ClinicZones zones;

    public ClinicTime(ClinicZones zones) {
        this.zones = zones;
    }

    public ZoneId zoneOf(String clinicId) {
        return zones.zoneOf(clinicId);
    }

    /** "2 Dec 2026, 09:30 CET"; an empty text for no moment. */
    public String format(OffsetDateTime moment, String clinicId) {
        return moment == null ? "" : MOMENT.format(moment.atZoneSameInstant(zoneOf(clinicId)));
    }
}
