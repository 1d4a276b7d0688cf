package org.backstrong.progress.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeChangeTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "{0} {1} → {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // NPRS: 2 points, or 30 %; lower is better
                "NPRS | 6   | 4   | IMPROVED_BY_POINTS     | true  | -2   | 2    | 33.3  | NPRS 6 → 4: improved by 2 points (33 %), clinically important (≥ 2 points)",
                "NPRS | 8   | 6.5 | BELOW_IMPORTANT_CHANGE | false | -1.5 | 1.5  | 18.8  | NPRS 8 → 6.5: improved by 1.5 points (19 %), not clinically important (needs ≥ 2 points or ≥ 30 %)",
                "NPRS | 5   | 3.5 | IMPROVED_BY_PERCENT    | true  | -1.5 | 1.5  | 30.0  | NPRS 5 → 3.5: improved by 1.5 points (30 %), clinically important (≥ 30 %)",
                "NPRS | 3   | 2   | IMPROVED_BY_PERCENT    | true  | -1   | 1    | 33.3  | NPRS 3 → 2: improved by 1 point (33 %), clinically important (≥ 30 %)",
                "NPRS | 4   | 7   | BELOW_IMPORTANT_CHANGE | false | 3    | -3   | -75.0 | NPRS 4 → 7: worse by 3 points (75 %), not clinically important (needs ≥ 2 points or ≥ 30 %)",
                "NPRS | 0   | 0   | BELOW_IMPORTANT_CHANGE | false | 0    | 0    |       | NPRS 0 → 0: no change, not clinically important (needs ≥ 2 points or ≥ 30 %)",
                "NPRS | 0   | 2   | BELOW_IMPORTANT_CHANGE | false | 2    | -2   |       | NPRS 0 → 2: worse by 2 points, not clinically important (needs ≥ 2 points or ≥ 30 %)",
                // RMDQ: 5 points, or 30 %
                "RMDQ | 14  | 8   | IMPROVED_BY_POINTS     | true  | -6   | 6    | 42.9  | RMDQ 14 → 8: improved by 6 points (43 %), clinically important (≥ 5 points)",
                "RMDQ | 12  | 8   | IMPROVED_BY_PERCENT    | true  | -4   | 4    | 33.3  | RMDQ 12 → 8: improved by 4 points (33 %), clinically important (≥ 30 %)",
                "RMDQ | 20  | 16  | BELOW_IMPORTANT_CHANGE | false | -4   | 4    | 20.0  | RMDQ 20 → 16: improved by 4 points (20 %), not clinically important (needs ≥ 5 points or ≥ 30 %)",
                "RMDQ | 10  | 14  | BELOW_IMPORTANT_CHANGE | false | 4    | -4   | -40.0 | RMDQ 10 → 14: worse by 4 points (40 %), not clinically important (needs ≥ 5 points or ≥ 30 %)",
                // ODI: 10 points, or 30 %
                "ODI  | 50  | 40  | IMPROVED_BY_POINTS     | true  | -10  | 10   | 20.0  | ODI 50 → 40: improved by 10 points (20 %), clinically important (≥ 10 points)",
                "ODI  | 30  | 21  | IMPROVED_BY_PERCENT    | true  | -9   | 9    | 30.0  | ODI 30 → 21: improved by 9 points (30 %), clinically important (≥ 30 %)",
                "ODI  | 40  | 32  | BELOW_IMPORTANT_CHANGE | false | -8   | 8    | 20.0  | ODI 40 → 32: improved by 8 points (20 %), not clinically important (needs ≥ 10 points or ≥ 30 %)",
                "ODI  | 20  | 34  | BELOW_IMPORTANT_CHANGE | false | 14   | -14  | -70.0 | ODI 20 → 34: worse by 14 points (70 %), not clinically important (needs ≥ 10 points or ≥ 30 %)",
                // PSFS: higher is better, 2 points on the mean, no percentage rule
                "PSFS | 3   | 5   | IMPROVED_BY_POINTS     | true  | 2    | 2    | 66.7  | PSFS 3 → 5: improved by 2 points (67 %), clinically important (≥ 2 points)",
                "PSFS | 5   | 6.5 | BELOW_IMPORTANT_CHANGE | false | 1.5  | 1.5  | 30.0  | PSFS 5 → 6.5: improved by 1.5 points (30 %), not clinically important (needs ≥ 2 points)",
                "PSFS | 6   | 3   | BELOW_IMPORTANT_CHANGE | false | -3   | -3   | -50.0 | PSFS 6 → 3: worse by 3 points (50 %), not clinically important (needs ≥ 2 points)",
                "PSFS | 0   | 2.3 | IMPROVED_BY_POINTS     | true  | 2.3  | 2.3  |       | PSFS 0 → 2.3: improved by 2.3 points, clinically important (≥ 2 points)",
            })
    void decidesEachRuleInBothDirections(
            OutcomeMeasure measure,
            BigDecimal baseline,
            BigDecimal latest,
            OutcomeRule rule,
            boolean important,
            BigDecimal change,
            BigDecimal improvement,
            BigDecimal percent,
            String reason) {
        OutcomeChange.Verdict verdict = OutcomeChange.verdict(measure, baseline, latest);
        assertEquals(rule, verdict.rule());
        assertEquals(important, verdict.clinicallyImportant());
        assertEquals(0, change.compareTo((BigDecimal) verdict.numbers().get("change")), "change");
        assertEquals(0, improvement.compareTo((BigDecimal) verdict.numbers().get("improvement")), "improvement");
        if (percent == null) {
            assertNull(verdict.numbers().get("percent"));
        } else {
            assertEquals(0, percent.compareTo((BigDecimal) verdict.numbers().get("percent")), "percent");
        }
        assertEquals(0, baseline.compareTo((BigDecimal) verdict.numbers().get("baseline")));
        assertEquals(0, latest.compareTo((BigDecimal) verdict.numbers().get("latest")));
        assertEquals(0, measure.importantPoints().compareTo((BigDecimal)
                verdict.numbers().get("pointsThreshold")));
        assertEquals(measure.importantPercent(), verdict.numbers().get("percentThreshold"));
        assertEquals(reason, verdict.reason());
    }

    @Test
    void thirtyPercentIsExactAndJustUnderIsBelow() {
        // 10 → 8.1 is 19 %; RMDQ 10 → 7 is exactly 30 %, 10 → 7.1 is 29 %.
        assertEquals(
                OutcomeRule.BELOW_IMPORTANT_CHANGE,
                OutcomeChange.verdict(OutcomeMeasure.NPRS, new BigDecimal("10"), new BigDecimal("8.1"))
                        .rule());
        assertEquals(
                OutcomeRule.IMPROVED_BY_PERCENT,
                OutcomeChange.verdict(OutcomeMeasure.RMDQ, new BigDecimal("10"), new BigDecimal("7"))
                        .rule());
        assertEquals(
                OutcomeRule.BELOW_IMPORTANT_CHANGE,
                OutcomeChange.verdict(OutcomeMeasure.RMDQ, new BigDecimal("10"), new BigDecimal("7.1"))
                        .rule());
    }

    @Test
    void hasNoVerdictBeforeTheFirstFollowUp() {
        OutcomeChange course = OutcomeChange.of(
                        OutcomeMeasure.RMDQ, List.of(response(OutcomeMeasure.RMDQ, OutcomeOccasion.BASELINE, 0, "14")))
                .orElseThrow();
        assertEquals(OutcomeRule.NO_FOLLOW_UP_YET, course.verdict().rule());
        assertNull(course.verdict().clinicallyImportant());
        assertNull(course.latest());
        assertEquals(List.of(), course.followUps());
        assertEquals("RMDQ 14 at baseline: no follow-up yet", course.verdict().reason());
        assertTrue(!course.verdict().numbers().containsKey("latest"));
    }

    @Test
    void takesTheBaselineOccasionEvenWhenAFollowUpCameFirstAndJudgesTheLatestFollowUp() {
        OutcomeResponse early = response(OutcomeMeasure.ODI, OutcomeOccasion.FOLLOW_UP, 0, "44");
        OutcomeResponse baseline = response(OutcomeMeasure.ODI, OutcomeOccasion.BASELINE, 1, "40");
        OutcomeResponse later = response(OutcomeMeasure.ODI, OutcomeOccasion.FOLLOW_UP, 15, "35");
        OutcomeResponse end = response(OutcomeMeasure.ODI, OutcomeOccasion.END_OF_PLAN, 29, "28");
        OutcomeChange course = OutcomeChange.of(OutcomeMeasure.ODI, List.of(end, later, baseline, early))
                .orElseThrow();
        assertEquals(baseline, course.baseline());
        assertEquals(List.of(early, later, end), course.followUps());
        assertEquals(end, course.latest());
        assertEquals(OutcomeRule.IMPROVED_BY_POINTS, course.verdict().rule());
    }

    @Test
    void takesTheEarliestResponseAsBaselineWhenNoneIsTheBaselineOccasion() {
        OutcomeResponse first = response(OutcomeMeasure.NPRS, OutcomeOccasion.FOLLOW_UP, 14, "6");
        OutcomeResponse second = response(OutcomeMeasure.NPRS, OutcomeOccasion.FOLLOW_UP, 28, "5");
        OutcomeChange course =
                OutcomeChange.of(OutcomeMeasure.NPRS, List.of(second, first)).orElseThrow();
        assertEquals(first, course.baseline());
        assertEquals(List.of(second), course.followUps());
        assertEquals(OutcomeRule.BELOW_IMPORTANT_CHANGE, course.verdict().rule());
    }

    @Test
    void hasNoCourseWithoutAResponse() {
        assertTrue(OutcomeChange.of(OutcomeMeasure.PSFS, List.of()).isEmpty());
    }

    private static OutcomeResponse response(OutcomeMeasure measure, OutcomeOccasion occasion, int day, String score) {
        return new OutcomeResponse(
                UUID.randomUUID(),
                measure,
                occasion,
                START.plusDays(day),
                START.plusDays(day),
                new BigDecimal(score),
                START.plusDays(day).atTime(18, 0).atOffset(ZoneOffset.UTC));
    }
}
