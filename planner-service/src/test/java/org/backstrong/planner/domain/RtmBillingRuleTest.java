package org.backstrong.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Days with data in a 30-day period to the RTM codes, at every edge of each threshold. */
class RtmBillingRuleTest {

    @ParameterizedTest(name = "period {0}, {1} days → {2} by {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // period | days | codes        | rules
                "1 | 0  | 98975       | first-period-setup fewer-than-2-days",
                "1 | 1  | 98975       | first-period-setup fewer-than-2-days",
                "1 | 2  | 98975 98985 | first-period-setup days-2-to-15",
                "1 | 15 | 98975 98985 | first-period-setup days-2-to-15",
                "1 | 16 | 98975 98977 | first-period-setup days-16-to-30",
                "1 | 30 | 98975 98977 | first-period-setup days-16-to-30",
                "2 | 0  | ''          | fewer-than-2-days",
                "2 | 1  | ''          | fewer-than-2-days",
                "2 | 2  | 98985       | days-2-to-15",
                "2 | 9  | 98985       | days-2-to-15",
                "2 | 15 | 98985       | days-2-to-15",
                "2 | 16 | 98977       | days-16-to-30",
                "2 | 30 | 98977       | days-16-to-30",
                "7 | 16 | 98977       | days-16-to-30",
            })
    void givesTheCodesOfTheThresholdTheDaysReach(int period, int days, String codes, String rules) {
        RtmBillingRule.Decision decision = RtmBillingRule.decide(period, days);
        assertEquals(words(codes), decision.codes());
        assertEquals(words(rules), decision.rules());
        assertEquals(period, decision.period());
        assertEquals(days, decision.daysWithData());
        assertTrue(
                decision.reason().startsWith(period == 1 ? "first period" : String.valueOf(days)), decision.reason());
        assertTrue(decision.reason().contains(days + " day"), decision.reason());
    }

    @Test
    void refusesDaysAPeriodCannotHave() {
        assertThrows(IllegalArgumentException.class, () -> RtmBillingRule.decide(1, 31));
        assertThrows(IllegalArgumentException.class, () -> RtmBillingRule.decide(1, -1));
        assertThrows(IllegalArgumentException.class, () -> RtmBillingRule.decide(0, 5));
    }

    @Test
    void periodsStartOnTheFirstDayWithDataAndLastThirtyDays() {
        LocalDate first = LocalDate.of(2026, 1, 10);
        List<RtmPeriods.Period> periods = RtmPeriods.of(
                List.of(first.plusDays(29), first, first.plusDays(30), first.plusDays(30), first.plusDays(75)),
                first.plusDays(40));
        assertEquals(
                List.of(
                        new RtmPeriods.Period(1, first, first.plusDays(29), 2),
                        new RtmPeriods.Period(2, first.plusDays(30), first.plusDays(59), 1),
                        new RtmPeriods.Period(3, first.plusDays(60), first.plusDays(89), 1)),
                periods);
    }

    @Test
    void periodsWithoutDataRunOnToTheDayAsked() {
        LocalDate first = LocalDate.of(2026, 3, 1);
        List<RtmPeriods.Period> periods = RtmPeriods.of(List.of(first), first.plusDays(60));
        assertEquals(3, periods.size());
        assertEquals(0, periods.get(2).daysWithData());
        assertEquals(first.plusDays(60), periods.get(2).start());
        assertTrue(RtmPeriods.of(List.of(), first).isEmpty());
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
