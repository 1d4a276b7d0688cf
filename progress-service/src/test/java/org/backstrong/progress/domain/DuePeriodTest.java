package org.backstrong.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only what was due counts: up to the query's end or today, whichever is earlier, the last week day by day. */
class DuePeriodTest {

    /**
     * 2026-03-09 is a Monday. The answer: the first week, the last day that counts, the last week
     * counted whole (before the first week when none is), and whether the last week is whole.
     */
    @ParameterizedTest(name = "from {0} to {1}, today {2}: up to {4}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-02 | 2026-03-22 | 2026-12-01 | 2026-03-02 | 2026-03-22 | 2026-03-16 | true
            2026-03-02 | 2026-03-22 | 2026-03-11 | 2026-03-02 | 2026-03-11 | 2026-03-02 | false
            2026-03-02 | 2026-03-22 | 2026-03-09 | 2026-03-02 | 2026-03-09 | 2026-03-02 | false
            2026-03-02 | 2026-03-11 | 2026-12-01 | 2026-03-02 | 2026-03-11 | 2026-03-02 | false
            2026-03-02 | 2026-03-15 | 2026-03-15 | 2026-03-02 | 2026-03-15 | 2026-03-09 | true
            2026-03-11 | 2026-03-13 | 2026-12-01 | 2026-03-09 | 2026-03-13 | 2026-03-02 | false
            2026-03-11 | 2026-03-22 | 2026-03-10 | 2026-03-09 | 2026-03-10 | 2026-03-02 | false
            2026-03-16 | 2026-03-22 | 2026-03-11 |            |            |            |
            """)
    void countsUpToTheEndOrTodayWhicheverIsEarlier(
            LocalDate from,
            LocalDate to,
            LocalDate today,
            LocalDate firstWeek,
            LocalDate upTo,
            LocalDate lastWholeWeek,
            Boolean lastWeekWhole) {
        Optional<DuePeriod> due = DuePeriod.of(from, to, today);
        assertEquals(upTo == null ? Optional.empty() : Optional.of(new DuePeriod(firstWeek, upTo)), due);
        due.ifPresent(period -> {
            assertEquals(lastWholeWeek, period.lastWholeWeek());
            assertEquals(lastWeekWhole, period.lastWeekWhole());
            assertEquals(AdherenceChange.weekStart(upTo), period.lastWeek());
        });
    }

    @ParameterizedTest(name = "four weeks as of {0}, today {1}: from {2} up to {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-22 | 2026-12-01 | 2026-02-23 | 2026-03-22
            2026-03-22 | 2026-03-09 | 2026-02-16 | 2026-03-09
            2026-03-11 | 2026-03-11 | 2026-02-16 | 2026-03-11
            """)
    void theAtRiskWindowIsFourWeeksEndingWithTheLastDayDue(
            LocalDate asOf, LocalDate today, LocalDate firstWeek, LocalDate upTo) {
        assertEquals(new DuePeriod(firstWeek, upTo), DuePeriod.weeksEndingWith(4, asOf, today));
    }
}
