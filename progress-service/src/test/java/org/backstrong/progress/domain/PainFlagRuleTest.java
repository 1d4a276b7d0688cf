package org.backstrong.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PainFlagRuleTest {

    private static final LocalDate W1 = LocalDate.of(2026, 3, 2);

    private static SetResult set(int pain, boolean beyond) {
        return new SetResult(2, "left", 10, null, null, null, 2, null, pain, beyond);
    }

    @ParameterizedTest(name = "pain {0}, beyond normal fatigue {1}: {2}")
    @CsvSource({ "0, false, ", "5, false, ", "6, false, PAIN_ABOVE_FIVE", "10, false, PAIN_ABOVE_FIVE",
            "3, true, BEYOND_NORMAL_FATIGUE", "7, true, PAIN_ABOVE_FIVE" })
    void raisesAStopDuringASetAboveFiveOrBeyondNormalFatigue(int pain, boolean beyond, String rule) {
        Optional<FlagCall> call = PainFlagRule.duringSet(set(pain, beyond));
        assertEquals(Optional.ofNullable(rule), call.map(FlagCall::rule));
        call.ifPresent(flag -> assertEquals(PainFlagSeverity.STOP, flag.severity()));
    }

    @Test
    void namesTheNumbersInTheEvidence() {
        assertEquals("pain 7 during set 2 (left) (above 5)", PainFlagRule.duringSet(set(7, false)).orElseThrow().evidence());
    }

    @ParameterizedTest(name = "morning {0} after {1}: {2}")
    @CsvSource({ "4, 2, true", "3, 2, false", "2, 2, false", "0, 5, false", "9, 0, true", "6, , false" })
    void raisesAWatchWhenTheMorningIsTwoOrMorePointsAboveThePreSessionLevel(int morning, Integer before,
            boolean watch) {
        Optional<FlagCall> call = PainFlagRule.morningAfter(W1, morning, before);
        assertEquals(watch, call.isPresent());
        assertEquals(!watch, PainFlagRule.settled(morning, before));
        call.ifPresent(flag -> {
            assertEquals(PainFlagSeverity.WATCH, flag.severity());
            assertEquals(PainFlagRule.MORNING_PAIN_ROSE, flag.rule());
        });
    }

    @Test
    void raisesAWatchWhenTheWeeklyMeanRoseTwoWeeksInARow() {
        Optional<FlagCall> call = PainFlagRule.weeklyTrend(List.of(new WeekPain(W1, 1.5), new WeekPain(W1.plusWeeks(1), 2.0),
                new WeekPain(W1.plusWeeks(2), 3.25)));
        assertEquals(PainFlagRule.WEEKLY_PAIN_RISING, call.orElseThrow().rule());
        assertTrue(call.get().evidence().startsWith("weekly mean pain 1.5 → 2.0 → 3.3"), call.get().evidence());
    }

    @Test
    void doesNotFlagAFlatWeekOrAGapOrTooFewWeeks() {
        assertTrue(PainFlagRule.weeklyTrend(List.of(new WeekPain(W1, 1), new WeekPain(W1.plusWeeks(1), 2),
                new WeekPain(W1.plusWeeks(2), 2))).isEmpty());
        assertTrue(PainFlagRule.weeklyTrend(List.of(new WeekPain(W1, 1), new WeekPain(W1.plusWeeks(1), 2),
                new WeekPain(W1.plusWeeks(3), 3))).isEmpty());
        assertTrue(PainFlagRule.weeklyTrend(List.of(new WeekPain(W1, 1), new WeekPain(W1.plusWeeks(1), 2))).isEmpty());
    }
}
