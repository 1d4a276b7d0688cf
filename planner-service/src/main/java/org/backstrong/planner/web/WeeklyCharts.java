package org.backstrong.planner.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.backstrong.planner.service.PatientAdherence;
import org.backstrong.planner.service.PatientHistory;

/** One patient's weeks as the patient's and the clinician's pages chart them, labelled alike. */
final class WeeklyCharts {

    /** Weeks the adherence chart shows, up to this one. */
    private static final int ADHERENCE_WEEKS = 12;

    private WeeklyCharts() {}

    /** "W47" for the ISO week starting that Monday. */
    static String label(LocalDate monday) {
        return "W" + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** Mean pain during sets per week, on the 0–10 scale; a week without sets has no point. */
    static String meanPain(List<PatientHistory.Week> weeks) {
        return SvgChart.line(
                "Mean pain during sets per week (0–10)",
                weeks.stream()
                        .map(week -> new SvgChart.Point(
                                label(week.monday()),
                                week.meanPain() == null ? null : week.meanPain().doubleValue()))
                        .toList(),
                10);
    }

    /** Sets logged per week. */
    static String sets(List<PatientHistory.Week> weeks) {
        return SvgChart.bars(
                "Sets logged per week",
                weeks.stream()
                        .map(week -> new SvgChart.Point(label(week.monday()), (double) week.sets()))
                        .toList(),
                null);
    }

    /** The first week the adherence chart asks progress-service for, {@link #ADHERENCE_WEEKS} back from today's. */
    static LocalDate firstAdherenceWeek(LocalDate today) {
        return mondayOf(today).minusWeeks(ADHERENCE_WEEKS - 1L);
    }

    /**
     * Per ISO week, from the first with a session scheduled (at most {@link #ADHERENCE_WEEKS} back) up
     * to this one, the sessions completed as a share of those scheduled, as progress-service counts
     * them (only what was due; paused and ended plans schedule nothing); weeks with nothing scheduled
     * are left blank.
     */
    static List<SvgChart.Point> adherence(List<PatientAdherence.AdherenceWeek> weeks, LocalDate today) {
        LocalDate thisMonday = mondayOf(today);
        Map<LocalDate, PatientAdherence.AdherenceWeek> byMonday = new HashMap<>();
        weeks.stream().filter(week -> week.sessionsScheduled() > 0).forEach(week -> byMonday.put(week.monday(), week));
        LocalDate first = byMonday.keySet().stream().min(LocalDate::compareTo).orElse(thisMonday);
        if (first.isBefore(firstAdherenceWeek(today))) {
            first = firstAdherenceWeek(today);
        }
        List<SvgChart.Point> points = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(thisMonday); monday = monday.plusWeeks(1)) {
            PatientAdherence.AdherenceWeek week = byMonday.get(monday);
            Double share =
                    week == null ? null : Math.min(100d, 100d * week.sessionsCompleted() / week.sessionsScheduled());
            points.add(new SvgChart.Point(label(monday), share));
        }
        return points;
    }

    private static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
