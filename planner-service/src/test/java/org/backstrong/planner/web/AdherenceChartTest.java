package org.backstrong.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.backstrong.planner.service.PatientAdherence.AdherenceWeek;

/** The clinician's adherence chart: progress-service's completed sessions of those scheduled, per ISO week. */
class AdherenceChartTest {

    private static final LocalDate W45 = LocalDate.of(2026, 11, 2);

    @Test
    void drawsTheShareOfScheduledSessionsCompletedFromTheFirstWeekWithOneScheduled() {
        List<AdherenceWeek> weeks = List.of(
                week(W45.minusWeeks(1), 0, 0),
                week(W45, 2, 1),
                week(W45.plusWeeks(1), 0, 0), // paused: nothing scheduled
                week(W45.plusWeeks(2), 3, 1));
        List<SvgChart.Point> points = WeeklyCharts.adherence(weeks, LocalDate.of(2026, 11, 18));

        assertEquals(
                List.of("W45", "W46", "W47"),
                points.stream().map(SvgChart.Point::label).toList());
        assertEquals(50d, points.get(0).value(), "one of two");
        assertNull(points.get(1).value(), "a week with nothing scheduled is blank, not 0 %");
        assertEquals(100d / 3, points.get(2).value(), 1e-9, "one of three");
    }

    @Test
    void showsThisWeekBlankWhenNothingWasScheduled() {
        List<SvgChart.Point> points = WeeklyCharts.adherence(List.of(), W45.plusDays(2));
        assertEquals(1, points.size());
        assertEquals("W45", points.get(0).label());
        assertNull(points.get(0).value());
    }

    @Test
    void keepsToTheLastTwelveWeeksAndNeverAboveAHundred() {
        LocalDate today = W45.plusWeeks(20);
        List<SvgChart.Point> points = WeeklyCharts.adherence(List.of(week(W45, 2, 2), week(today, 2, 3)), today);
        assertEquals(12, points.size());
        assertEquals(100d, points.get(11).value());
    }

    private static AdherenceWeek week(LocalDate monday, long scheduled, long completed) {
        return new AdherenceWeek(monday, scheduled, completed, scheduled * 2, completed * 2);
    }
}
