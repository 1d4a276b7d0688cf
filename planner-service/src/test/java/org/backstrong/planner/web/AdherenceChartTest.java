package org.backstrong.planner.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.SessionCompletion;

/** The clinician's adherence chart: completed sessions (80 % of sets logged) of those scheduled, per ISO week. */
class AdherenceChartTest {

    /** A Wednesday, so the plan's first week is split over two ISO weeks. */
    private static final LocalDate START = LocalDate.of(2026, 11, 4);

    @Test
    void countsSessionsWithFourFifthsOfTheirSetsLoggedAgainstThoseScheduledUntilToday() {
        Plan plan = plan(START, List.of(1, 3, 5)); // Wed 4, Fri 6 | Mon 9, Wed 11, Fri 13 | Mon 16, Wed 18 ...
        List<SessionCompletion> done = List.of(
                completion(plan, START, 13, 13),
                completion(plan, START.plusDays(2), 13, 10), // 77 %: does not count
                completion(plan, START.plusDays(5), 13, 11)); // 85 %: counts
        List<SvgChart.Point> weeks = WeeklyCharts.adherence(List.of(plan), done, LocalDate.of(2026, 11, 16));

        assertEquals(
                List.of("W45", "W46", "W47"),
                weeks.stream().map(SvgChart.Point::label).toList());
        assertEquals(50d, weeks.get(0).value(), "one of two");
        assertEquals(100d / 3, weeks.get(1).value(), 1e-9, "one of three");
        assertEquals(0d, weeks.get(2).value(), "Monday's session is scheduled, not done; Wednesday's is not due yet");
    }

    @Test
    void leavesWeeksWithoutAScheduledSessionBlank() {
        Plan plan = plan(START, List.of(3));
        List<SvgChart.Point> weeks = WeeklyCharts.adherence(List.of(plan), List.of(), START.minusDays(2));
        assertEquals(1, weeks.size());
        assertNull(weeks.get(0).value(), "nothing scheduled before the start");
    }

    private static Plan plan(LocalDate start, List<Integer> weekdays) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.startDate = start;
        plan.weeks = 4;
        plan.weekdays = weekdays;
        return plan;
    }

    private static SessionCompletion completion(Plan plan, LocalDate date, int prescribed, int logged) {
        SessionCompletion completion = new SessionCompletion();
        completion.planId = plan.id;
        completion.sessionDate = date;
        completion.setsPrescribed = prescribed;
        completion.setsLogged = logged;
        return completion;
    }
}
