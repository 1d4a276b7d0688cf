package org.backstrong.planner.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.SessionCompletion;
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

    /**
     * Per ISO week, up to this one, the sessions completed (at least 80 % of their sets logged, as
     * adherence counts them) as a share of those the patient's plans scheduled until today; weeks
     * with nothing scheduled are left blank. Planner counts this itself because progress-service
     * answers adherence to analysts only (aggregates, pseudonyms), not one patient's weeks to a clinician.
     */
    static List<SvgChart.Point> adherence(List<Plan> all, List<SessionCompletion> done, LocalDate today) {
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        TreeMap<LocalDate, Integer> scheduled = new TreeMap<>();
        for (Plan plan : all) {
            plan.schedule().sessionDates().stream()
                    .filter(date -> !date.isAfter(today))
                    .forEach(date -> scheduled.merge(mondayOf(date), 1, Integer::sum));
        }
        Map<LocalDate, Integer> completed = new HashMap<>();
        done.stream()
                .filter(SessionCompletion::counts)
                .forEach(session -> completed.merge(mondayOf(session.sessionDate), 1, Integer::sum));
        LocalDate first = scheduled.isEmpty() ? thisMonday : scheduled.firstKey();
        if (first.isBefore(thisMonday.minusWeeks(ADHERENCE_WEEKS - 1L))) {
            first = thisMonday.minusWeeks(ADHERENCE_WEEKS - 1L);
        }
        List<SvgChart.Point> points = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(thisMonday); monday = monday.plusWeeks(1)) {
            Integer planned = scheduled.get(monday);
            Double share = planned == null ? null : Math.min(100d, 100d * completed.getOrDefault(monday, 0) / planned);
            points.add(new SvgChart.Point(label(monday), share));
        }
        return points;
    }

    private static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
