package org.backstrong.planner.web;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

import org.backstrong.planner.service.PatientHistory;

/** One patient's weeks as the patient's and the clinician's pages chart them, labelled alike. */
final class WeeklyCharts {

    private WeeklyCharts() {
    }

    /** "W47" for the ISO week starting that Monday. */
    static String label(LocalDate monday) {
        return "W" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** Mean pain during sets per week, on the 0–10 scale; a week without sets has no point. */
    static String meanPain(List<PatientHistory.Week> weeks) {
        return SvgChart.line("Mean pain during sets per week (0–10)", weeks.stream()
                .map(week -> new SvgChart.Point(label(week.monday()),
                        week.meanPain() == null ? null : week.meanPain().doubleValue()))
                .toList(), 10);
    }

    /** Sets logged per week. */
    static String sets(List<PatientHistory.Week> weeks) {
        return SvgChart.bars("Sets logged per week", weeks.stream()
                .map(week -> new SvgChart.Point(label(week.monday()), (double) week.sets()))
                .toList(), null);
    }
}
