package org.backstrong.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weekday hours a flag has waited, as the clinical alert counts them (2026-12-04 is a Friday). */
class WorkingTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest(name = "{0} → {1}: {2} h ({3})")
    @CsvSource({
        "2026-12-01T09:00, 2026-12-01T17:00, 8,  within one weekday",
        "2026-12-01T09:00, 2026-12-02T09:00, 24, one working day: the alert's threshold",
        "2026-12-01T09:00, 2026-12-02T10:00, 25, past one working day",
        "2026-12-04T18:00, 2026-12-07T08:00, 14, Friday evening to Monday morning: the weekend does not count",
        "2026-12-05T10:00, 2026-12-06T20:00, 0,  raised and read within a weekend",
        "2026-12-05T10:00, 2026-12-07T06:00, 6,  raised on Saturday: counting starts on Monday",
        "2026-12-04T09:00, 2026-12-11T09:00, 120, a whole week is five working days",
        "2026-12-02T10:00, 2026-12-02T09:00, 0,  a clock behind the flag counts nothing",
    })
    void countsWeekdayHoursOnly(String from, String to, long hours, String why) {
        Duration waited = WorkingTime.between(
                LocalDateTime.parse(from).atZone(BERLIN).toInstant(),
                LocalDateTime.parse(to).atZone(BERLIN).toInstant(),
                BERLIN);
        assertEquals(Duration.ofHours(hours), waited, why);
    }
}
