package org.backstrong.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannerRulesTest {

    @ParameterizedTest(name = "condition {0}, cleared {1}, start {2}: may start {3}")
    @CsvSource({
        "false, ,           2026-12-01, true",
        "true,  ,           2026-12-01, false",
        "true,  2026-11-20, 2026-12-01, true",
        "true,  2026-12-01, 2026-12-01, true",
        "true,  2026-12-02, 2026-12-01, false",
    })
    void startsAPlanOnlyWithClearanceForAPreExistingCondition(
            boolean condition, LocalDate clearedOn, LocalDate start, boolean mayStart) {
        assertEquals(
                mayStart, Screening.whyNotStart(condition, clearedOn, start).isEmpty());
    }

    @ParameterizedTest(name = "{0}: session {1}, week {2}, starts light {3}")
    @CsvSource({
        // plan: Monday 2026-11-30, 4 weeks, Mon/Wed/Fri
        "2026-11-29, false, 0, false",
        "2026-11-30, true,  1, true",
        "2026-12-01, false, 1, true",
        "2026-12-02, true,  1, true",
        "2026-12-06, false, 1, true",
        "2026-12-07, true,  2, false",
        "2026-12-25, true,  4, false",
        "2026-12-27, false, 4, false",
        "2026-12-28, false, 5, false",
    })
    void schedulesSessionsOnTheChosenWeekdays(LocalDate date, boolean session, int week, boolean startsLight) {
        Schedule schedule = new Schedule(LocalDate.parse("2026-11-30"), 4, List.of(1, 3, 5));
        assertEquals(session, schedule.isSessionDay(date));
        if (!date.isBefore(schedule.startDate())) {
            assertEquals(week, schedule.weekOf(date));
            assertEquals(startsLight, schedule.startsLight(date));
        }
    }

    @org.junit.jupiter.api.Test
    void countsTwelveSessionsInFourWeeksOfThree() {
        Schedule schedule = new Schedule(LocalDate.parse("2026-11-30"), 4, List.of(1, 3, 5));
        assertEquals(12, schedule.sessionDates().size());
        assertEquals(LocalDate.parse("2026-12-27"), schedule.endDate());
    }

    @ParameterizedTest(name = "{0} {1}–{2}, {3} {4}/{5}: violates {6}")
    @CsvSource(
            nullValues = "-",
            value = {
                "REPS,     8,  12, KG,         10,  -,      -",
                "REPS,     10, 10, BAND,       -,   yellow, -",
                "REPS,     8,  12, BODYWEIGHT, -,   -,      -",
                "HOLD,     20, 40, BODYWEIGHT, -,   -,      -",
                "DURATION, 300,600,BODYWEIGHT, -,   -,      -",
                "REPS,     12, 8,  KG,         10,  -,      repsMax",
                "REPS,     -,  12, KG,         10,  -,      repsMin",
                "HOLD,     40, 20, BODYWEIGHT, -,   -,      secondsMax",
                "REPS,     8,  12, KG,         -,   -,      loadKg",
                "REPS,     8,  12, KG,         -1,  -,      loadKg",
                "REPS,     8,  12, KG,         10,  red,    band",
                "REPS,     8,  12, BAND,       -,   pink,   band",
                "REPS,     8,  12, BAND,       5,   red,    loadKg",
                "REPS,     8,  12, BODYWEIGHT, 5,   -,      loadKg",
                "REPS,     8,  12, BODYWEIGHT, -,   red,    band",
            })
    void keepsPrescriptionsCoherent(
            DoseKind kind, Integer min, Integer max, LoadKind load, BigDecimal kg, String band, String violated) {
        Prescription p = new Prescription();
        p.doseKind = kind;
        p.sets = 1;
        p.setsMax = 3;
        if (kind == DoseKind.REPS) {
            p.repsMin = min;
            p.repsMax = max;
        } else {
            p.secondsMin = min;
            p.secondsMax = max;
        }
        p.loadKind = load;
        p.loadKg = kg;
        p.band = band;
        p.loadStepPercent = BigDecimal.valueOf(5);
        assertEquals(
                Optional.ofNullable(violated),
                PrescriptionRules.firstViolation(p).map(PrescriptionRules.Violation::field));
    }

    @ParameterizedTest(name = "sets {0} of at most {1}: violates {2}")
    @CsvSource(
            nullValues = "-",
            value = {"1, 3, -", "3, 3, -", "4, 3, setsMax"})
    void growsSetsOnlyUpToTheMaximum(int sets, int setsMax, String violated) {
        Prescription p = new Prescription();
        p.doseKind = DoseKind.REPS;
        p.sets = sets;
        p.setsMax = setsMax;
        p.repsMin = 8;
        p.repsMax = 12;
        p.loadKind = LoadKind.BODYWEIGHT;
        assertEquals(
                Optional.ofNullable(violated),
                PrescriptionRules.firstViolation(p).map(PrescriptionRules.Violation::field));
    }

    @ParameterizedTest(name = "pain {0}, beyond fatigue {1}: stop {2}")
    @CsvSource({"0, false, false", "5, false, false", "6, false, true", "10, false, true", "2, true, true"})
    void stopsAboveFiveOrBeyondNormalFatigue(int pain, boolean beyond, boolean stop) {
        assertEquals(stop, StopAdvice.mustStop(pain, beyond));
    }
}
