package org.backstrong.progress.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How long a flag has waited for a clinician, counting weekdays only, in the clinic's time zone:
 * a STOP flag raised on Friday evening has not waited a working day by Monday morning. The clinical
 * alert fires once an open STOP flag has waited more than one working day (24 weekday hours).
 */
public final class WorkingTime {

    /** One working day: the alert's threshold. */
    public static final Duration ONE_WORKING_DAY = Duration.ofHours(24);

    private WorkingTime() {}

    /** The weekday time between {@code from} and {@code to} (zero when {@code to} is not after it). */
    public static Duration between(Instant from, Instant to, ZoneId zone) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            ZonedDateTime dayStart = day.atStartOfDay(zone);
            ZonedDateTime dayEnd = day.plusDays(1).atStartOfDay(zone);
            ZonedDateTime counted = start.isAfter(dayStart) ? start : dayStart;
            ZonedDateTime until = end.isBefore(dayEnd) ? end : dayEnd;
            if (until.isAfter(counted)) {
                total = total.plus(Duration.between(counted, until));
            }
        }
        return total;
    }
}
