package org.backstrong.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdherenceChangeTest {

    /** A Wednesday. */
    private static final LocalDate START = LocalDate.of(2026, 3, 4);

    private static final LocalDate WEEK_1 = LocalDate.of(2026, 3, 2);

    private static PlanSchedule plan(boolean active, int rowSets) {
        return new PlanSchedule(START, 2, Set.of(1, 3, 5), active, Map.of("dumbbell-row", rowSets, "bird-dog", 4));
    }

    private static Map<LocalDate, AdherenceChange.WeekDelta> between(
            PlanSchedule before, PlanSchedule after, LocalDate from) {
        return AdherenceChange.byWeek(AdherenceChange.daysBetween(before, after, from));
    }

    @Test
    void aNewPlanSchedulesItsWeekdaysFromTheStartForItsWeeks() {
        Map<LocalDate, AdherenceChange.WeekDelta> weeks = between(null, plan(true, 2), START);
        // Wed 4, Fri 6; Mon 9, Wed 11, Fri 13; Mon 16 (the plan ends before Wed 18).
        assertEquals(2, weeks.get(WEEK_1).sessions());
        assertEquals(12, weeks.get(WEEK_1).sets());
        assertEquals(3, weeks.get(WEEK_1.plusWeeks(1)).sessions());
        assertEquals(1, weeks.get(WEEK_1.plusWeeks(2)).sessions());
        assertEquals(4, weeks.get(WEEK_1.plusWeeks(2)).setsByExercise().get("bird-dog"));
        assertEquals(3, weeks.size());
    }

    @Test
    void aPauseRemovesTheSessionsFromItsDayOnAndKeepsThePast() {
        Map<LocalDate, AdherenceChange.WeekDelta> weeks =
                between(plan(true, 2), plan(false, 2), LocalDate.of(2026, 3, 11));
        assertFalse(weeks.containsKey(WEEK_1));
        assertEquals(-2, weeks.get(WEEK_1.plusWeeks(1)).sessions());
        assertEquals(-1, weeks.get(WEEK_1.plusWeeks(2)).sessions());
    }

    @Test
    void aChangedPrescriptionMovesOnlyTheSetsFromTheChangeOn() {
        Map<LocalDate, AdherenceChange.WeekDelta> weeks =
                between(plan(true, 2), plan(true, 3), LocalDate.of(2026, 3, 12));
        assertEquals(0, weeks.get(WEEK_1.plusWeeks(1)).sessions());
        assertEquals(Map.of("dumbbell-row", 1), weeks.get(WEEK_1.plusWeeks(1)).setsByExercise());
        assertEquals(Map.of("dumbbell-row", 1), weeks.get(WEEK_1.plusWeeks(2)).setsByExercise());
        assertEquals(2, weeks.size());
    }

    @Test
    void aNewPlanSchedulesEachSessionOnItsDay() {
        Map<LocalDate, AdherenceChange.DayDelta> days = AdherenceChange.daysBetween(null, plan(true, 2), START);
        assertEquals(
                List.of(
                        START,
                        START.plusDays(2),
                        START.plusDays(5),
                        START.plusDays(7),
                        START.plusDays(9),
                        START.plusDays(12)),
                List.copyOf(days.keySet()));
        assertEquals(1, days.get(START).sessions());
        assertEquals(Map.of("dumbbell-row", 2, "bird-dog", 4), days.get(START).setsByExercise());
    }

    @Test
    void movingASessionToAnotherWeekdayMovesItsDayButNotItsWeek() {
        PlanSchedule monWedFri = plan(true, 2);
        PlanSchedule monTueFri = new PlanSchedule(START, 2, Set.of(1, 2, 5), true, monWedFri.setsByExercise());
        Map<LocalDate, AdherenceChange.DayDelta> days =
                AdherenceChange.daysBetween(monWedFri, monTueFri, LocalDate.of(2026, 3, 9));
        assertEquals(1, days.get(LocalDate.of(2026, 3, 10)).sessions());
        assertEquals(-1, days.get(LocalDate.of(2026, 3, 11)).sessions());
        assertEquals(
                Map.of("dumbbell-row", -2, "bird-dog", -4),
                days.get(LocalDate.of(2026, 3, 11)).setsByExercise());
        // Tue 10 in, Wed 11 out: week 2 is unchanged; week 3 gains Tue 17.
        Map<LocalDate, AdherenceChange.WeekDelta> weeks = AdherenceChange.byWeek(days);
        assertFalse(weeks.containsKey(WEEK_1.plusWeeks(1)));
        assertEquals(1, weeks.get(WEEK_1.plusWeeks(2)).sessions());
    }

    @Test
    void countsASessionWhenEightyPercentOfItsSetsAreLogged() {
        assertTrue(SessionCompletion.counts(10, 8));
        assertFalse(SessionCompletion.counts(10, 7));
        assertTrue(SessionCompletion.counts(5, 4));
        assertFalse(SessionCompletion.counts(5, 3));
    }

    @ParameterizedTest(name = "first week {0}, latest {1}: {2}")
    @CsvSource({
        "6, 4, true",
        "10, 8.1, false",
        "10, 7, true",
        "3, 2.1, true",
        "3, 2.2, false",
        "0, 0, false",
        "2, 3, false"
    })
    void aClinicallyImportantImprovementIsTwoPointsOrThirtyPercent(double first, double latest, boolean improved) {
        assertEquals(improved, PainImprovement.clinicallyImportant(first, latest));
    }
}
