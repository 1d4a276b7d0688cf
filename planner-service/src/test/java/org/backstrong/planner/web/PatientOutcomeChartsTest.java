package org.backstrong.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.backstrong.planner.progress.PatientOutcomes;

/** Where the chart draws the clinically important change: the easier of the points and 30 %, on the scale. */
class PatientOutcomeChartsTest {

    @ParameterizedTest(name = "{0} from {1}: {4}")
    @CsvSource({
        "RMDQ, 14, 24, false, 9.8",
        "RMDQ, 20, 24, false, 15",
        "NPRS, 1, 10, false, 0.7",
        "NPRS, 0, 10, false, 0",
        "ODI, 50, 100, false, 40",
        "PSFS, 3, 10, true, 5",
        "PSFS, 9, 10, true, 10",
    })
    void drawsTheImportantChangeWhereTheEasierRuleIsMetAndOnTheScale(
            String measure, BigDecimal baseline, BigDecimal scaleMax, boolean higherIsBetter, double level) {
        Map<String, Object> numbers = new HashMap<>();
        numbers.put(
                "pointsThreshold",
                switch (measure) {
                    case "RMDQ" -> 5;
                    case "ODI" -> 10;
                    default -> 2;
                });
        numbers.put("percentThreshold", higherIsBetter ? null : 30);
        PatientOutcomes.Measure course = new PatientOutcomes.Measure(
                measure,
                scaleMax,
                higherIsBetter,
                new PatientOutcomes.Score(UUID.randomUUID(), "BASELINE", null, LocalDate.of(2026, 3, 2), baseline),
                List.of(),
                null,
                "NO_FOLLOW_UP_YET",
                null,
                numbers,
                null);
        assertEquals(level, PatientOutcomeCharts.importantLevel(course), 1e-9);
        String chart = PatientOutcomeCharts.measureChart(course).chart();
        assertTrue(chart.startsWith("<svg class=\"chart outcome\""), chart);
        assertTrue(chart.contains("role=\"img\""), chart);
    }
}
