package org.backstrong.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome schedule of plans of several lengths, and which occasion is open on a day. */
class OutcomeScheduleTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "{0} weeks → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 | BASELINE 0, END_OF_PLAN 6",
                "2 | BASELINE 0, END_OF_PLAN 13",
                "3 | BASELINE 0, FOLLOW_UP 14, END_OF_PLAN 20",
                "4 | BASELINE 0, FOLLOW_UP 14, END_OF_PLAN 27",
                "6 | BASELINE 0, FOLLOW_UP 14, FOLLOW_UP 28, END_OF_PLAN 41",
                "8 | BASELINE 0, FOLLOW_UP 14, FOLLOW_UP 28, FOLLOW_UP 42, END_OF_PLAN 55",
            })
    void baselineAtTheStartFollowUpsEveryTwoWeeksAndTheEndOfPlanOnItsLastDay(int weeks, String expected) {
        OutcomeSchedule schedule = OutcomeSchedule.of(new Schedule(START, weeks, List.of(1, 3, 5)));
        assertEquals(
                expected,
                schedule.occasions().stream()
                        .map(due -> due.occasion() + " " + (due.dueOn().toEpochDay() - START.toEpochDay()))
                        .collect(Collectors.joining(", ")));
    }

    @ParameterizedTest(name = "day {0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "-1 | none",
                "0  | BASELINE 0",
                "13 | BASELINE 0",
                "14 | FOLLOW_UP 14",
                "27 | FOLLOW_UP 14",
                "28 | FOLLOW_UP 28",
                "41 | END_OF_PLAN 41",
                "90 | END_OF_PLAN 41",
            })
    void eachOccasionStaysOpenUntilTheNextIsDue(int day, String expected) {
        OutcomeSchedule schedule = OutcomeSchedule.of(new Schedule(START, 6, List.of(1, 3, 5)));
        assertEquals(
                expected,
                schedule.openOn(START.plusDays(day))
                        .map(due -> due.occasion() + " " + (due.dueOn().toEpochDay() - START.toEpochDay()))
                        .orElse("none"));
    }

    @Test
    void knowsWhichOccasionsItAsksFor() {
        OutcomeSchedule schedule = OutcomeSchedule.of(new Schedule(START, 6, List.of(1)));
        assertTrue(schedule.has(Occasion.FOLLOW_UP, START.plusDays(28)));
        assertFalse(schedule.has(Occasion.FOLLOW_UP, START.plusDays(27)));
        assertFalse(schedule.has(Occasion.BASELINE, START.plusDays(14)));
        assertTrue(schedule.has(Occasion.END_OF_PLAN, START.plusDays(41)));
    }
}
